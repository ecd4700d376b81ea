#include "search/search_request.h"

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "corpus/calendar.h"

namespace tinhgon {
namespace {

std::size_t Characters(std::string_view utf8) {
  std::size_t n = 0;
  for (unsigned char c : utf8) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

void Validate(const SearchRequest& r) {
  if (Characters(r.q) > kMaxQueryLength) {
    throw SearchError("query_too_long", "the query is longer than " + std::to_string(kMaxQueryLength) + " characters");
  }
  if (r.per_page < 1 || r.per_page > kMaxPerPage) {
    throw SearchError("invalid_per_page", "per_page must be between 1 and " + std::to_string(kMaxPerPage));
  }
  if (r.page < 1) throw SearchError("invalid_page", "page must be 1 or more");
  if (static_cast<long long>(r.page) * r.per_page > kMaxResultWindow) {
    throw SearchError("page_too_deep", "results beyond number " + std::to_string(kMaxResultWindow) +
                                           " are not served: narrow the search with filters");
  }
  for (const std::string* bound : {&r.from, &r.to}) {
    if (!bound->empty() && !IsIsoDate(*bound)) {
      throw SearchError("invalid_date", "'" + *bound + "' is not a date in the form YYYY-MM-DD");
    }
  }
  if (!r.from.empty() && !r.to.empty() && r.from > r.to) {
    throw SearchError("invalid_date_range", "from (" + r.from + ") is after to (" + r.to + ")");
  }
}

std::string WithinWordBudget(const Analyzer& analyzer, const std::string& q, std::vector<Warning>* warnings) {
  // A word takes a byte and a separator at least: a short query cannot be
  // over the budget, and is not analyzed an extra time to find that out.
  if (q.size() <= 2 * kMaxQueryWords) return q;
  const Analysis analysis = analyzer.Analyze(q);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.size() <= kMaxQueryWords) return q;
  Warning cut{Warning::Code::kQueryCut};
  cut.count = kMaxQueryWords;
  cut.of = words.size();
  warnings->push_back(cut);
  return analysis.text.substr(0, words[kMaxQueryWords - 1]->end);
}

}  // namespace tinhgon
