#include "search/snippet.h"

#include <map>
#include <set>

#include "analyzers/analyzer.h"

namespace tinhgon {

std::string EscapeHtml(const std::string& text) {
  std::string out;
  out.reserve(text.size() + 16);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

Snippet MakeSnippet(Analyzer& analyzer, const std::string& text, const HighlightTerms& terms, std::size_t words) {
  const Analysis analysis = analyzer.Analyze(text);
  // Matching tokens of the text, by position; expansions point at their
  // abbreviation, so "UBND" is marked for a query "ủy ban".
  std::vector<const Token*> tokens;
  std::vector<bool> hit;
  std::map<std::uint32_t, bool> hit_at_start;
  for (const Token& t : analysis.tokens) {
    bool match = terms.exact.count(t.term) > 0 || terms.folded.count(t.folded) > 0;
    if (t.expansion) {
      if (match) hit_at_start[t.start] = true;
      continue;
    }
    tokens.push_back(&t);
  }
  for (const Token* t : tokens) {
    bool match = terms.exact.count(t->term) > 0 || terms.folded.count(t->folded) > 0 || hit_at_start.count(t->start);
    hit.push_back(match);
  }
  Snippet snippet;
  if (tokens.empty()) return snippet;
  // The window with the most distinct matching terms, then the most matches.
  std::size_t best_start = 0, best_distinct = 0, best_count = 0;
  for (std::size_t start = 0; start < tokens.size(); ++start) {
    if (start > 0 && !hit[start]) continue;  // windows worth considering start at a match
    std::set<std::string> distinct;
    std::size_t count = 0;
    for (std::size_t i = start; i < std::min(tokens.size(), start + words); ++i) {
      if (!hit[i]) continue;
      distinct.insert(tokens[i]->folded);
      ++count;
    }
    if (distinct.size() > best_distinct || (distinct.size() == best_distinct && count > best_count)) {
      best_start = start, best_distinct = distinct.size(), best_count = count;
    }
  }
  // Start a few words before the first match, for context.
  std::size_t first = best_start >= 3 && best_distinct > 0 ? best_start - 3 : best_start;
  std::size_t last = std::min(tokens.size(), first + words) - 1;
  std::size_t begin_byte = tokens[first]->start;
  std::size_t end_byte = tokens[last]->end;
  if (end_byte < text.size() && text[end_byte] == '.') ++end_byte;
  snippet.text = (first > 0 ? "… " : "");
  std::size_t base = snippet.text.size();
  snippet.text += text.substr(begin_byte, end_byte - begin_byte);
  std::size_t cursor = begin_byte;
  snippet.html = first > 0 ? "… " : "";
  for (std::size_t i = first; i <= last; ++i) {
    if (!hit[i]) continue;
    snippet.html += EscapeHtml(text.substr(cursor, tokens[i]->start - cursor));
    snippet.html += "<mark>" + EscapeHtml(text.substr(tokens[i]->start, tokens[i]->end - tokens[i]->start)) + "</mark>";
    snippet.matches.emplace_back(base + tokens[i]->start - begin_byte, base + tokens[i]->end - begin_byte);
    cursor = tokens[i]->end;
  }
  snippet.html += EscapeHtml(text.substr(cursor, end_byte - cursor));
  if (last + 1 < tokens.size()) {
    snippet.html += " …";
    snippet.text += " …";
  }
  // Newlines inside the passage read as spaces in a result list.
  for (std::string* s : {&snippet.text, &snippet.html}) {
    for (char& c : *s) {
      if (c == '\n') c = ' ';
    }
  }
  return snippet;
}

}  // namespace tinhgon
