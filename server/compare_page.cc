#include "server/compare_page.h"

#include <cmath>
#include <cstdio>
#include <optional>

#include "search/searcher.h"
#include "server/charts.h"
#include "server/http_params.h"
#include "server/page_messages.h"
#include "server_embedded.h"

namespace tinhgon {
namespace {

const char* const kExamples[] = {"Bắc Kạn", "Thái Nguyên", "Đầm Hà", "Xã Đầm Hà", "Cần Thơ"};

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, value == std::floor(value) ? "%.0f" : "%.1f", value);
  return text;
}

// Five place inputs, those given filled in.
Data Slots(const Params& params) {
  std::vector<std::string> given;
  for (const auto& [name, value] : params) {
    if (name == "place") given.push_back(value);
  }
  Data slots{Data::type::list};
  for (std::size_t i = 0; i < Searcher::kMaxComparedPlaces; ++i) {
    Data slot;
    slot.set("n", std::to_string(i + 1));
    slot.set("value", i < given.size() ? given[i] : std::string());
    slot.set("example", std::string("Ví dụ: ") + kExamples[i]);
    slots.push_back(slot);
  }
  return slots;
}

// A row of the table: a label and one cell per place.
template <typename Cell>
Data Row(const std::string& label, const Comparison& comparison, Cell cell) {
  Data row;
  row.set("label", label);
  Data cells{Data::type::list};
  for (const PlaceSummary& p : comparison.places) cells.push_back(cell(p));
  row.set("cells", cells);
  return row;
}

Data Rows(const Comparison& c) {
  Data rows{Data::type::list};
  rows.push_back(Row("Số báo cáo", c, [](const PlaceSummary& p) { return std::to_string(p.total); }));
  for (std::size_t e = 0; e < kEventTypes.size(); ++e) {
    rows.push_back(Row("Báo cáo nêu: " + std::string(Label(kEventTypes[e])), c,
                       [e](const PlaceSummary& p) { return std::to_string(p.events[e].second); }));
  }
  rows.push_back(Row("Đã giảm đầu mối, đơn vị", c, [](const PlaceSummary& p) { return Number(p.units_cut); }));
  rows.push_back(Row("Đã giảm biên chế, cán bộ", c, [](const PlaceSummary& p) { return Number(p.staff_cut); }));
  rows.push_back(Row("Mục tiêu giảm đầu mối", c, [](const PlaceSummary& p) { return Number(p.planned_units_cut); }));
  rows.push_back(Row("Mục tiêu giảm biên chế", c, [](const PlaceSummary& p) { return Number(p.planned_staff_cut); }));
  rows.push_back(Row("Báo cáo nêu số tiết kiệm", c,
                     [](const PlaceSummary& p) { return std::to_string(p.reports_with_savings); }));
  return rows;
}

// Each place's column links to its search: the comparison's words, filters
// and dates, and the place, so the page lists the reports the column counts.
Data Columns(const Comparison& c, const Params& params) {
  Data columns{Data::type::list};
  for (const PlaceSummary& p : c.places) {
    Params search = Without(params, "place");
    search.emplace_back(std::string(ApiName(p.place.filter)), p.place.value);
    Data column;
    column.set("label", p.label);
    column.set("url", Url("/search", search));
    columns.push_back(column);
  }
  return columns;
}

void SetComparison(const Comparison& c, const Params& params, Data* data) {
  data->set("compared", Flag(true));
  if (c.query.find_first_not_of(" \t") != std::string::npos) data->set("q_shown", c.query);
  std::vector<Bar> bars;
  std::size_t summed = 0, total = 0;
  for (const PlaceSummary& p : c.places) {
    bars.push_back({p.label, p.total});
    summed += p.reports_summed;
    total += p.total;
  }
  data->set("chart_svg", HorizontalBars(bars, "Số báo cáo theo địa bàn", "chart-compare"));
  data->set("columns", Columns(c, params));
  data->set("rows", Rows(c));
  data->set("summed_note", summed == total ? std::string("mọi báo cáo")
                                           : std::to_string(summed) + " trong " + std::to_string(total) + " báo cáo");
  data->set("csv_url", Url("/api/compare.csv", WithIsoDates(params)));
  Data warnings{Data::type::list};
  for (const Warning& w : c.warnings) warnings.push_back(WarningText(w));
  data->set("warnings", warnings);
}

}  // namespace

std::string ComparePage(Searcher& searcher, const Params& params, int* status) {
  Data data;
  data.set("hidden", Data{Data::type::list});
  // What the form has no field for (filters, dates) stays as the link gave it.
  data.set("kept", Hidden(params, {"q", "place"}));
  data.set("page_title", std::string("So sánh địa bàn"));
  data.set("slots", Slots(params));
  std::string q;
  for (const auto& [name, value] : params) q = name == "q" ? value : q;
  data.set("q", q);
  try {
    const std::multimap<std::string, std::string> api = ApiParams(params);
    std::vector<PlaceFilter> places = ParsePlaces(api, searcher);
    if (places.empty()) return Render(embedded::server_compare, data);  // the form, before any place
    SetComparison(searcher.Compare(ParseSearchParams(api), places), params, &data);
  } catch (const SearchError& e) {
    *status = 400;
    data.set("error", RefusalText(e, params));
  }
  return Render(embedded::server_compare, data);
}

}  // namespace tinhgon
