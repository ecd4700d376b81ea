#include "search/facet_table.h"

#include <string_view>

#include "index/schema.h"

namespace tinhgon {

FacetTable::FacetTable(const Xapian::Database& db, const std::vector<Xapian::valueno>& slots) {
  const Xapian::docid last = db.get_lastdocid();
  columns_.resize(slots.size());
  for (std::size_t f = 0; f < slots.size(); ++f) {
    Column& c = columns_[f];
    c.start.assign(static_cast<std::size_t>(last) + 2, 0);
    std::unordered_map<std::string, std::uint32_t> ordinal_of;
    Xapian::docid next = 0;  // the first docid whose start is not yet set
    for (auto it = db.valuestream_begin(slots[f]); it != db.valuestream_end(slots[f]); ++it) {
      const Xapian::docid did = it.get_docid();
      // Documents without this value, and `did` itself, start here.
      while (next <= did) c.start[next++] = static_cast<std::uint32_t>(c.ordinals.size());
      const std::string list = *it;
      std::string_view rest(list);
      while (!rest.empty()) {
        const std::size_t end = std::min(rest.find(schema::kListSeparator), rest.size());
        if (end > 0) {
          auto [entry, added] = ordinal_of.try_emplace(std::string(rest.substr(0, end)),
                                                       static_cast<std::uint32_t>(c.names.size()));
          if (added) c.names.push_back(entry->first);
          c.ordinals.push_back(entry->second);
        }
        rest.remove_prefix(std::min(end + 1, rest.size()));
      }
    }
    while (next < c.start.size()) c.start[next++] = static_cast<std::uint32_t>(c.ordinals.size());
  }
}

std::vector<std::vector<Xapian::doccount>> FacetTable::NewCounts() const {
  std::vector<std::vector<Xapian::doccount>> counts(columns_.size());
  for (std::size_t f = 0; f < columns_.size(); ++f) counts[f].assign(columns_[f].names.size(), 0);
  return counts;
}

}  // namespace tinhgon
