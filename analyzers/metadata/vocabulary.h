// The product's vocabulary, written once: restructuring event types, search
// filters, facets and sort orders, each with its name in the API (and in
// the index's terms, for events) and its Vietnamese label for people.
//
// Every layer uses these enums instead of strings: the extractor tags
// events with them, the index writes their API names, the search library
// takes filters and sort orders as enums, and the server and the CLI read
// names and labels from here.
//
// Thread safety: constant tables and pure functions; safe from any thread.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace tinhgon {

// What a report says was done to an agency or an administrative unit.
enum class EventType { kMerge, kAnnex, kSplit, kDissolve, kUnifyRoles, kEstablish, kPilotStop };
inline constexpr std::array<EventType, 7> kEventTypes = {
    EventType::kMerge,      EventType::kAnnex,     EventType::kSplit,    EventType::kDissolve,
    EventType::kUnifyRoles, EventType::kEstablish, EventType::kPilotStop};

// What a search can be narrowed by: each a parameter of the API, a field of
// the query language, a flag of tinhgon-search.
enum class Filter { kProvince, kProvince2025, kDistrict, kCommune, kCommune2025, kAgency, kEvent, kYear, kMonth };
inline constexpr std::array<Filter, 9> kFilters = {Filter::kProvince, Filter::kProvince2025, Filter::kDistrict,
                                                   Filter::kCommune,  Filter::kCommune2025,  Filter::kAgency,
                                                   Filter::kEvent,    Filter::kYear,         Filter::kMonth};

// What a search counts its matches by. Each facet narrows by the filter of
// the same name. Some list only under the filter above them: districts
// under a province, old communes under a district, 2025 communes under a
// 2025 province, months under a year.
enum class Facet { kProvince, kProvince2025, kDistrict, kCommune, kCommune2025, kAgency, kEvent, kYear, kMonth };
inline constexpr std::array<Facet, 9> kFacets = {Facet::kProvince, Facet::kProvince2025, Facet::kDistrict,
                                                 Facet::kCommune,  Facet::kCommune2025,  Facet::kAgency,
                                                 Facet::kEvent,    Facet::kYear,         Facet::kMonth};

// What a figure of a report counts.
enum class FigureKind { kUnitsCut, kStaffCut, kSavings };
inline constexpr std::array<FigureKind, 3> kFigureKinds = {FigureKind::kUnitsCut, FigureKind::kStaffCut,
                                                           FigureKind::kSavings};

enum class SortOrder { kRelevance, kDate, kDateAscending };
inline constexpr std::array<SortOrder, 3> kSortOrders = {SortOrder::kRelevance, SortOrder::kDate,
                                                         SortOrder::kDateAscending};

// Names in the API, the JSON and the index ("merge", "province_2025", "date_asc").
std::string_view ApiName(EventType type);
std::string_view ApiName(Filter filter);
std::string_view ApiName(Facet facet);
std::string_view ApiName(SortOrder order);
std::string_view ApiName(FigureKind kind);

// Vietnamese labels for people ("Hợp nhất", "Tỉnh (trước 2025)", "Mới nhất").
std::string_view Label(EventType type);
std::string_view Label(Filter filter);
std::string_view Label(Facet facet);
std::string_view Label(SortOrder order);
std::string_view Label(FigureKind kind);

// Words a filter value may use for an event type, besides its API name
// ("sáp nhập" for annex): how reports and people say it.
std::string_view FilterWords(EventType type);

// From an API name; nothing when `name` is none of them.
std::optional<EventType> EventTypeNamed(std::string_view name);
std::optional<Filter> FilterNamed(std::string_view name);
std::optional<SortOrder> SortOrderNamed(std::string_view name);
std::optional<FigureKind> FigureKindNamed(std::string_view name);

// From a field name of the query language: the API name or its Vietnamese
// shorthand without marks ("tinh", "huyen", "xa2025", "coquan", "sukien",
// "nam", "thang").
std::optional<Filter> FilterOfQueryField(std::string_view field);
// The shorthand a page shows for a filter's field ("tinh", "xa2025").
std::string_view QueryField(Filter filter);

// The filter a facet's values narrow by, and the facet that counts a
// filter's values.
Filter FilterOf(Facet facet);
std::optional<Facet> FacetOf(Filter filter);

}  // namespace tinhgon
