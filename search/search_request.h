// What a search asks for, its limits, and the checks that refuse it.
// Plain data and pure functions: safe to use from any thread.
#pragma once

#include <cstddef>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "analyzers/metadata/vocabulary.h"
#include "search/warning.h"

namespace tinhgon {

class Analyzer;

struct SearchRequest {
  std::string q;
  // Filter → values, as people name them ("Bắc Kạn", "06", "sáp nhập");
  // values of one filter are alternatives.
  std::map<Filter, std::vector<std::string>> filters;
  std::string from, to;  // publication date bounds, YYYY-MM-DD, inclusive
  SortOrder sort = SortOrder::kRelevance;
  int page = 1;
  int per_page = 10;
  bool facets = true;
  // Offer "did you mean" (reading the best hits, searcher.h): a page shows
  // it; a feed, an export or a comparison shows none and skips the work.
  bool suggestion = true;
};

// A request the library refuses, with a reason fit to show the user (the
// server answers it with a 400).
struct SearchError : std::runtime_error {
  SearchError(std::string code_, const std::string& message, std::string subject_ = "")
      : std::runtime_error(message), code(std::move(code_)), subject(std::move(subject_)) {}
  std::string code;
  std::string subject;  // the value refused, when one is (a place's name), for messages in other languages
};

// What a request names does not exist (a report id): the server answers 404.
struct NotFoundError : SearchError {
  explicit NotFoundError(const std::string& message) : SearchError("not_found", message) {}
};

// The index directory holds no index, or one that cannot be opened: the
// server answers 503, as for any index it cannot read.
struct IndexUnavailableError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kMaxQueryLength = 1000;  // characters, not bytes
// A query's work grows with its words (terms, pairs, snippet matching):
// past this many, the rest is dropped with a warning.
inline constexpr std::size_t kMaxQueryWords = 64;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kMaxResultWindow = 10000;   // no page reaches past this result
// Throws SearchError when `request` breaks a limit above or names an
// impossible date range, with the reason the user is shown.
void Validate(const SearchRequest& request);

// `q` cut after its kMaxQueryWords-th word, with a warning; as it is when
// shorter. A query's work grows with its words.
std::string WithinWordBudget(const Analyzer& analyzer, const std::string& q, std::vector<Warning>* warnings);

}  // namespace tinhgon
