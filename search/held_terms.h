// Which hits of a page hold which terms: what reading an unaccented query in
// context asks of every marked form of its words (diacritics_restorer.h),
// and what marking those words in the hits' snippets asks again.
//
// Over local shards each term's posting list is walked once, in memory.
// Over a remote shard a posting list travels whole, and a common syllable's
// names tens of thousands of reports: the fifteen forms of a three-word
// query cost a third of a second on loopback. There the question is one
// query instead: each term weighs its own power of two in every report
// holding it (a FixedWeightPostingSource under OP_FILTER), the match is
// restricted to the hits by their id terms, and each hit's weight spells
// the terms it holds.
//
// Thread safety: pure functions over a Database, which is not thread-safe.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include <xapian.h>

namespace tinhgon {

// The documents of a page of hits, each read once: what reading in context
// needs of them (their ids) and what the hits show (their data). Over a
// remote shard every read is a round trip, since Xapian 1.4 fetches remote
// documents one at a time, and its MSet::fetch() neither batches nor helps
// here: past the first page, fetch() reads out of bounds, and fetch(begin,
// end) does nothing.
class HitDocuments {
 public:
  // Keeps what it reads when `keep` (a page; an export's thousands of
  // reports would hold their texts all at once, and are read again).
  HitDocuments(const Xapian::MSet& hits, bool keep) : hits_(hits), keep_(keep) {}

  // The document of the page's i-th hit.
  Xapian::Document Get(Xapian::doccount i);
  // Its data (the stored report): read once when kept, as a reading and the
  // hit's snippet both need it, and Xapian reads it anew at every call.
  // Valid until the next call when not kept.
  const std::string& Data(Xapian::doccount i);

 private:
  const Xapian::MSet& hits_;
  const bool keep_;
  std::map<Xapian::doccount, Xapian::Document> kept_;
  std::map<Xapian::doccount, std::string> data_;
  std::string last_data_;
};

// Per term of `terms`, the hits of `hits` holding it (terms no hit holds
// are left out). `remote`: ask by query, as above, reading the hits' ids
// from `documents`.
using Holders = std::map<std::string, std::set<Xapian::docid>>;
Holders HitsHolding(const Xapian::Database& db, bool remote, const Xapian::MSet& hits, HitDocuments& documents,
                    const std::set<std::string>& terms);

// Per unaccented word of `marked_forms` (mapped to every marked form of
// it), the hits of `hits` that write it without marks. A marked word gives
// a report both its exact and its folded term, an unmarked one the folded
// term only (schema.h), so such a hit's folded term weighs more than all
// its marked forms together. Reads each hit's term list: over a remote
// shard, a round trip per hit.
Holders HitsHoldingUnmarked(const Xapian::MSet& hits, HitDocuments& documents,
                            const std::map<std::string, std::vector<std::string>>& marked_forms);

}  // namespace tinhgon
