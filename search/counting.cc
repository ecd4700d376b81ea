#include "search/counting.h"

#include <algorithm>

#include "index/schema.h"
#include "search/index_handle.h"

namespace tinhgon {

const std::vector<Xapian::valueno> kFacetSlots = {
    schema::kProvincesSlot, schema::kProvinces2025Slot, schema::kDistrictsSlot,
    schema::kCommunesSlot,  schema::kCommunes2025Slot,  schema::kAgenciesSlot,
    schema::kEventsSlot,    schema::kYearSlot,          schema::kMonthSlot};

// Shards copied from one another share a uuid, by which the local way
// tells them apart (local_counting.cc): the remote way, which needs no such
// thing, counts them instead.
std::unique_ptr<Counting> MakeCounting(const IndexHandle& index, FacetTableCache& facets) {
  std::vector<std::string> uuids = index.shard_uuids();
  std::sort(uuids.begin(), uuids.end());
  const bool distinct = std::adjacent_find(uuids.begin(), uuids.end()) == uuids.end();
  return index.remote() || !distinct ? MakeRemoteCounting(index) : MakeLocalCounting(index, facets);
}

}  // namespace tinhgon
