#include "server/search_page.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <optional>

#include <httplib.h>

#include "search/searcher.h"
#include "server/charts.h"
#include "server/http_params.h"
#include "server/page_messages.h"
#include "server_embedded.h"

namespace tinhgon {
namespace {

// A facet lists this many values, the rest behind "Xem thêm".
constexpr std::size_t kFacetShown = 8;
// The province charts show the provinces with the most reports.
constexpr std::size_t kChartBars = 10;

using Labels = std::map<std::string, std::map<std::string, std::string>>;  // field → value → label

// The search the page shows. A refused one is said why in `data`, and the
// search is run again without what was refused, so the page keeps its
// facets and results.
std::optional<SearchResponse> RunSearch(Searcher& searcher, const Params& params, SearchRequest* request,
                                        Data* data, int* status) {
  try {
    *request = ParseSearchParams(ApiParams(params));
    return searcher.Search(*request);
  } catch (const SearchError& e) {
    *status = 400;
    data->set("error", RefusalText(e, params));
    Params kept = WithoutRefused(e, params);
    try {
      *request = ParseSearchParams(ApiParams(kept));
      return searcher.Search(*request);
    } catch (const SearchError&) {
      *request = SearchRequest{};
      return std::nullopt;
    }
  }
}

std::string AsTyped(const SearchResponse& response) {
  std::string as_typed = response.query;
  for (const Correction& c : response.corrections) {
    std::size_t at = as_typed.find(c.from);
    if (at != std::string::npos) as_typed.replace(at, c.from.size(), "\"" + c.from + "\"");
  }
  return as_typed;
}

std::string Quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "«" : ", «") + w + "»";
  return out;
}

// What the search did with the query that the reader should know, each
// with a link where there is another search to offer: mistyped words
// searched as meant (and the search as typed), rare words searched as a
// likelier word too, words no report holds or fewer words required, and the
// query with diacritics.
Data Notices(const SearchResponse& response, const Params& params) {
  Data notices{Data::type::list};
  auto add = [&](const std::string& text, const std::string& link_label, const std::string& query) {
    Data notice;
    notice.set("text", text);
    if (!link_label.empty()) {
      Params next = Without(params, "q");
      next.emplace_back("q", query);
      notice.set("link_label", link_label);
      notice.set("link_url", Url("/search", next));
    }
    notices.push_back(notice);
  };
  if (response.searched_for) {
    add("Đã tìm «" + *response.searched_for + "» thay cho «" + response.query + "».", "Tìm đúng như đã gõ",
        AsTyped(response));
  }
  for (const Correction& c : response.corrections) {
    if (c.expanded) add("Đã tìm cả «" + c.to + "» cho «" + c.from + "».", "", "");
  }
  if (const std::optional<Relaxed>& relaxed = response.relaxed) {
    if (!relaxed->dropped.empty()) {
      const bool several = relaxed->dropped.size() > 1;
      add(std::string(several ? "Không báo cáo nào có các từ " : "Không báo cáo nào có từ ") +
              Quoted(relaxed->dropped) + (several ? ": đã bỏ qua các từ này." : ": đã bỏ qua từ này."),
          "", "");
    }
    if (relaxed->required < relaxed->of) {
      add("Không đủ báo cáo chứa mọi từ đã gõ: đang hiện các báo cáo chứa ít nhất " +
              std::to_string(relaxed->required) + " trong " + std::to_string(relaxed->of) + " từ.",
          "", "");
    }
  }
  if (response.suggestion) add("Có phải bạn muốn tìm:", *response.suggestion, *response.suggestion);
  return notices;
}

// "Bến Nghé, Hồ Chí Minh"; a province is named once.
std::string PlaceLine(const StoredPlace& l) {
  if (l.system == "2025") return l.name + ", " + l.province_2025_name.value_or("");
  if (l.level == "province" || !l.province_name) return l.name;
  return l.name + ", " + *l.province_name;
}

// A hit's page, opened with the searched words to mark and the way back.
std::string DocumentUrl(const std::string& id, const std::string& q, const Params& params) {
  Params link;
  if (!q.empty()) link.emplace_back("q", q);
  link.emplace_back("back", Url("/search", params));
  return Url("/documents/" + httplib::detail::encode_query_param(id), link);
}

Data ResultItems(const SearchResponse& response, const Params& params) {
  Data results{Data::type::list};
  for (const Hit& hit : response.results) {
    const StoredReport& r = hit.report;
    Data item;
    item.set("title", r.title.value_or("").empty() ? r.id : *r.title);
    item.set("url", DocumentUrl(r.id, response.query, params));
    item.set("date", r.date ? FormDate(*r.date) : std::string("Không rõ ngày"));
    if (r.locality) item.set("place", PlaceLine(*r.locality));
    Data events{Data::type::list};
    for (EventType e : r.events) events.push_back(std::string(Label(e)));
    item.set("events", events);
    item.set("snippet_html", hit.snippet.html);
    results.push_back(item);
  }
  return results;
}

Data FacetValueItem(const std::string& field, const FacetValue& v, const Params& params) {
  bool active = false;
  for (const auto& [name, current] : params) active |= name == field && current == v.value;
  Params next = Without(params, field, v.value);
  if (!active) next.emplace_back(field, v.value);
  Data item;
  item.set("label", v.label);
  item.set("count", std::to_string(v.count));
  item.set("url", Url("/search", next));
  item.set("active", Flag(active));
  return item;
}

// The bars of a facet's first values, and the table behind them.
void SetChart(const FacetCounts& facet, Data* group) {
  std::vector<Bar> bars;
  Data rows{Data::type::list};
  for (std::size_t i = 0; i < facet.values.size() && i < kChartBars; ++i) {
    bars.push_back({facet.values[i].label, facet.values[i].count});
    Data row;
    row.set("label", facet.values[i].label);
    row.set("count", std::to_string(facet.values[i].count));
    rows.push_back(row);
  }
  const std::string title = "Số báo cáo theo " + std::string(Label(facet.facet));
  group->set("chart_svg", HorizontalBars(bars, title, "chart-" + std::string(ApiName(facet.facet))));
  group->set("chart_title", title);
  group->set("chart_rows", rows);
}

// Facets as links: a click adds the value to the filters, a second removes
// it. The first kFacetShown values show, the rest behind "Xem thêm";
// provinces get a chart. `labels` gets each value's label, for the chips.
Data FacetGroups(const SearchResponse& response, const Params& params, Labels* labels) {
  Data facets{Data::type::list};
  for (const FacetCounts& facet : response.facets) {
    if (facet.values.empty()) continue;
    const std::string field(ApiName(facet.facet));
    Data group;
    group.set("label", std::string(Label(facet.facet)));
    Data shown{Data::type::list}, more{Data::type::list};
    for (const FacetValue& v : facet.values) {
      (*labels)[field][v.value] = v.label;
      (shown.list_value().size() < kFacetShown ? shown : more).push_back(FacetValueItem(field, v, params));
    }
    group.set("values", shown);
    group.set("more", more);
    group.set("more_count", std::to_string(facet.values.size() - std::min(facet.values.size(), kFacetShown)));
    group.set("more_any", Flag(more.is_non_empty_list()));
    const bool provinces = facet.facet == Facet::kProvince || facet.facet == Facet::kProvince2025;
    if (provinces && facet.values.size() >= 2) SetChart(facet, &group);
    facets.push_back(group);
  }
  return facets;
}

const FacetCounts* FacetOfKind(const SearchResponse& response, Facet kind) {
  for (const FacetCounts& facet : response.facets) {
    if (facet.facet == kind) return &facet;
  }
  return nullptr;
}

// The months of the one year selected, January to December, empty months
// included; nothing unless exactly one year is.
std::vector<Bar> MonthBars(const SearchResponse& response) {
  auto years = response.filters.find(Filter::kYear);
  const FacetCounts* months = FacetOfKind(response, Facet::kMonth);
  if (years == response.filters.end() || years->second.size() != 1 || !months || months->values.empty()) return {};
  std::vector<Bar> bars;
  for (int m = 1; m <= 12; ++m) bars.push_back({"T" + std::to_string(m), 0});
  for (const FacetValue& v : months->values) {
    int m = std::atoi(v.value.substr(4, 2).c_str());
    if (m >= 1 && m <= 12) bars[static_cast<std::size_t>(m - 1)].count = v.count;
  }
  return bars;
}

// The matching reports over time above the results: by month within the
// one year selected, else by year, oldest first.
void SetTimeChart(const SearchResponse& response, Data* data) {
  std::vector<Bar> bars = MonthBars(response);
  std::string title = "Số báo cáo theo tháng năm " + (bars.empty() ? "" : response.filters.at(Filter::kYear).front());
  std::string unit = "Tháng";
  if (bars.empty()) {
    if (const FacetCounts* years = FacetOfKind(response, Facet::kYear)) {
      for (const FacetValue& v : years->values) bars.push_back({v.label, v.count});
    }
    std::sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.label < b.label; });
    if (bars.size() < 2) return;  // one bar tells nothing the total does not
    title = "Số báo cáo theo năm";
    unit = "Năm";
  }
  Data rows{Data::type::list};
  for (const Bar& b : bars) {
    Data row;
    row.set("label", b.label);
    row.set("count", std::to_string(b.count));
    rows.push_back(row);
  }
  data->set("time_chart_svg", VerticalBars(bars, title, "chart-time"));
  data->set("time_chart_title", title);
  data->set("time_chart_unit", unit);
  data->set("time_chart_rows", rows);
}

// Active filters as chips, each a link that removes it.
Data Chips(const Params& params, const Labels& labels) {
  Data chips{Data::type::list};
  for (const auto& [name, value] : params) {
    std::optional<Filter> filter = FilterNamed(name);
    if ((!filter && name != "from" && name != "to") || value.empty()) continue;
    std::string field_label = name == "from" ? "Từ ngày" : name == "to" ? "Đến ngày" : std::string(Label(*filter));
    std::string value_label = value;
    if (auto field = labels.find(name); field != labels.end()) {
      if (auto known = field->second.find(value); known != field->second.end()) value_label = known->second;
    }
    Data chip;
    chip.set("label", field_label + ": " + value_label);
    chip.set("remove_url", Url("/search", Without(params, name, value)));
    chips.push_back(chip);
  }
  return chips;
}

void SetPaging(const SearchRequest& request, std::size_t total, const Params& params, Data* data) {
  long long pages = std::min<long long>((static_cast<long long>(total) + request.per_page - 1) / request.per_page,
                                        kMaxResultWindow / request.per_page);
  if (pages > 1) {
    data->set("pages_any", Data(Data::type::bool_true));
    data->set("page", std::to_string(request.page));
    data->set("pages", std::to_string(pages));
  }
  Params base = Without(params, "page");
  if (request.page > 1) {
    Params prev = base;
    prev.emplace_back("page", std::to_string(request.page - 1));
    data->set("prev_url", Url("/search", prev));
  }
  if (request.page < pages) {
    Params next = base;
    next.emplace_back("page", std::to_string(request.page + 1));
    data->set("next_url", Url("/search", next));
  }
}

// The form's own fields, as the reader typed them.
void SetForm(const SearchRequest& request, const Params& params, Data* data) {
  auto typed = [&](const std::string& name) {
    for (const auto& [n, v] : params) {
      if (n == name) return FormDate(v);
    }
    return std::string();
  };
  data->set("q", request.q);
  const bool blank = request.q.find_first_not_of(" \t") == std::string::npos;
  if (!blank) data->set("q_shown", request.q);
  data->set("page_title", blank ? std::string("Tìm kiếm") : request.q);
  data->set("from", typed("from"));
  data->set("to", typed("to"));
  data->set("sorts", SortOptions(request.sort));
}

// The same search as a CSV file and as a feed: every parameter but paging.
void SetExports(const Params& params, Data* data) {
  Params search = WithIsoDates(Without(Without(params, "per_page"), "page"));
  data->set("csv_url", Url("/api/search.csv", search));
  data->set("atom_url", Url("/api/search.atom", search));
}

}  // namespace

std::string SearchPage(Searcher& searcher, const Params& params, int* status) {
  Data data;
  data.set("hidden", Hidden(params, {"q", "page"}));
  data.set("refine_hidden", Hidden(params, {"q", "page", "from", "to", "sort"}));
  SearchRequest request;
  std::optional<SearchResponse> response = RunSearch(searcher, params, &request, &data, status);
  SetForm(request, params, &data);
  if (!response) return Render(embedded::server_search, data);

  data.set("searched", Data(Data::type::bool_true));
  data.set("total", std::to_string(response->total));
  data.set("first", std::to_string((request.page - 1) * request.per_page + 1));
  data.set("results", ResultItems(*response, params));
  Labels labels;
  data.set("facets", FacetGroups(*response, params, &labels));
  SetTimeChart(*response, &data);
  Data chips = Chips(params, labels);
  data.set("chips_any", Flag(chips.is_non_empty_list()));
  data.set("chips", chips);
  Data warnings{Data::type::list};
  for (const Warning& w : response->warnings) warnings.push_back(WarningText(w));
  data.set("warnings", warnings);
  data.set("notices", Notices(*response, params));
  SetPaging(request, response->total, params, &data);
  SetExports(params, &data);
  return Render(embedded::server_search, data);
}

}  // namespace tinhgon
