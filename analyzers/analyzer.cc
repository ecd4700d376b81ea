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

icu::UnicodeString Analyzer::NormalizeToUtf16(std::string_view bytes, CleaningStats* stats,
                                              bool* changed) const {
  CleaningStats local;
  icu::UnicodeString text = TextCleaner::Clean(bytes, &local);
  bool any = local.changed();
  for (const auto& filter : char_filters_) any = filter->Apply(&text) || any;
  if (stats != nullptr) *stats = local;
  if (changed != nullptr) *changed = any;
  return text;
}

std::string Analyzer::Normalize(std::string_view bytes, CleaningStats* stats) const {
  bool changed = false;
  icu::UnicodeString text = NormalizeToUtf16(bytes, stats, &changed);
  return changed ? ToUtf8(text) : std::string(bytes);
}

// Only called while the constructor builds the expander, when token_filters_
// holds the stages before expansion and nothing else.
std::vector<Token> Analyzer::AnalyzeBeforeExpansion(std::string_view bytes) const {
  icu::UnicodeString text = NormalizeToUtf16(bytes, nullptr, nullptr);
  std::vector<Token> tokens;
  tokenizer_->Tokenize(text, &tokens);
  for (const auto& filter : token_filters_) filter->Apply(&tokens);
  return tokens;
}

Analysis Analyzer::Analyze(std::string_view bytes) const {
  Analysis result;
  bool changed = false;
  icu::UnicodeString text = NormalizeToUtf16(bytes, &result.stats, &changed);
  // Most reports come in clean, NFC and with canonical tone marks: then the
  // normalized text is the input itself and converting back would be waste.
  result.text = changed ? ToUtf8(text) : std::string(bytes);
  tokenizer_->Tokenize(text, result.text, &result.tokens);
  for (const auto& filter : token_filters_) filter->Apply(&result.tokens);
  return result;
}

std::size_t Analyzer::abbreviation_count() const { return abbreviation_count_; }

}  // namespace tinhgon
