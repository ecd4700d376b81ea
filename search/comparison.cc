// Searcher's comparison of places: the same search run once per place.
#include <algorithm>

#include "analyzers/utf8.h"
#include "index/schema.h"
#include "search/filter_resolver.h"
#include "search/searcher.h"

namespace tinhgon {

Comparison Searcher::Compare(const SearchRequest& request, const std::vector<PlaceFilter>& places) {
  if (places.size() < 2 || places.size() > kMaxComparedPlaces) {
    throw SearchError("invalid_places", "compare two to " + std::to_string(kMaxComparedPlaces) + " places, not " +
                                            std::to_string(places.size()));
  }
  Validate(request);
  Comparison comparison;
  comparison.query = request.q;
  // A place that names nothing is refused, as a bare name is, before any
  // is counted: a column of zeros would read as a place with no reports.
  for (const PlaceFilter& place : places) {
    if (!filters_->Terms(place.filter, place.value, nullptr).empty()) continue;
    const std::string value(Utf8Head(place.value, 100));
    throw SearchError("unknown_place", "no place called '" + value + "'", value);
  }
  for (const PlaceFilter& place : places) {
    comparison.places.push_back(SummarizePlace(request, place, &comparison.warnings));
  }
  return comparison;
}

// The place's reports counted by event type (from the facets) and their
// figures summed (from the reports themselves, up to an export's cap).
// The search's warnings (a broken query, a filter naming nothing) are the
// same for every place: each is kept once.
PlaceSummary Searcher::SummarizePlace(const SearchRequest& request, const PlaceFilter& place,
                                      std::vector<Warning>* warnings) {
  SearchRequest narrowed = request;
  narrowed.filters[place.filter].push_back(place.value);
  narrowed.page = 1;
  narrowed.per_page = 1;
  narrowed.facets = true;
  narrowed.suggestion = false;
  const SearchResponse counted = Search(narrowed);
  for (const Warning& w : counted.warnings) {
    if (std::find(warnings->begin(), warnings->end(), w) == warnings->end()) warnings->push_back(w);
  }
  PlaceSummary summary;
  summary.place = place;
  summary.label = PlaceLabel(place);
  summary.total = counted.total;
  for (EventType type : kEventTypes) summary.events.emplace_back(type, 0);
  // Every report, as an export reads them, but not counted again: `counted` has the total.
  Window every;
  every.count = kMaxResultWindow;
  every.snippets = false;
  narrowed.facets = false;
  for (const FacetCounts& facet : counted.facets) {
    if (facet.facet != Facet::kEvent) continue;
    for (const FacetValue& v : facet.values) {
      if (std::optional<EventType> type = EventTypeNamed(v.value)) summary.events[static_cast<std::size_t>(*type)].second = v.count;
    }
  }
  for (const Hit& hit : Run(narrowed, every).results) {
    ++summary.reports_summed;
    bool savings = false;
    for (const StoredFigure& f : hit.report.figures) {
      std::optional<FigureKind> kind = FigureKindNamed(f.kind);
      if (kind == FigureKind::kUnitsCut) (f.planned ? summary.planned_units_cut : summary.units_cut) += f.value;
      if (kind == FigureKind::kStaffCut) (f.planned ? summary.planned_staff_cut : summary.staff_cut) += f.value;
      savings = savings || kind == FigureKind::kSavings;
    }
    summary.reports_with_savings += savings;
  }
  return summary;
}

// The names of the units a place's filter finds, as the facets name them;
// an old commune (no facet) by the name typed.
std::string Searcher::PlaceLabel(const PlaceFilter& place) {
  std::optional<Facet> facet = FacetOf(place.filter);
  std::string label;
  for (const std::string& term : filters_->Terms(place.filter, place.value, nullptr)) {
    std::string code = term.substr(term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"));
    if (!facet) return place.value;
    label += (label.empty() ? "" : ", ") + FacetLabel(*facet, code);
  }
  if (label.empty()) return place.value;
  // A comparison may set an old unit beside a new one: say which is which.
  const bool unit_2025 = place.filter == Filter::kProvince2025 || place.filter == Filter::kCommune2025;
  return unit_2025 ? label + " (từ 1/7/2025)" : label;
}

std::optional<PlaceFilter> Searcher::ResolvePlace(const std::string& text) {
  for (Filter filter : {Filter::kProvince2025, Filter::kProvince, Filter::kDistrict, Filter::kCommune2025,
                        Filter::kCommune}) {
    if (!filters_->Terms(filter, text, nullptr).empty()) return PlaceFilter{filter, text};
  }
  return std::nullopt;
}

}  // namespace tinhgon
