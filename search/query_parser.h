// The query language journalists and researchers type.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analyzers/metadata/vocabulary.h"
#include "search/warning.h"

namespace tinhgon {

// A parsed query: words, "quoted phrases", AND / OR / NOT, -word, ( … ), and
// field filters. Adjacent items without an operator are all required (AND),
// as people expect of a search box, and a field filter narrows like the same
// request parameter; OR is there to be written.
struct QueryNode {
  enum class Kind { kWords, kPhrase, kAnd, kOr, kNot, kFilter };
  Kind kind = Kind::kWords;
  std::string text;   // kWords, kPhrase: the typed text; kFilter: the value
  Filter filter = Filter::kProvince;  // kFilter: what the value names
  std::vector<QueryNode> children;  // kAnd, kOr: operands; kNot: [positive, negative]
};

struct ParsedQuery {
  QueryNode root;
  // Set when the syntax was broken: root then holds the plain words, and
  // this says why (a syntax() warning, for the response).
  std::optional<Warning> problem;
  bool fell_back() const { return problem.has_value(); }
  // The user wrote AND, OR, NOT or -word: the query means exactly what it
  // says and is never relaxed when it finds little.
  bool has_operators = false;
};

// Field names (FilterOfQueryField), Vietnamese first with English aliases:
//   tinh:/province:  tinh2025:/province2025:  huyen:/district:  xa:/commune:
//   xa2025:/commune2025:  coquan:/agency:  sukien:/event:  nam:/year:
// Values may be quoted: tinh:"Bắc Kạn". Operators are upper-case words so that
// "và", "hoặc", "không" in text stay words. A syntax error (unbalanced quotes
// or parentheses, an operator with nothing to apply to, an unknown field)
// never fails: the query falls back to its words, and `problem` says why.
// An empty query is an empty kWords node: every document, for browsing by filters.
ParsedQuery ParseQuery(std::string_view query);

// The byte ranges of `query` that are syntax, not words: operators and
// field filters (name and value), as [begin, end). What reads the words
// (a suggestion spelling them with marks) leaves these as typed. None when
// the syntax is broken, since the query is then searched as plain words.
std::vector<std::pair<std::size_t, std::size_t>> SyntaxSpans(std::string_view query);

}  // namespace tinhgon
