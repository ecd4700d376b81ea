#include "server/document_page.h"

#include <cmath>
#include <cstdio>
#include <map>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/response_json.h"
#include "search/searcher.h"
#include "server/page_messages.h"
#include "server_embedded.h"

namespace tinhgon {
namespace {

using json = nlohmann::ordered_json;

std::string Text(const json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

std::string Param(const Params& params, const std::string& name) {
  for (const auto& [n, v] : params) {
    if (n == name) return v;
  }
  return "";
}

// The filter that finds every report about a place of this level.
std::string PlaceUrl(const json& l) {
  static const std::map<std::string, Filter> kFilters = {{"province", Filter::kProvince},
                                                         {"district", Filter::kDistrict},
                                                         {"commune", Filter::kCommune},
                                                         {"commune_2025", Filter::kCommune2025}};
  auto filter = kFilters.find(Text(l["level"]));
  if (filter == kFilters.end()) return "";
  Params params = {{std::string(ApiName(filter->second)), Text(l["code"])}};
  if (filter->second == Filter::kCommune2025) params.insert(params.begin(), {"province_2025", Text(l["province_2025_code"])});
  return Url("/search", params);
}

std::string AreaUrl(const json& code, const json& province_2025) {
  return Url("/search", {{"province_2025", Text(province_2025)}, {"commune_2025", Text(code)}});
}

// The 2025 communes holding an old unit today, each a link to its area.
Data NowCommunes(const json& l) {
  Data now{Data::type::list};
  const json& codes = l["commune_2025_code"];
  const json& names = l["commune_2025_name"];
  for (std::size_t i = 0; codes.is_array() && names.is_array() && i < codes.size() && i < names.size(); ++i) {
    Data commune;
    commune.set("name", Text(names[i]));
    commune.set("url", AreaUrl(codes[i], l["province_2025_code"]));
    commune.set("more", Flag(i > 0));
    now.push_back(commune);
  }
  return now;
}

// A report's places as its page lists them: each a link to every report
// about it; a unit of the old system with the 2025 commune(s) holding it now.
Data Localities(const json& doc) {
  static const std::map<std::string, std::string> kLevels = {{"province", "tỉnh"}, {"district", "huyện"}, {"commune", "xã"}};
  Data localities{Data::type::list};
  for (const json& l : doc["localities"]) {
    Data item;
    const bool unit_2025 = Text(l["system"]) == "2025";
    item.set("name", Text(l["name"]));
    item.set("url", PlaceUrl(l));
    std::string kind = Text(l["kind"]).empty() ? Text(l["level"]) : Text(l["kind"]);
    if (kLevels.count(kind)) kind = kLevels.at(kind);
    item.set("level", unit_2025 ? kind + " từ 1/7/2025" : kind);
    item.set("province", Text(l[unit_2025 ? "province_2025_name" : "province_name"]));
    item.set("province_2025", Text(l["province_2025_name"]));
    Data now = unit_2025 ? Data{Data::type::list} : NowCommunes(l);
    item.set("now_any", Flag(now.is_non_empty_list()));
    item.set("now", now);
    item.set("unit_2025", Flag(unit_2025));
    item.set("primary", Flag(l.value("primary", false)));
    localities.push_back(item);
  }
  return localities;
}

Data Agencies(const json& doc) {
  Data agencies{Data::type::list};
  for (const json& a : doc["agencies"]) {
    Data item;
    item.set("label", Text(a["label"]));
    item.set("url", Url("/search", {{std::string(ApiName(Filter::kAgency)), Text(a["slug"])}}));
    if (!a["level"].is_null()) item.set("level", Text(a["level"]));
    agencies.push_back(item);
  }
  return agencies;
}

Data Events(const json& doc) {
  Data events{Data::type::list};
  for (const json& e : doc["events"]) {
    std::optional<EventType> type = EventTypeNamed(Text(e["type"]));
    Data item;
    item.set("type", type ? std::string(Label(*type)) : Text(e["type"]));
    item.set("sentence", Text(e["sentence"]));
    item.set("planned", Flag(e.value("planned", false)));
    events.push_back(item);
  }
  return events;
}

Data Figures(const json& doc) {
  Data figures{Data::type::list};
  for (const json& f : doc["figures"]) {
    std::optional<FigureKind> kind = FigureKindNamed(Text(f["kind"]));
    Data item;
    item.set("kind", kind ? std::string(Label(*kind)) : Text(f["kind"]));
    double value = f.value("value", 0.0);
    char number[32];
    std::snprintf(number, sizeof number, value == std::floor(value) ? "%.0f" : "%.1f", value);
    item.set("value", std::string(number));
    item.set("unit", Text(f["unit"]));
    item.set("planned", Flag(f.value("planned", false)));
    figures.push_back(item);
  }
  return figures;
}

// The text's lines after the title (shown above), searched words marked.
Data Paragraphs(Searcher& searcher, const ReportRecord& record, const std::string& q) {
  std::vector<std::string> lines = searcher.MarkedLines(record.text, q);
  const bool titled = record.report.title && !record.report.title->empty() &&
                      record.text.compare(0, record.report.title->size(), *record.report.title) == 0;
  Data paragraphs{Data::type::list};
  for (std::size_t i = titled ? 1 : 0; i < lines.size(); ++i) {
    if (!lines[i].empty()) paragraphs.push_back(lines[i]);
  }
  return paragraphs;
}

Data Similar(Searcher& searcher, const std::string& id) {
  Data similar{Data::type::list};
  for (const Hit& hit : searcher.Similar(id, 5).results) {
    Data item;
    item.set("title", hit.report.title.value_or(hit.report.id));
    item.set("url", "/documents/" + httplib::detail::encode_query_param(hit.report.id));
    item.set("date", hit.report.date ? FormDate(*hit.report.date) : std::string());
    similar.push_back(item);
  }
  return similar;
}

// Only a path of this site's results page is a way back: never a link out.
std::string BackUrl(const Params& params) {
  std::string back = Param(params, "back");
  return back.rfind("/search", 0) == 0 && back.find("//") == std::string::npos ? back : "";
}

void SetNotFound(const std::string& id, Data* data) {
  data->set("page_title", std::string("Không tìm thấy"));
  data->set("error", "Không có báo cáo mang mã «" + id.substr(0, 200) + "».");
  data->set("sorts", SortOptions());
}

void SetMetadata(const json& doc, const ReportRecord& record, Data* data) {
  const StoredReport& r = record.report;
  data->set("page_title", r.title.value_or(r.id));
  data->set("title", r.title.value_or(r.id));
  data->set("date", r.date ? FormDate(*r.date) : std::string("Không rõ ngày"));
  if (r.byline) data->set("byline", *r.byline);
  if (r.url && (r.url->rfind("http://", 0) == 0 || r.url->rfind("https://", 0) == 0)) data->set("original_url", *r.url);
  data->set("source", r.source.value_or(""));
  Data localities = Localities(doc), agencies = Agencies(doc), events = Events(doc), figures = Figures(doc);
  data->set("localities_any", Flag(localities.is_non_empty_list()));
  data->set("localities", localities);
  data->set("agencies_any", Flag(agencies.is_non_empty_list()));
  data->set("agencies", agencies);
  data->set("events_any", Flag(events.is_non_empty_list()));
  data->set("events", events);
  data->set("figures_any", Flag(figures.is_non_empty_list()));
  data->set("figures", figures);
}

}  // namespace

std::string DocumentPage(Searcher& searcher, const std::string& id, const Params& params, int* status) {
  std::optional<ReportRecord> record = searcher.Document(id);
  json doc = record ? ToJson(*record) : json(nullptr);
  Data data;
  data.set("hidden", Data{Data::type::list});
  const std::string q = Param(params, "q");
  data.set("q", q);
  if (doc.is_null()) {
    *status = 404;
    SetNotFound(id, &data);
    return Render(embedded::server_search, data);
  }
  SetMetadata(doc, *record, &data);
  if (std::string back = BackUrl(params); !back.empty()) data.set("back_url", back);
  data.set("paragraphs", Paragraphs(searcher, *record, q));
  Data similar = Similar(searcher, id);
  data.set("similar_any", Flag(similar.is_non_empty_list()));
  data.set("similar", similar);
  return Render(embedded::server_document, data);
}

}  // namespace tinhgon
