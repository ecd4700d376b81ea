#include "search/relaxation.h"

#include <cstdint>

namespace tinhgon {

std::optional<std::size_t> RequiredClauses(std::size_t of, bool dropped_any, Xapian::doccount enough,
                                           const std::function<Xapian::doccount(std::size_t)>& at_least) {
  if (!dropped_any && at_least(of) >= enough) return std::nullopt;  // enough with every clause
  // A question is matched by a share of its words from the start: its
  // answer seldom repeats most of them (docs/ANALYSIS.md); keywords give up
  // one word at a time.
  std::size_t required = of >= kQuestionClauses ? (of + kQuestionShare - 1) / kQuestionShare : of;
  while (required > 1 && at_least(required) < enough) --required;
  return required;
}

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
  std::optional<std::size_t> required =
      RequiredClauses(r.of, !r.dropped.empty(), enough, [&](std::size_t m) { return at_least[m]; });
  if (!required) {  // enough with every clause: nothing to relax
    r.required = r.of;
    return r;
  }
  r.required = *required;
  r.relaxed = true;
  for (Xapian::docid did = 1; did <= last && r.required > 0; ++did) {
    if (held[did] >= r.required) r.matches.Insert(did);
  }
  if (!filters.empty()) r.matches.IntersectWith(MatchBitmap::Of(db, filters, limit));
  return r;
}

}  // namespace tinhgon
