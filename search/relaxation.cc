#include "search/relaxation.h"

#include <cstdint>

namespace tinhgon {

Relaxation Relax(const Xapian::Database& db, const std::vector<Clause>& clauses, const Xapian::Query& filters,
                 Xapian::doccount enough, Xapian::doccount limit) {
  Relaxation r{false, 0, 0, {}, {}, MatchBitmap::Empty(db)};
  const Xapian::docid last = db.get_lastdocid();
  // How many clauses each document holds, over the whole index: how far to
  // relax depends on the words alone, so a facet's count and the total
  // under that facet's filter always agree.
  std::vector<std::uint16_t> held(static_cast<std::size_t>(last) + 1, 0);
  for (const Clause& clause : clauses) {
    MatchBitmap matches = MatchBitmap::Of(db, clause.matching, limit);
    const bool kept = matches.count() > 0;
    r.kept.push_back(kept);
    if (!kept) {
      r.dropped.push_back(clause.text);
      continue;
    }
    ++r.of;
    matches.ForEach([&](Xapian::docid did) { ++held[did]; });
  }
  // at_least[m]: the documents holding m clauses or more.
  std::vector<Xapian::doccount> at_least(r.of + 2, 0);
  for (std::uint16_t h : held) ++at_least[h];
  for (std::size_t m = r.of; m-- > 1;) at_least[m] += at_least[m + 1];
  if (r.dropped.empty() && at_least[r.of] >= enough) {  // enough with every clause: nothing to relax
    r.required = r.of;
    return r;
  }
  // A question is matched by a share of its words from the start: its
  // answer seldom repeats most of them (docs/ANALYSIS.md); keywords give up
  // one word at a time.
  r.required = r.of >= kQuestionClauses ? (r.of + kQuestionShare - 1) / kQuestionShare : r.of;
  while (r.required > 1 && at_least[r.required] < enough) --r.required;
  r.relaxed = true;
  for (Xapian::docid did = 1; did <= last && r.required > 0; ++did) {
    if (held[did] >= r.required) r.matches.Insert(did);
  }
  if (!filters.empty()) r.matches.IntersectWith(MatchBitmap::Of(db, filters, limit));
  return r;
}

}  // namespace tinhgon
