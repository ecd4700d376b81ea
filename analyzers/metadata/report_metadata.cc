#include "analyzers/metadata/report_metadata.h"

#include <nlohmann/json.hpp>

namespace tinhgon {

namespace {

nlohmann::json LocalityJson(const Locality& l, const Gazetteer& g) {
  const AdminUnit& unit = g.unit(l.level, l.unit);
  nlohmann::json j = {{"code", unit.code},
                      {"name", unit.name},
                      {"level", AdminLevelName(l.level)},
                      {"district_code", nullptr},
                      {"primary", l.primary},
                      {"mentions", l.mentions}};
  if (l.level == AdminLevel::kCommune && unit.district >= 0) {
    j["district_code"] = g.district(unit.district).code;
  } else if (l.level == AdminLevel::kDistrict) {
    j["district_code"] = unit.code;
  }
  const AdminUnit& province = l.level == AdminLevel::kProvince ? unit : g.province(unit.province);
  j["province_code"] = province.code;
  j["province_name"] = province.name;
  if (unit.province_2025 >= 0) {
    j["province_2025_code"] = g.province_2025(unit.province_2025).code;
    j["province_2025_name"] = g.province_2025(unit.province_2025).name;
  } else {
    j["province_2025_code"] = nullptr;
    j["province_2025_name"] = nullptr;
  }
  return j;
}

}  // namespace

nlohmann::json ToJson(const ReportMetadata& m, const Gazetteer& gazetteer, bool with_text) {
  nlohmann::json localities = nlohmann::json::array();
  for (const Locality& l : m.localities) localities.push_back(LocalityJson(l, gazetteer));
  nlohmann::json agencies = nlohmann::json::array();
  for (const AgencyMention& a : m.agencies) {
    agencies.push_back({{"slug", a.slug},
                        {"label", a.label},
                        {"level", a.level.empty() ? nlohmann::json() : nlohmann::json(a.level)}});
  }
  nlohmann::json events = nlohmann::json::array();
  for (const RestructuringEvent& e : m.events) {
    events.push_back({{"type", e.type}, {"sentence", e.sentence}, {"from", e.from}, {"to", e.to}});
  }
  nlohmann::json figures = nlohmann::json::array();
  for (const Figure& f : m.figures) {
    figures.push_back({{"kind", f.kind}, {"value", f.value}, {"unit", f.unit}, {"sentence", f.sentence}});
  }
  nlohmann::json j = {
      {"title", m.title},
      {"byline", m.byline.empty() ? nlohmann::json() : nlohmann::json(m.byline)},
      {"date", m.date ? nlohmann::json(*m.date) : nlohmann::json()},
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
