// The facet values of every document, held in memory for one revision of
// the index, the way Lucene keeps doc values.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <xapian.h>

#include "search/revision_cache.h"

namespace tinhgon {

// Exact facet counts visit every matching document. Reading each match's
// value slots from the database (six reads, each a B-tree look-up and a
// copy) made counting cost about 20 ms per query on 35,000 reports; here a
// match costs a few array reads. The table is a snapshot: it describes the
// database revision it was built from, and only that one.
class FacetTable {
 public:
  // Reads every document's `slots` from `db`; multi-valued slots are split
  // at schema::kListSeparator, so a report counts once under each value.
  FacetTable(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots);

  std::size_t facet_count() const { return columns_.size(); }
  // The distinct values of facet `f`, by ordinal.
  const std::vector<std::string>& values(std::size_t f) const { return columns_[f].names; }

  // Adds one to counts[f][ordinal] for every value of document `did` in
  // every facet f. `counts` must be sized by NewCounts().
  void Count(Xapian::docid did, std::vector<std::vector<Xapian::doccount>>& counts) const {
    for (std::size_t f = 0; f < columns_.size(); ++f) {
      const Column& c = columns_[f];
      if (did + 1 >= c.start.size()) continue;
      for (std::uint32_t i = c.start[did], end = c.start[did + 1]; i < end; ++i) ++counts[f][c.ordinals[i]];
    }
  }
  std::vector<std::vector<Xapian::doccount>> NewCounts() const;

 private:
  struct Column {
    // The values of document d are ordinals[start[d] .. start[d + 1]).
    std::vector<std::uint32_t> start;
    std::vector<std::uint32_t> ordinals;
    std::vector<std::string> names;
  };
  std::vector<Column> columns_;
};

// The facet tables of the revisions being searched. Thread-safe.
class FacetTableCache {
 public:
  // The table of `slots` of `db` as it is now; `revision` names that state.
  std::shared_ptr<const FacetTable> Get(const Xapian::Database& db, const std::string& revision,
                                        const std::vector<Xapian::valueno>& slots) {
    return cache_.Get(revision, [&] { return std::make_shared<const FacetTable>(db, slots); });
  }

 private:
  RevisionCache<FacetTable> cache_;
};

}  // namespace tinhgon
