// The passage of a report that best shows why it matched.
//
// Thread safety: the functions keep no state; they may run from any number of
// threads at once, sharing one Analyzer.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/query_builder.h"

namespace tinhgon {

class Analyzer;

struct Snippet {
  std::string html;   // HTML-escaped passage with <mark>…</mark> around matches
  std::string text;   // the same passage as plain text
  std::vector<std::pair<std::size_t, std::size_t>> matches;  // [start, end) byte offsets into `text`
};

// Re-analyzes the report's text with the chain, so words matched only through
// folding ("duong" → "đường") or abbreviation expansion are marked too —
// something Xapian's own MSet::snippet, with its own tokenizer, cannot do.
// Picks the window of about `words` words with the most distinct matches
// (the text's opening when nothing matches).
Snippet MakeSnippet(const Analyzer& analyzer, std::string_view text, const HighlightTerms& terms,
                    std::size_t words = 40);

// The whole text as HTML, one string per line, with the words `terms`
// match marked as in a snippet: a report's page with the searched words shown.
std::vector<std::string> MarkedLines(const Analyzer& analyzer, std::string_view text, const HighlightTerms& terms);

// Escapes &, <, >, " and ' for HTML text and attribute values.
std::string EscapeHtml(std::string_view text);

}  // namespace tinhgon
