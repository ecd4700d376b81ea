// The tables every Searcher of a process shares, each built once per
// revision of the index. Thread-safe.
#pragma once

#include "search/diacritics_restorer.h"
#include "search/facet_table.h"
#include "search/revision_cache.h"
#include "search/typing.h"

namespace tinhgon {

struct RevisionTables {
  FacetTableCache facets;
  RevisionCache<SuggestionTable> suggestions;
  RevisionCache<SlipTable> slips;
};

}  // namespace tinhgon
