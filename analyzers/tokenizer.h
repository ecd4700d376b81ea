// Stage 4 of the analysis chain: normalized text → tokens with positions.
//
// Thread safety: after construction, Tokenize may be called from any number
// of threads at once; each call borrows an ICU break iterator of its own.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>

#include "analyzers/token.h"

namespace tinhgon {

// Splits text with ICU's word break rules (UAX #29, which already keeps "1,2"
// and "3.904.255" together), then re-joins what those rules cut but readers
// treat as one unit: dates, document codes, '&' abbreviations (see
// compound_matcher.h). "TP.HCM", which the rules keep whole, is split at the
// dot so "TP" can be expanded like "TP. Hồ Chí Minh".
//
// Terms come out as written (not yet case-folded); the token filters do the
// rest. Positions count words, with a gap of one at each line break so that
// no phrase runs from one line or paragraph into the next.
class Tokenizer {
 public:
  Tokenizer();
  ~Tokenizer();
  Tokenizer(const Tokenizer&) = delete;
  Tokenizer& operator=(const Tokenizer&) = delete;

  // Appends the tokens of `text` to `tokens`. `utf8` must be the UTF-8 form of
  // `text`: terms are sliced from it, and offsets are byte offsets into it.
  void Tokenize(const icu::UnicodeString& text, std::string_view utf8, std::vector<Token>* tokens) const;

  // The same, converting `text` to UTF-8 first.
  void Tokenize(const icu::UnicodeString& text, std::vector<Token>* tokens) const;

 private:
  class WordBreaks;  // the break iterators, one per tokenization under way
  std::unique_ptr<WordBreaks> words_;
};

}  // namespace tinhgon
