// What a plain query matches when all its words together find too little.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/match_bitmap.h"
#include "search/query_builder.h"

namespace tinhgon {

// A plain query (words, phrases, filters; no operators) matches the reports
// that hold every clause. When that is fewer than `enough` in the whole
// index, filters aside, the query is relaxed in two steps, each said in the
// response:
//  1. clauses that match no report at all (a slip, a word the collection
//     never uses) are dropped;
//  2. of the n clauses left, the reports holding at least m are matched: a
//     query of kQuestionClauses or more is a question, and m starts at a
//     kQuestionShare-th of n (rounded up); a shorter one starts at n; m is
//     then lowered until it finds `enough` reports (down to 1).
// The filters then narrow the result. Deciding on the words alone keeps
// counts consistent: a facet value's count is the total a search filtered
// to it finds. The ranking query (every clause, OR'd) orders what is
// matched, so the reports holding most words come first. The rule was chosen on XQuAD-vi
// (docs/ANALYSIS.md): requiring more of a question's words lost relevance.
inline constexpr std::size_t kQuestionClauses = 5;
inline constexpr std::size_t kQuestionShare = 4;

struct Relaxation {
  bool relaxed = false;              // false: every clause is required, as typed; `matches` unset
  std::size_t required = 0;          // m: clauses a report must hold
  std::size_t of = 0;                // n: clauses left after step 1
  std::vector<std::string> dropped;  // step 1, as typed
  std::vector<bool> kept;            // per clause: not dropped
  MatchBitmap matches;               // the reports matched, filters applied
};

// The rule of step 2 alone, shared by every way of counting (counting.h) so
// they relax alike: how many of the `of` clauses left to require, given
// at_least(m), the number of reports holding m of them or more, filters
// aside; nothing when the query stays as typed (no clause dropped, and
// `enough` reports hold them all). at_least is asked only for the m tried.
std::optional<std::size_t> RequiredClauses(std::size_t of, bool dropped_any, Xapian::doccount enough,
                                           const std::function<Xapian::doccount(std::size_t)>& at_least);

// `filters` is the conjunction of every filter of the request and the query
// (an empty query: no filter); `limit` bounds the matcher where a clause
// cannot be read from posting lists.
Relaxation Relax(const Xapian::Database& db, const std::vector<Clause>& clauses, const Xapian::Query& filters,
                 Xapian::doccount enough, Xapian::doccount limit);

}  // namespace tinhgon
