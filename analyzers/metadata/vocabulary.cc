#include "analyzers/metadata/vocabulary.h"

namespace tinhgon {
namespace {

struct EventWords {
  std::string_view api, label, filter_words;
};
// In the order of the enum.
constexpr EventWords kEventWords[] = {
    {"merge", "Hợp nhất", "hợp nhất"},           {"annex", "Sáp nhập", "sáp nhập"},
    {"split", "Chia tách", "tách"},              {"dissolve", "Giải thể", "giải thể"},
    {"unify_roles", "Nhất thể hóa", "nhất thể hóa"}, {"establish", "Thành lập", "thành lập"},
    {"pilot_stop", "Dừng thí điểm", "dừng thí điểm"}};

struct FilterWordsRow {
  std::string_view api, label, query_shorthand, query_compact;
};
constexpr FilterWordsRow kFilterWords[] = {
    {"province", "Tỉnh (trước 2025)", "tinh", "province"},
    {"province_2025", "Tỉnh (từ 1/7/2025)", "tinh2025", "province2025"},
    {"district", "Huyện", "huyen", "district"},
    {"commune", "Xã (trước 2025)", "xa", "commune"},
    {"commune_2025", "Xã/phường (từ 1/7/2025)", "xa2025", "commune2025"},
    {"agency", "Cơ quan", "coquan", "agency"},
    {"event", "Sự kiện", "sukien", "event"},
    {"year", "Năm", "nam", "year"},
    {"month", "Tháng", "thang", "month"}};

constexpr Filter kFacetFilters[] = {Filter::kProvince, Filter::kProvince2025, Filter::kDistrict,
                                    Filter::kCommune,  Filter::kCommune2025,  Filter::kAgency,
                                    Filter::kEvent,    Filter::kYear,         Filter::kMonth};

// A name and a label: sort orders, figure kinds.
struct SortWords {
  std::string_view api, label;
};
constexpr SortWords kSortWords[] = {{"relevance", "Phù hợp nhất"}, {"date", "Mới nhất"}, {"date_asc", "Cũ nhất"}};

constexpr SortWords kFigureWords[] = {
    {"units_cut", "Giảm đầu mối, đơn vị"}, {"staff_cut", "Giảm biên chế, cán bộ"}, {"savings", "Tiết kiệm"}};

template <typename Enum, typename Rows>
std::optional<Enum> Named(const Rows& rows, std::string_view name) {
  for (std::size_t i = 0; i < std::size(rows); ++i) {
    if (rows[i].api == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

std::size_t Index(EventType t) { return static_cast<std::size_t>(t); }
std::size_t Index(Filter f) { return static_cast<std::size_t>(f); }
std::size_t Index(Facet f) { return static_cast<std::size_t>(f); }
std::size_t Index(SortOrder s) { return static_cast<std::size_t>(s); }
std::size_t Index(FigureKind k) { return static_cast<std::size_t>(k); }

}  // namespace

std::string_view ApiName(EventType type) { return kEventWords[Index(type)].api; }
std::string_view ApiName(Filter filter) { return kFilterWords[Index(filter)].api; }
std::string_view ApiName(Facet facet) { return ApiName(FilterOf(facet)); }
std::string_view ApiName(SortOrder order) { return kSortWords[Index(order)].api; }
std::string_view ApiName(FigureKind kind) { return kFigureWords[Index(kind)].api; }

std::string_view Label(EventType type) { return kEventWords[Index(type)].label; }
std::string_view Label(Filter filter) { return kFilterWords[Index(filter)].label; }
std::string_view Label(Facet facet) { return Label(FilterOf(facet)); }
std::string_view Label(SortOrder order) { return kSortWords[Index(order)].label; }
std::string_view Label(FigureKind kind) { return kFigureWords[Index(kind)].label; }

std::string_view FilterWords(EventType type) { return kEventWords[Index(type)].filter_words; }

std::optional<EventType> EventTypeNamed(std::string_view name) { return Named<EventType>(kEventWords, name); }
std::optional<Filter> FilterNamed(std::string_view name) { return Named<Filter>(kFilterWords, name); }
std::optional<SortOrder> SortOrderNamed(std::string_view name) { return Named<SortOrder>(kSortWords, name); }
std::optional<FigureKind> FigureKindNamed(std::string_view name) { return Named<FigureKind>(kFigureWords, name); }

std::string_view QueryField(Filter filter) { return kFilterWords[Index(filter)].query_shorthand; }

std::optional<Filter> FilterOfQueryField(std::string_view field) {
  for (std::size_t i = 0; i < std::size(kFilterWords); ++i) {
    const FilterWordsRow& row = kFilterWords[i];
    if (field == row.api || field == row.query_shorthand || field == row.query_compact) return static_cast<Filter>(i);
  }
  return std::nullopt;
}

Filter FilterOf(Facet facet) { return kFacetFilters[Index(facet)]; }

std::optional<Facet> FacetOf(Filter filter) {
  for (Facet facet : kFacets) {
    if (FilterOf(facet) == filter) return facet;
  }
  return std::nullopt;
}

}  // namespace tinhgon
