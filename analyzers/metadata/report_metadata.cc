#include "analyzers/metadata/report_metadata.h"

#include <nlohmann/json.hpp>

namespace tinhgon {

namespace {

// The 2025 communes holding a unit today, codes and names in the same order.
void Communes2025(const AdminUnit& unit, const Gazetteer& g, nlohmann::ordered_json* j) {
  nlohmann::ordered_json codes = nlohmann::ordered_json::array(), names = nlohmann::ordered_json::array();
  for (std::int32_t c : unit.communes_2025) {
    codes.push_back(g.commune_2025(c).code);
    names.push_back(g.commune_2025(c).name);
  }
  (*j)["commune_2025_code"] = codes;
  (*j)["commune_2025_name"] = names;
}

nlohmann::ordered_json LocalityJson(const Locality& l, const Gazetteer& g) {
  const AdminUnit& unit = g.unit(l.level, l.unit);
  nlohmann::ordered_json j = {{"code", unit.code},
                      {"name", unit.name},
                      {"level", AdminLevelName(l.level)},
                      {"kind", AdminKindName(unit)},
                      // Which list the unit is from: the one in force before
                      // 1 July 2025, or the one since.
                      {"system", l.level == AdminLevel::kCommune2025 ? "2025" : "before_2025"},
                      {"district_code", nullptr},
                      {"primary", l.primary},
                      {"mentions", l.mentions}};
  if (l.level == AdminLevel::kCommune && unit.district >= 0) {
    j["district_code"] = g.district(unit.district).code;
  } else if (l.level == AdminLevel::kDistrict) {
    j["district_code"] = unit.code;
  }
  // For a 2025 commune, the old province most of it came from.
  std::int32_t p = l.level == AdminLevel::kProvince ? l.unit : unit.province;
  j["province_code"] = p >= 0 ? nlohmann::ordered_json(g.province(p).code) : nlohmann::ordered_json();
  j["province_name"] = p >= 0 ? nlohmann::ordered_json(g.province(p).name) : nlohmann::ordered_json();
  if (unit.province_2025 >= 0) {
    j["province_2025_code"] = g.province_2025(unit.province_2025).code;
    j["province_2025_name"] = g.province_2025(unit.province_2025).name;
  } else {
    j["province_2025_code"] = nullptr;
    j["province_2025_name"] = nullptr;
  }
  Communes2025(unit, g, &j);
  return j;
}

// An administrative unit an event changes, with its code.
nlohmann::ordered_json UnitJson(const UnitRef& u, const Gazetteer& g) {
  const AdminUnit& unit = g.unit(u.level, u.unit);
  return {{"code", unit.code},
          {"name", unit.name},
          {"level", AdminLevelName(u.level)},
          {"kind", AdminKindName(unit)},
          {"system", u.level == AdminLevel::kCommune2025 ? "2025" : "before_2025"}};
}

}  // namespace

nlohmann::ordered_json ToJson(const ReportMetadata& m, const Gazetteer& gazetteer, bool with_text) {
  nlohmann::ordered_json localities = nlohmann::ordered_json::array();
  for (const Locality& l : m.localities) localities.push_back(LocalityJson(l, gazetteer));
  nlohmann::ordered_json agencies = nlohmann::ordered_json::array();
  for (const AgencyMention& a : m.agencies) {
    agencies.push_back({{"slug", a.slug},
                        {"label", a.label},
                        {"level", a.level.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(a.level)}});
  }
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const RestructuringEvent& e : m.events) {
    nlohmann::ordered_json from_units = nlohmann::ordered_json::array(), to_units = nlohmann::ordered_json::array();
    for (const UnitRef& u : e.from_units) from_units.push_back(UnitJson(u, gazetteer));
    for (const UnitRef& u : e.to_units) to_units.push_back(UnitJson(u, gazetteer));
    events.push_back({{"type", std::string(ApiName(e.type))},
                      {"scope", e.scope},
                      {"planned", e.planned},
                      {"sentence", e.sentence},
                      {"from", e.from},
                      {"to", e.to},
                      {"from_units", from_units},
                      {"to_units", to_units}});
  }
  nlohmann::ordered_json figures = nlohmann::ordered_json::array();
  for (const Figure& f : m.figures) {
    figures.push_back({{"kind", f.kind}, {"value", f.value}, {"unit", f.unit}, {"planned", f.planned},
                       {"sentence", f.sentence}});
  }
  nlohmann::ordered_json j = {
      {"title", m.title},
      {"byline", m.byline.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(m.byline)},
      {"date", m.date ? nlohmann::ordered_json(*m.date) : nlohmann::ordered_json()},
      {"dates_mentioned", m.dates_mentioned},
      {"localities", localities},
      {"agencies", agencies},
      {"events", events},
      {"figures", figures},
  };
  if (m.stats.invalid_sequences > 0) j["invalid_utf8_sequences"] = m.stats.invalid_sequences;
  if (with_text) j["text"] = m.text;
  return j;
}

}  // namespace tinhgon
