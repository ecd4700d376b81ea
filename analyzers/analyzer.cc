#include "analyzers/analyzer.h"

#include "analyzers/abbreviation_expander.h"
#include "analyzers/case_folder.h"
#include "analyzers/char_filter.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/eth_repair.h"
#include "analyzers/tokenizer.h"
#include "analyzers/tone_marks.h"
#include "analyzers/unicode_normalizer.h"
#include "analyzers/utf8.h"
#include "analyzers_embedded.h"

namespace tinhgon {

Analyzer::Analyzer() : tokenizer_(std::make_unique<Tokenizer>()) {
  char_filters_.push_back(std::make_unique<UnicodeNormalizer>());
  char_filters_.push_back(std::make_unique<EthRepair>());
  char_filters_.push_back(std::make_unique<ToneMarkNormalizer>());

  token_filters_.push_back(std::make_unique<CaseFolder>());
  token_filters_.push_back(std::make_unique<DiacriticFolder>());
  // The list's entries go through every stage above, so "Ủy ban" in the data
  // and "uỷ ban" in a report meet as the same terms.
  auto expander = std::make_unique<AbbreviationExpander>(
      embedded::analyzers_abbreviations,
      [this](std::string_view phrase) { return AnalyzeBeforeExpansion(phrase); });
  abbreviation_count_ = expander->size();
  token_filters_.push_back(std::move(expander));
}

Analyzer::~Analyzer() = default;

icu::UnicodeString Analyzer::NormalizeToUtf16(std::string_view bytes,
                                              CleaningStats* stats) const {
  icu::UnicodeString text = TextCleaner::Clean(bytes, stats);
  for (const auto& filter : char_filters_) filter->Apply(&text);
  return text;
}

std::string Analyzer::Normalize(std::string_view bytes, CleaningStats* stats) const {
  return ToUtf8(NormalizeToUtf16(bytes, stats));
}

// Only called while the constructor builds the expander, when token_filters_
// holds the stages before expansion and nothing else.
std::vector<Token> Analyzer::AnalyzeBeforeExpansion(std::string_view bytes) {
  icu::UnicodeString text = NormalizeToUtf16(bytes, nullptr);
  std::vector<Token> tokens;
  tokenizer_->Tokenize(text, &tokens);
  for (const auto& filter : token_filters_) filter->Apply(&tokens);
  return tokens;
}

Analysis Analyzer::Analyze(std::string_view bytes) {
  Analysis result;
  icu::UnicodeString text = NormalizeToUtf16(bytes, &result.stats);
  tokenizer_->Tokenize(text, &result.tokens);
  for (const auto& filter : token_filters_) filter->Apply(&result.tokens);
  result.text = ToUtf8(text);
  return result;
}

std::size_t Analyzer::abbreviation_count() const { return abbreviation_count_; }

}  // namespace tinhgon
