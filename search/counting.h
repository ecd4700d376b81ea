// How a Searcher counts a query's matches, tallies their facets, and
// relaxes a plain query that finds too little (relaxation.h): two ways
// behind one interface, chosen once per opened index.
//
//  - LocalCounting, when every shard is on this machine: the facet table of
//    the revision and match bitmaps read from the posting lists (facet_table.h,
//    match_bitmap.h), a few array reads per match. A combined database of
//    local shards is read the same way: its docids interleave the shards'
//    and get_lastdocid covers them all.
//  - RemoteCounting, when any shard is served by xapian-tcpsrv: Xapian's
//    remote protocol carries queries, match spies and their results in a
//    message or two, but value streams one entry per message (a facet table
//    of 35,000 reports would take seconds a slot) and it refuses match
//    deciders. So facets are counted by a ValueCountMatchSpy per slot, run
//    where the shard is, and a relaxed match set is written as a query
//    (remote_counting.cc says how).
//
// Both give the same totals and facet counts on the same documents, and the
// same relaxed matches; tests/search/shards_test.cc holds them to it.
//
// Thread safety: none; each Searcher owns its own, over its IndexHandle.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <xapian.h>

#include "search/match_bitmap.h"
#include "search/query_builder.h"

namespace tinhgon {

class FacetTableCache;
class IndexHandle;

// The value slot each facet is read from, in the order of kFacets.
extern const std::vector<Xapian::valueno> kFacetSlots;

// Per facet, in the order of kFacets: each value's code and how many
// matches hold it (only values some match holds, in no particular order).
using FacetTally = std::vector<std::vector<std::pair<std::string, Xapian::doccount>>>;

// Facets of queries the match bitmap cannot evaluate (phrases, date ranges)
// are counted locally by the matcher over at most this many matches.
inline constexpr Xapian::doccount kExactFacetLimit = 100000;

// A plain query's clauses relaxed as relaxation.h decides.
struct RelaxedMatch {
  bool relaxed = false;              // as Relaxation: nothing below is set when false
  std::size_t required = 0;          // m: clauses a report must hold
  std::size_t of = 0;                // n: clauses left once those matching nothing are dropped
  std::vector<std::string> dropped;  // as typed
  std::vector<bool> kept;            // per clause: not dropped
  Xapian::doccount total = 0;        // the reports matched, filters applied
  // How RankRelaxed keeps the ranking to the matches: the set itself
  // (local), or a boolean query matching exactly it (remote).
  std::optional<MatchBitmap> matches;
  Xapian::Query within;
  // Remote only, when no query short enough matches exactly the set: the
  // ranking orders reports by how many clauses they hold first (a warning
  // says so); the set, total and facets stay exact.
  bool ranked_by_clauses_held = false;
};

class Counting {
 public:
  virtual ~Counting() = default;

  // How many documents `matching` (a query that only matches, never
  // weighs) matches, exactly; their facets into *facets unless null.
  virtual Xapian::doccount Count(const Xapian::Query& matching, FacetTally* facets) = 0;

  // `clauses` relaxed when all of them find fewer than `enough` reports
  // (relaxation.h); `filters` is the conjunction of the request's and the
  // query's filters (empty: none). When relaxed, the matches' facets go into
  // *facets unless null, replacing what was there.
  virtual RelaxedMatch Relax(const std::vector<Clause>& clauses, const Xapian::Query& filters,
                             Xapian::doccount enough, FacetTally* facets) = 0;

  // Hits [first, first + count) of a relaxed match set, ranked by the query
  // and in the order `enquire` was given (the clauses kept, OR'd).
  virtual Xapian::MSet RankRelaxed(const RelaxedMatch& match, Xapian::Enquire& enquire, Xapian::doccount first,
                                   Xapian::doccount count) = 0;
};

// The way that suits `index` as it is open now: remote when any shard is;
// `facets` holds the facet tables the local way builds. Both must outlive
// what is returned.
std::unique_ptr<Counting> MakeCounting(const IndexHandle& index, FacetTableCache& facets);
std::unique_ptr<Counting> MakeLocalCounting(const IndexHandle& index, FacetTableCache& facets);
// Works over local shards too, where it must agree with the local way
// (which the tests check without starting a server).
std::unique_ptr<Counting> MakeRemoteCounting(const IndexHandle& index);

}  // namespace tinhgon
