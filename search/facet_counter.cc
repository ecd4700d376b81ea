#include "search/facet_counter.h"

#include "indexer/schema.h"

namespace tinhgon {

void FacetCounter::operator()(const Xapian::Document& doc, double /*weight*/) {
  const std::string list = doc.get_value(slot_);
  std::size_t start = 0;
  while (start < list.size()) {
    std::size_t end = list.find(schema::kListSeparator, start);
    if (end == std::string::npos) end = list.size();
    if (end > start) ++counts_[list.substr(start, end - start)];
    start = end + 1;
  }
}

}  // namespace tinhgon
