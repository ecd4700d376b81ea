// How well a query typed without diacritics is spelled back ("did you
// mean"), as known_item and relevance_xquad report it.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"

namespace tinhgon::bench {

// The words of `text` as the analysis chain spells them.
inline std::vector<std::string> SpelledWords(const Analyzer& analyzer, const std::string& text) {
  const Analysis analysis = analyzer.Analyze(text);
  std::vector<std::string> terms;
  for (const Token* t : WrittenTokens(analysis.tokens)) terms.push_back(t->term);
  return terms;
}

// One row: the share of the words of `expected` that `offered` spells the
// same, and of the queries spelled right whole.
inline void PrintSpelling(const char* name, const Analyzer& analyzer, const std::vector<std::string>& expected,
                          const std::vector<std::string>& offered) {
  std::size_t words = 0, right = 0, whole = 0;
  for (std::size_t q = 0; q < expected.size(); ++q) {
    const std::vector<std::string> want = SpelledWords(analyzer, expected[q]), got = SpelledWords(analyzer, offered[q]);
    std::size_t same = 0;
    for (std::size_t i = 0; i < want.size() && i < got.size(); ++i) same += want[i] == got[i];
    words += want.size();
    right += same;
    whole += same == want.size() && got.size() == want.size();
  }
  std::printf("%-36s %-20s %8.3f %8.3f\n", name, "words / queries", words ? static_cast<double>(right) / words : 0.0,
              expected.empty() ? 0.0 : static_cast<double>(whole) / expected.size());
}

}  // namespace tinhgon::bench
