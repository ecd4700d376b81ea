#include "server/web_ui.h"

#include <chrono>
#include <cmath>

#include <httplib.h>
#include <kainjow/mustache.hpp>

#include "server/http_errors.h"
#include "server/http_params.h"
#include "server/metrics.h"
#include "server/routes.h"
#include "search/response_json.h"
#include "search/searcher.h"
#include "server/searcher_pool.h"
#include "server_embedded.h"

namespace tinhgon {
namespace {

using json = nlohmann::ordered_json;
using Data = kainjow::mustache::data;
using Params = std::vector<std::pair<std::string, std::string>>;

const char* kCsp = "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

// An event type's label; the API name itself for a type this build does not know.
std::string EventLabel(const std::string& type) {
  std::optional<EventType> known = EventTypeNamed(type);
  return known ? std::string(Label(*known)) : type;
}

std::string Text(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

std::string Url(const std::string& path, const Params& params) {
  std::string url = path;
  char separator = '?';
  for (const auto& [name, value] : params) {
    url += separator + name + "=" + httplib::detail::encode_query_param(value);
    separator = '&';
  }
  return url;
}

Params Without(const Params& params, const std::string& name, const std::string& value = "\x01") {
  Params out;
  for (const auto& p : params) {
    if (p.first == "page") continue;  // a changed search starts at its first page
    if (p.first == name && (value == "\x01" || p.second == value)) continue;
    out.push_back(p);
  }
  return out;
}

std::string Render(const std::string_view& page, Data data) {
  data.set("header", kainjow::mustache::partial([] { return std::string(embedded::server_header); }));
  data.set("footer", kainjow::mustache::partial([] { return std::string(embedded::server_footer); }));
  kainjow::mustache::mustache tmpl{std::string(page)};
  return tmpl.render(data);
}

void SetHtml(httplib::Response& res, const std::string& html) {
  res.set_content(html, "text/html; charset=utf-8");
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

Data Hidden(const Params& params) {
  Data list{Data::type::list};
  for (const auto& [name, value] : params) {
    if (name == "q" || name == "page") continue;
    Data item;
    item.set("name", name);
    item.set("value", value);
    list.push_back(item);
  }
  return list;
}

// "«a», «b»": words quoted as the page quotes them.
std::string Quoted(const std::vector<std::string>& words) {
  std::string out;
  for (const std::string& w : words) out += (out.empty() ? "«" : ", «") + w + "»";
  return out;
}

// The query as typed, its corrected words quoted so they are searched
// exactly as written.
std::string AsTyped(const SearchResponse& response) {
  std::string as_typed = response.query;
  for (const Correction& c : response.corrections) {
    std::size_t at = as_typed.find(c.from);
    if (at != std::string::npos) as_typed.replace(at, c.from.size(), "\"" + c.from + "\"");
  }
  return as_typed;
}

// What the search did with the query that the reader should know, in
// Vietnamese, each with a link where there is another search to offer:
// mistyped words searched as meant (and the search as typed), rare words
// searched as a likelier word too, words that no report holds or fewer
// words required, and the query with diacritics.
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
      add("Không báo cáo nào có từ " + Quoted(relaxed->dropped) + ": đã bỏ qua từ này.", "", "");
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

Data Flag(bool b) { return b ? Data(Data::type::bool_true) : Data(Data::type::bool_false); }

// The request the page shows: the parameters as parsed, or, when they are
// refused, the query alone (at most 1,000 characters, cut between two) with
// the reason in `data`.
std::optional<SearchResponse> RunSearch(Searcher& searcher, const Params& params, SearchRequest* request, Data* data,
                                        int* status) {
  std::multimap<std::string, std::string> multimap(params.begin(), params.end());
  try {
    *request = ParseSearchParams(multimap);
    return searcher.Search(*request);
  } catch (const SearchError& e) {
    *status = 400;
    data->set("error", std::string(e.what()));
    *request = SearchRequest{};
    request->q = multimap.count("q") ? multimap.find("q")->second : "";
    std::size_t cut = 0;
    for (std::size_t characters = 0; cut < request->q.size(); ++cut) {
      if ((static_cast<unsigned char>(request->q[cut]) & 0xC0) != 0x80 && ++characters > kMaxQueryLength) break;
    }
    request->q.resize(cut);
    return std::nullopt;
  }
}

Data SortOptions(SortOrder current) {
  Data sorts{Data::type::list};
  for (SortOrder order : kSortOrders) {
    Data option;
    option.set("value", std::string(ApiName(order)));
    option.set("label", std::string(Label(order)));
    option.set("selected", Flag(order == current));
    sorts.push_back(option);
  }
  return sorts;
}

// "Bến Nghé, Hồ Chí Minh"; a province is named once.
std::string PlaceLine(const StoredPlace& l) {
  if (l.system == "2025") return l.name + ", " + l.province_2025_name.value_or("");
  if (l.level == "province" || !l.province_name) return l.name;
  return l.name + ", " + *l.province_name;
}

Data ResultItems(const SearchResponse& response) {
  Data results{Data::type::list};
  for (const Hit& hit : response.results) {
    const StoredReport& r = hit.report;
    Data item;
    item.set("title", r.title.value_or("").empty() ? r.id : *r.title);
    item.set("url", "/documents/" + httplib::detail::encode_query_param(r.id));
    item.set("date", r.date.value_or("Không rõ ngày"));
    if (r.locality) item.set("place", PlaceLine(*r.locality));
    Data events{Data::type::list};
    for (EventType e : r.events) events.push_back(std::string(Label(e)));
    item.set("events", events);
    item.set("snippet_html", hit.snippet.html);
    results.push_back(item);
  }
  return results;
}

// Facets as links: a click adds the value to the filters, a second removes
// it. `labels` gets each listed value's label, for the chips.
Data FacetGroups(const SearchResponse& response, const Params& params,
                 std::map<std::string, std::map<std::string, std::string>>* labels) {
  Data facets{Data::type::list};
  for (const FacetCounts& facet : response.facets) {
    if (facet.values.empty()) continue;
    const std::string field(ApiName(facet.facet));
    Data group;
    group.set("label", std::string(Label(facet.facet)));
    Data list{Data::type::list};
    for (const FacetValue& v : facet.values) {
      (*labels)[field][v.value] = v.label;
      bool active = false;
      for (const auto& [name, current] : params) active |= name == field && current == v.value;
      Params next = Without(params, field, v.value);
      if (!active) next.emplace_back(field, v.value);
      Data item;
      item.set("label", v.label);
      item.set("count", std::to_string(v.count));
      item.set("url", Url("/search", next));
      item.set("active", Flag(active));
      list.push_back(item);
    }
    group.set("values", list);
    facets.push_back(group);
  }
  return facets;
}

// Active filters as chips, each a link that removes it.
Data Chips(const Params& params, const std::map<std::string, std::map<std::string, std::string>>& labels) {
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

std::string SearchPage(Searcher& searcher, const Params& params, int* status) {
  Data data;
  data.set("hidden", Hidden(params));
  SearchRequest request;
  std::optional<SearchResponse> response = RunSearch(searcher, params, &request, &data, status);
  data.set("q", request.q);
  data.set("page_title", request.q.empty() ? std::string("Tìm kiếm") : request.q);
  data.set("from", request.from);
  data.set("to", request.to);
  data.set("sorts", SortOptions(request.sort));
  if (!response) return Render(embedded::server_search, data);

  data.set("searched", Data(Data::type::bool_true));
  data.set("total", std::to_string(response->total));
  data.set("first", std::to_string((request.page - 1) * request.per_page + 1));
  data.set("results", ResultItems(*response));
  std::map<std::string, std::map<std::string, std::string>> labels;  // field → value → label
  data.set("facets", FacetGroups(*response, params, &labels));
  Data chips = Chips(params, labels);
  data.set("chips_any", Flag(chips.is_non_empty_list()));
  data.set("chips", chips);
  Data warnings{Data::type::list};
  for (const std::string& w : response->warnings) warnings.push_back(w);
  data.set("warnings", warnings);
  data.set("notices", Notices(*response, params));
  SetPaging(request, response->total, params, &data);
  return Render(embedded::server_search, data);
}

// A report's places as its page lists them. A unit of the old system shows
// the 2025 commune(s) holding it now, and each of those, like a 2025 unit's
// own name, links to every report about that area, old units included.
Data Localities(const json& doc) {
  static const std::map<std::string, std::string> kLevels = {{"province", "tỉnh"}, {"district", "huyện"}, {"commune", "xã"}};
  auto area = [](const json& code, const json& province_2025) {
    return Url("/search", {{"province_2025", Text(province_2025)}, {"commune_2025", Text(code)}});
  };
  Data localities{Data::type::list};
  for (const json& l : doc["localities"]) {
    Data item;
    const bool unit_2025 = Text(l["system"]) == "2025";
    item.set("name", Text(l["name"]));
    std::string kind = Text(l["kind"]).empty() ? Text(l["level"]) : Text(l["kind"]);  // older indexes: no kind
    if (kLevels.count(kind)) kind = kLevels.at(kind);
    item.set("level", unit_2025 ? kind + " từ 1/7/2025" : kind);
    if (unit_2025) item.set("area_url", area(l["code"], l["province_2025_code"]));
    item.set("province", Text(l[unit_2025 ? "province_2025_name" : "province_name"]));
    item.set("province_2025", Text(l["province_2025_name"]));
    Data now{Data::type::list};
    const json& codes = l["commune_2025_code"];
    const json& names = l["commune_2025_name"];
    for (std::size_t i = 0; !unit_2025 && codes.is_array() && names.is_array() && i < codes.size() && i < names.size(); ++i) {
      Data commune;
      commune.set("name", Text(names[i]));
      commune.set("url", area(codes[i], l["province_2025_code"]));
      commune.set("more", Flag(i > 0));
      now.push_back(commune);
    }
    item.set("now_any", Flag(now.is_non_empty_list()));
    item.set("now", now);
    item.set("unit_2025", Flag(unit_2025));
    item.set("primary", Flag(l.value("primary", false)));
    localities.push_back(item);
  }
  return localities;
}

std::string DocumentPage(Searcher& searcher, const std::string& id, int* status) {
  std::optional<ReportRecord> record = searcher.Document(id);
  json doc = record ? ToJson(*record) : json(nullptr);
  Data data;
  data.set("hidden", Data{Data::type::list});
  if (doc.is_null()) {
    *status = 404;
    data.set("page_title", std::string("Không tìm thấy"));
    data.set("error", "Không có báo cáo mang mã «" + id.substr(0, 200) + "».");
    data.set("sorts", Data{Data::type::list});
    return Render(embedded::server_search, data);
  }
  data.set("page_title", Text(doc["title"]));
  data.set("title", Text(doc["title"]));
  data.set("date", doc["date"].is_null() ? std::string("Không rõ ngày") : Text(doc["date"]));
  if (!doc["byline"].is_null()) data.set("byline", Text(doc["byline"]));
  data.set("source", Text(doc["source"]));
  data.set("localities", Localities(doc));
  data.set("localities_any", Flag(!doc["localities"].empty()));
  Data agencies{Data::type::list};
  for (const json& a : doc["agencies"]) {
    Data item;
    item.set("label", Text(a["label"]));
    if (!a["level"].is_null()) item.set("level", Text(a["level"]));
    agencies.push_back(item);
  }
  data.set("agencies_any", Flag(!doc["agencies"].empty()));
  data.set("agencies", agencies);
  Data events{Data::type::list};
  for (const json& e : doc["events"]) {
    Data item;
    item.set("type", EventLabel(Text(e["type"])));
    item.set("sentence", Text(e["sentence"]));
    events.push_back(item);
  }
  data.set("events_any", Flag(!doc["events"].empty()));
  data.set("events", events);
  static const std::map<std::string, std::string> kKinds = {
      {"units_cut", "Giảm đầu mối, đơn vị"}, {"staff_cut", "Giảm biên chế, cán bộ"}, {"savings", "Tiết kiệm"}};
  Data figures{Data::type::list};
  for (const json& f : doc["figures"]) {
    Data item;
    item.set("kind", kKinds.count(Text(f["kind"])) ? kKinds.at(Text(f["kind"])) : Text(f["kind"]));
    double value = f["value"].get<double>();
    char number[32];
    std::snprintf(number, sizeof number, value == std::floor(value) ? "%.0f" : "%.1f", value);
    item.set("value", std::string(number));
    item.set("unit", Text(f["unit"]));
    figures.push_back(item);
  }
  data.set("figures_any", Flag(!doc["figures"].empty()));
  data.set("figures", figures);
  Data paragraphs{Data::type::list};
  std::string text = Text(doc["text"]);
  std::size_t start = text.find('\n') == std::string::npos ? text.size() : text.find('\n') + 1;  // title shown above
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) paragraphs.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  data.set("paragraphs", paragraphs);
  Data similar{Data::type::list};
  for (const Hit& hit : searcher.Similar(id, 5).results) {
    Data item;
    item.set("title", hit.report.title.value_or(hit.report.id));
    item.set("url", "/documents/" + httplib::detail::encode_query_param(hit.report.id));
    item.set("date", hit.report.date.value_or(""));
    similar.push_back(item);
  }
  data.set("similar_any", Flag(similar.is_non_empty_list()));
  data.set("similar", similar);
  return Render(embedded::server_document, data);
}

// A page for a request that failed, in Vietnamese: the 4xx of the library
// are shown by the pages themselves, so this is an unreadable index or a bug.
std::string FailurePage(const Failure& f) {
  std::string text = f.status == 503 ? "Chỉ mục tạm thời không đọc được. Xin thử lại sau ít phút."
                                     : "Máy chủ gặp lỗi khi xử lý yêu cầu này (mã lỗi " + f.error_id + ").";
  if (f.status >= 400 && f.status < 500) text = "Yêu cầu không hợp lệ.";
  return "<!DOCTYPE html><html lang=\"vi\"><title>tinhgon</title><p>" + text + "</p></html>";
}

}  // namespace

void RegisterWebUi(Routes* server, SearcherPool* searchers, Metrics* metrics) {
  auto page = [=](const std::string& name, auto render) {
    return [=](const httplib::Request& req, httplib::Response& res) {
      auto start = std::chrono::steady_clock::now();
      int status = 200;
      try {
        SetHtml(res, render(req, *searchers->Acquire(), &status));
        res.status = status;
      } catch (...) {
        Failure f = CurrentFailure(req.method + " " + req.target);
        res.status = f.status;
        SetHtml(res, FailurePage(f));
      }
      metrics->Record(name, res.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
  };
  auto search = page("/search", [](const httplib::Request& req, Searcher& s, int* status) {
    return SearchPage(s, Params(req.params.begin(), req.params.end()), status);
  });
  server->Get("/", search);
  server->Get("/search", search);
  server->Get(R"(/documents/(.+))", page("/documents/{id}", [](const httplib::Request& req, Searcher& s, int* status) {
    return DocumentPage(s, req.matches[1], status);
  }));
  server->Get("/favicon.ico", [](const httplib::Request&, httplib::Response& res) {
    res.status = 204;  // no icon, and no 404 in every browser's console
    res.set_header("Cache-Control", "max-age=86400");
  });
  server->Get("/static/style.css", [](const httplib::Request&, httplib::Response& res) {
    res.set_content(std::string(embedded::server_style), "text/css; charset=utf-8");
    res.set_header("Cache-Control", "max-age=3600");
  });
}

}  // namespace tinhgon
