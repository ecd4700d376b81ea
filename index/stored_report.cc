#include "index/stored_report.h"

#include <algorithm>
#include <vector>

namespace tinhgon {
namespace {

using json = nlohmann::ordered_json;

json PrimaryLocality(const json& data) {
  json primary = nullptr;
  for (const json& l : data.value("localities", json::array())) {
    if (!l.is_object()) throw std::invalid_argument("a locality is not an object");
    if (l.value("primary", false)) {
      primary = json::object();
      for (const char* key : {"code", "name", "level", "kind", "system", "province_code", "province_name",
                              "province_2025_code", "province_2025_name", "commune_2025_code", "commune_2025_name"}) {
        primary[key] = l.value(key, json());
      }
    }
  }
  return primary;
}

std::vector<std::string> EventTypes(const json& data) {
  std::vector<std::string> events;
  for (const json& e : data.value("events", json::array())) {
    if (!e.is_object()) throw std::invalid_argument("an event is not an object");
    std::string type = e.value("type", std::string());
    if (std::find(events.begin(), events.end(), type) == events.end()) events.push_back(type);
  }
  return events;
}

// A text field: a string or null; anything else is damage.
json TextField(const json& data, const char* key) {
  json value = data.value(key, json());
  if (!value.is_null() && !value.is_string()) throw std::invalid_argument(std::string(key) + " is not text");
  return value;
}

json Agencies(const json& data) {
  json agencies = data.value("agencies", json::array());
  if (!agencies.is_array()) throw std::invalid_argument("agencies is not a list");
  for (const json& a : agencies) {
    if (!a.is_object() || !a.value("slug", json()).is_string()) throw std::invalid_argument("an agency has no slug");
  }
  return agencies;
}

}  // namespace

std::optional<StoredHit> DecodeStoredHit(std::string_view data) {
  json stored = json::parse(data, nullptr, /*allow_exceptions=*/false);
  if (stored.is_discarded() || !stored.is_object()) return std::nullopt;
  try {
    StoredHit out;
    out.hit = {{"id", TextField(stored, "id")},
               {"title", TextField(stored, "title")},
               {"date", TextField(stored, "date")},
               {"byline", TextField(stored, "byline")},
               {"locality", PrimaryLocality(stored)},
               {"agencies", Agencies(stored)},
               {"events", EventTypes(stored)},
               {"source", TextField(stored, "source")}};
    json text = TextField(stored, "text");
    out.text = text.is_string() ? text.get<std::string>() : std::string();
    return out;
  } catch (const std::exception&) {  // nlohmann's type errors, and ours above
    return std::nullopt;
  }
}

}  // namespace tinhgon
