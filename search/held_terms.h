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

#include <xapian.h>

namespace tinhgon {

// Per term of `terms`, the hits of `hits` holding it (terms no hit holds
// are left out). `remote`: ask by query, as above; the documents of `hits`
// are fetched for their ids then.
using Holders = std::map<std::string, std::set<Xapian::docid>>;
Holders HitsHolding(const Xapian::Database& db, bool remote, const Xapian::MSet& hits,
                    const std::set<std::string>& terms);

}  // namespace tinhgon
