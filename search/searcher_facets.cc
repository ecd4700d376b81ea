// Searcher's facet lists: the counts of a search turned into the values a
// reader sees, named, ordered, and limited to the units under the filter
// above them.
#include <algorithm>
#include <iterator>

#include "index/schema.h"
#include "search/analysis_tables.h"
#include "search/counting.h"
#include "search/filter_resolver.h"
#include "search/searcher.h"

namespace tinhgon {
namespace {

std::size_t Index(Facet f) { return static_cast<std::size_t>(f); }

// Facets of the units inside a unit, listed only under a filter naming it
// (a list of 705 districts or 3,321 communes helps no one), and the months
// of a year: the filter, and the prefix of its terms, whose codes are the
// values' parents.
struct Nested {
  Facet facet;
  Filter parent_filter;
  std::string_view parent_prefix;
};
const Nested kNested[] = {{Facet::kDistrict, Filter::kProvince, schema::kProvince},
                          {Facet::kCommune, Filter::kDistrict, schema::kDistrict},
                          {Facet::kCommune2025, Filter::kProvince2025, schema::kProvince2025},
                          {Facet::kMonth, Filter::kYear, schema::kYear}};

bool IsNested(Facet facet) {
  return std::any_of(std::begin(kNested), std::end(kNested), [facet](const Nested& n) { return n.facet == facet; });
}

// Years and months newest first, as a reader scans them; other values by
// count, then by code, so equal counts list in a stable order.
void SortValues(Facet facet, std::vector<std::pair<std::string, Xapian::doccount>>* values) {
  if (facet == Facet::kYear || facet == Facet::kMonth) {
    std::sort(values->begin(), values->end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    return;
  }
  std::sort(values->begin(), values->end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
}

}  // namespace

std::vector<std::set<std::string>> Searcher::SelectedParents(const SearchRequest& request) const {
  std::vector<std::set<std::string>> selected(kFacets.size());
  for (const Nested& nested : kNested) {
    auto filter = request.filters.find(nested.parent_filter);
    if (filter == request.filters.end()) continue;
    for (const std::string& value : filter->second) {
      for (const std::string& term : filters_->Terms(nested.parent_filter, value, nullptr)) {
        selected[Index(nested.facet)].insert(term.substr(nested.parent_prefix.size()));
      }
    }
  }
  return selected;
}

std::string Searcher::ParentOf(Facet facet, const std::string& code) const {
  if (facet == Facet::kMonth) return code.substr(0, 4);  // YYYYMM in YYYY
  auto parent = analysis_->facet_names.parents[Index(facet)].find(code);
  return parent == analysis_->facet_names.parents[Index(facet)].end() ? std::string() : parent->second;
}

std::string Searcher::FacetLabel(Facet facet, const std::string& code) const {
  if (facet == Facet::kMonth && code.size() == 6) return code.substr(4, 2) + "/" + code.substr(0, 4);
  auto name = analysis_->facet_names.names[Index(facet)].find(code);
  return name == analysis_->facet_names.names[Index(facet)].end() ? code : name->second;
}

std::vector<FacetCounts> Searcher::Facets(const FacetTally& tally, const SearchRequest& request,
                                          bool all_districts) {
  const std::vector<std::set<std::string>> selected = SelectedParents(request);
  std::vector<FacetCounts> facets;
  for (Facet facet : kFacets) {
    const std::size_t f = Index(facet);
    std::vector<std::pair<std::string, Xapian::doccount>> values = tally[f];
    SortValues(facet, &values);
    FacetCounts listed{facet, {}};
    const bool nested = IsNested(facet) && !all_districts;  // only the values under the selected parent(s)
    for (const auto& [code, count] : values) {
      if (nested && !selected[f].count(ParentOf(facet, code))) continue;
      listed.values.push_back({code, FacetLabel(facet, code), count});
    }
    facets.push_back(std::move(listed));
  }
  return facets;
}

}  // namespace tinhgon
