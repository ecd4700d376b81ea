// Stage 4 of the analysis chain: normalized text → tokens with positions.
#pragma once

#include <memory>
#include <vector>

#include <unicode/unistr.h>
#include <unicode/brkiter.h>

#include "analyzers/token.h"

namespace tinhgon {

// Splits text with ICU's word break rules (UAX #29, which already keeps "1,2"
// and "3.904.255" together), then re-joins what those rules cut but readers
// treat as one unit: dates, document codes, '&' abbreviations (see
// compound_matcher.h). "TP.HCM", which the rules keep whole, is split at the
// dot so "TP" can be expanded like "TP. Hồ Chí Minh".
//
// Terms come out as written (not yet case-folded); the token filters do the
// rest. Not thread-safe: it owns an ICU break iterator, so use one per thread.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Appends the tokens of `text` to `tokens`. Offsets are UTF-8 byte offsets
  // into the UTF-8 form of `text`.
  void Tokenize(const icu::UnicodeString& text, std::vector<Token>* tokens);

 private:
  std::unique_ptr<icu::BreakIterator> words_;
};

}  // namespace tinhgon
