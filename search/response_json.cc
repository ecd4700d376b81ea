#include "search/response_json.h"

namespace tinhgon {
namespace {

using json = nlohmann::ordered_json;

json Optional(const std::optional<std::string>& value) { return value ? json(*value) : json(nullptr); }

json PlaceJson(const StoredPlace& p) {
  return {{"code", p.code},
          {"name", p.name},
          {"level", p.level},
          {"kind", p.kind},
          {"system", p.system},
          {"province_code", Optional(p.province_code)},
          {"province_name", Optional(p.province_name)},
          {"province_2025_code", Optional(p.province_2025_code)},
          {"province_2025_name", Optional(p.province_2025_name)},
          {"commune_2025_code", p.commune_2025_codes},
          {"commune_2025_name", p.commune_2025_names}};
}

json ReportJson(const StoredReport& r) {
  json agencies = json::array();
  for (const StoredAgency& a : r.agencies) {
    agencies.push_back({{"slug", a.slug}, {"label", a.label}, {"level", Optional(a.level)}});
  }
  json events = json::array();
  for (EventType type : r.events) events.push_back(ApiName(type));
  return {{"id", r.id},
          {"title", Optional(r.title)},
          {"date", Optional(r.date)},
          {"byline", Optional(r.byline)},
          {"locality", r.locality ? PlaceJson(*r.locality) : json(nullptr)},
          {"agencies", agencies},
          {"events", events},
          {"source", Optional(r.source)},
          {"url", Optional(r.url)}};
}

json CorrectionsJson(const std::vector<Correction>& corrections) {
  json out = json::array();
  for (const Correction& c : corrections) {
    out.push_back({{"from", c.from}, {"to", c.to}, {"kind", KindName(c.kind)}, {"expanded", c.expanded}});
  }
  return out;
}

json FiltersJson(const SearchResponse& r) {
  json out = json::object();
  for (const auto& [filter, values] : r.filters) out[std::string(ApiName(filter))] = values;
  if (!r.from.empty()) out["from"] = r.from;
  if (!r.to.empty()) out["to"] = r.to;
  return out;
}

// Warnings in English: the API's words (the web form has its own).
json WarningsJson(const std::vector<Warning>& warnings) {
  json out = json::array();
  for (const Warning& w : warnings) out.push_back(EnglishText(w));
  return out;
}

json RelaxedJson(const std::optional<Relaxed>& relaxed) {
  if (!relaxed) return nullptr;
  return {{"required", relaxed->required}, {"of", relaxed->of}, {"dropped", relaxed->dropped}};
}

}  // namespace

json ToJson(const Hit& hit, bool with_snippet) {
  json out = ReportJson(hit.report);
  out["score"] = hit.score;
  if (with_snippet) {
    out["snippet"] = {{"html", hit.snippet.html}, {"text", hit.snippet.text}, {"matches", hit.snippet.matches}};
  }
  return out;
}

json ToJson(const std::vector<FacetCounts>& facets) {
  json out = json::object();
  for (const FacetCounts& facet : facets) {
    json values = json::array();
    for (const FacetValue& v : facet.values) values.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    out[std::string(ApiName(facet.facet))] = values;
  }
  return out;
}

json ToJson(const SearchResponse& r) {
  json results = json::array();
  for (const Hit& hit : r.results) results.push_back(ToJson(hit));
  return {{"query", r.query},
          {"searched_for", Optional(r.searched_for)},
          {"corrections", CorrectionsJson(r.corrections)},
          {"total", r.total},
          {"page", r.page},
          {"per_page", r.per_page},
          {"sort", ApiName(r.sort)},
          {"filters", FiltersJson(r)},
          {"relaxed", RelaxedJson(r.relaxed)},
          {"results", results},
          {"facets", ToJson(r.facets)},
          {"suggestion", Optional(r.suggestion)},
          {"warnings", WarningsJson(r.warnings)},
          {"took_ms", r.took_ms}};
}

json ToJson(const SimilarReports& similar) {
  json results = json::array();
  for (const Hit& hit : similar.results) results.push_back(ToJson(hit, /*with_snippet=*/false));
  return {{"id", similar.id}, {"results", results}};
}

json ToJson(const Comparison& comparison) {
  json places = json::array();
  for (const PlaceSummary& p : comparison.places) {
    json events = json::object();
    for (const auto& [type, count] : p.events) events[std::string(ApiName(type))] = count;
    places.push_back({{"filter", ApiName(p.place.filter)},
                      {"value", p.place.value},
                      {"label", p.label},
                      {"total", p.total},
                      {"events", events},
                      {"figures",
                       {{"units_cut", p.units_cut},
                        {"staff_cut", p.staff_cut},
                        {"planned_units_cut", p.planned_units_cut},
                        {"planned_staff_cut", p.planned_staff_cut},
                        {"reports_with_savings", p.reports_with_savings},
                        {"reports_summed", p.reports_summed}}}});
  }
  return {{"query", comparison.query}, {"places", places}, {"warnings", WarningsJson(comparison.warnings)}};
}

json ToJson(const FacetOverview& overview) { return {{"total", overview.total}, {"facets", ToJson(overview.facets)}}; }

json ToJson(const ReportRecord& record) {
  json out = json::parse(record.metadata_json, nullptr, /*allow_exceptions=*/false);
  if (out.is_discarded() || !out.is_object()) return nullptr;
  out["text"] = record.text;
  return out;
}

}  // namespace tinhgon
