#include "search/snippet.h"

#include <set>
#include <string_view>

#include "analyzers/analyzer.h"

namespace tinhgon {

std::string EscapeHtml(std::string_view text) {
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

namespace {

// A text's words as the snippet sees them: byte offsets into the text, and
// whether each matches the query.
struct MarkedWords {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  std::vector<std::string> folded;
  std::vector<bool> hit;
};

// Adds the words of text[begin, end) to `words`.
void MarkWords(const Analyzer& analyzer, std::string_view text, std::size_t begin, std::size_t end,
               const HighlightTerms& terms, MarkedWords* words) {
  const Analysis analysis = analyzer.Analyze(text.substr(begin, end - begin));
  // Expansions carry their abbreviation's offsets, so "UBND" is marked for a
  // query "ủy ban".
  std::set<std::uint32_t> expansion_hits;
  for (const Token& t : analysis.tokens) {
    if (t.expansion && (terms.exact.count(t.term) > 0 || terms.folded.count(t.folded) > 0)) expansion_hits.insert(t.start);
  }
  for (const Token& t : analysis.tokens) {
    if (t.expansion) continue;
    words->spans.emplace_back(begin + t.start, begin + t.end);
    words->folded.push_back(t.folded);
    words->hit.push_back(terms.exact.count(t.term) > 0 || terms.folded.count(t.folded) > 0 ||
                         expansion_hits.count(t.start) > 0);
  }
}

struct Window {
  std::size_t start = 0, distinct = 0, count = 0;
};

// The window of `size` words with the most distinct matching terms, then the
// most matches.
Window BestWindow(const MarkedWords& words, std::size_t size) {
  Window best;
  for (std::size_t start = 0; start < words.hit.size(); ++start) {
    if (start > 0 && !words.hit[start]) continue;  // windows worth considering start at a match
    std::set<std::string_view> distinct;
    std::size_t count = 0;
    for (std::size_t i = start; i < std::min(words.hit.size(), start + size); ++i) {
      if (!words.hit[i]) continue;
      distinct.insert(words.folded[i]);
      ++count;
    }
    if (distinct.size() > best.distinct || (distinct.size() == best.distinct && count > best.count)) {
      best = {start, distinct.size(), count};
    }
  }
  return best;
}

// Analysis is most of a snippet's cost, and most reports show every query
// word early (the title leads), so the text is analyzed a piece at a time,
// each ending between two words, and no further once a window holds every
// term the query can match.
constexpr std::size_t kPieceBytes = 1024;

}  // namespace

std::vector<std::string> MarkedLines(const Analyzer& analyzer, std::string_view text, const HighlightTerms& terms) {
  MarkedWords marked;
  for (std::size_t begin = 0; begin < text.size();) {
    std::size_t end = begin + kPieceBytes < text.size() ? text.find_first_of(" \n", begin + kPieceBytes) : text.npos;
    end = end == text.npos ? text.size() : end + 1;
    MarkWords(analyzer, text, begin, end, terms, &marked);
    begin = end;
  }
  std::string html;
  std::size_t cursor = 0;
  for (std::size_t i = 0; i < marked.hit.size(); ++i) {
    if (!marked.hit[i]) continue;
    const auto [start, stop] = marked.spans[i];
    html += EscapeHtml(text.substr(cursor, start - cursor)) + "<mark>" + EscapeHtml(text.substr(start, stop - start)) +
            "</mark>";
    cursor = stop;
  }
  html += EscapeHtml(text.substr(cursor));
  // A word never spans lines, so no mark does: splitting the HTML at line
  // ends splits between elements.
  std::vector<std::string> lines;
  for (std::size_t start = 0; start <= html.size();) {
    std::size_t end = html.find('\n', start);
    if (end == std::string::npos) end = html.size();
    lines.push_back(html.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

Snippet MakeSnippet(const Analyzer& analyzer, std::string_view text, const HighlightTerms& terms, std::size_t words) {
  MarkedWords marked;
  std::size_t analyzed = 0;  // text[0, analyzed) is in `marked`
  auto analyze_piece = [&] {
    std::size_t end =
        analyzed + kPieceBytes < text.size() ? text.find_first_of(" \n", analyzed + kPieceBytes) : std::string::npos;
    end = end == std::string::npos ? text.size() : end + 1;
    MarkWords(analyzer, text, analyzed, end, terms, &marked);
    analyzed = end;
  };
  Window best;
  while (analyzed < text.size()) {
    analyze_piece();
    best = BestWindow(marked, words);
    if (best.distinct >= terms.folded.size()) break;
  }
  Snippet snippet;
  if (marked.hit.empty()) return snippet;
  const std::size_t best_start = best.start, best_distinct = best.distinct;
  // A window near the end of what was analyzed is filled from the next piece.
  if (analyzed < text.size() && best_start + words > marked.hit.size()) analyze_piece();
  const auto& hit = marked.hit;
  const auto& spans = marked.spans;
  // Start a few words before the first match, for context.
  std::size_t first = best_start >= 3 && best_distinct > 0 ? best_start - 3 : best_start;
  std::size_t last = std::min(spans.size(), first + words) - 1;
  std::size_t begin_byte = spans[first].first;
  std::size_t end_byte = spans[last].second;
  if (end_byte < text.size() && text[end_byte] == '.') ++end_byte;
  snippet.text = (first > 0 ? "… " : "");
  std::size_t base = snippet.text.size();
  snippet.text += text.substr(begin_byte, end_byte - begin_byte);
  std::size_t cursor = begin_byte;
  snippet.html = first > 0 ? "… " : "";
  for (std::size_t i = first; i <= last; ++i) {
    if (!hit[i]) continue;
    snippet.html += EscapeHtml(text.substr(cursor, spans[i].first - cursor));
    snippet.html += "<mark>" + EscapeHtml(text.substr(spans[i].first, spans[i].second - spans[i].first)) + "</mark>";
    snippet.matches.emplace_back(base + spans[i].first - begin_byte, base + spans[i].second - begin_byte);
    cursor = spans[i].second;
  }
  snippet.html += EscapeHtml(text.substr(cursor, end_byte - cursor));
  if (last + 1 < spans.size() || analyzed < text.size()) {
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
