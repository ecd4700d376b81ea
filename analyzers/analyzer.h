// The Vietnamese analysis chain: bytes in, index/query terms out.
//
// The same chain serves the indexer and the query side, so a word in a query
// always becomes the terms it became in the reports. Stages, in order:
//   1. TextCleaner          decode UTF-8, replace invalid bytes, drop invisible characters
//   2. UnicodeNormalizer    NFC
//      EthRepair            Ð/ð (U+00D0/U+00F0) → Đ/đ
//      ToneMarkNormalizer   one tone-mark placement ("hoà" → "hòa")
//   4. Tokenizer            ICU word breaks, dates/codes/abbreviations kept whole
//   3. CaseFolder           full case folding of each term
//   5. DiacriticFolder      the unaccented form beside the exact one
//   6. AbbreviationExpander "UBND" → + "ủy ban nhân dân"
// Case folding runs on tokens, after tokenization, so it cannot move offsets;
// see docs/ANALYSIS.md for the reasons behind each stage.
//
// Thread safety: an Analyzer is immutable after construction, and all its
// methods may be called from any number of threads at once. Build one per
// process and share it: construction loads the abbreviation list.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/text_cleaner.h"
#include "analyzers/token.h"

namespace tinhgon {

class CharFilter;
class TokenFilter;
class Tokenizer;

struct Analysis {
  std::string text;           // the normalized text (stages 1–2), UTF-8; token offsets point here
  std::vector<Token> tokens;  // the text's tokens in order, then expansions
  CleaningStats stats;
};

class Analyzer {
 public:
  Analyzer();
  ~Analyzer();
  Analyzer(const Analyzer&) = delete;
  Analyzer& operator=(const Analyzer&) = delete;

  // Runs the whole chain over any bytes. Never throws on bad input.
  Analysis Analyze(std::string_view bytes) const;

  // Stages 1–2 only: the text as metadata extraction and snippets should read it.
  std::string Normalize(std::string_view bytes, CleaningStats* stats = nullptr) const;

  // Number of abbreviations the expansion stage knows.
  std::size_t abbreviation_count() const;

 private:
  icu::UnicodeString NormalizeToUtf16(std::string_view bytes, CleaningStats* stats,
                                      bool* changed) const;
  std::vector<Token> AnalyzeBeforeExpansion(std::string_view bytes) const;

  std::vector<std::unique_ptr<CharFilter>> char_filters_;
  std::unique_ptr<Tokenizer> tokenizer_;
  std::vector<std::unique_ptr<TokenFilter>> token_filters_;
  std::size_t abbreviation_count_ = 0;
};

}  // namespace tinhgon
