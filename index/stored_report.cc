#include "index/stored_report.h"

#include <algorithm>

namespace tinhgon {
namespace {

using json = nlohmann::ordered_json;

constexpr char kTextSeparator = '\0';

std::string_view MetadataPart(std::string_view data) { return data.substr(0, data.find(kTextSeparator)); }

// A text field: a string or null; anything else is damage.
std::optional<std::string> TextField(const json& data, const char* key) {
  json value = data.value(key, json());
  if (value.is_null()) return std::nullopt;
  if (!value.is_string()) throw std::invalid_argument(std::string(key) + " is not text");
  return value.get<std::string>();
}

std::string RequiredText(const json& data, const char* key) { return TextField(data, key).value_or(""); }

std::vector<std::string> TextList(const json& data, const char* key) {
  std::vector<std::string> out;
  for (const json& v : data.value(key, json::array())) out.push_back(v.get<std::string>());
  return out;
}

StoredPlace Place(const json& l) {
  StoredPlace p;
  p.code = RequiredText(l, "code");
  p.name = RequiredText(l, "name");
  p.level = RequiredText(l, "level");
  p.kind = RequiredText(l, "kind");
  p.system = RequiredText(l, "system");
  p.province_code = TextField(l, "province_code");
  p.province_name = TextField(l, "province_name");
  p.province_2025_code = TextField(l, "province_2025_code");
  p.province_2025_name = TextField(l, "province_2025_name");
  p.commune_2025_codes = TextList(l, "commune_2025_code");
  p.commune_2025_names = TextList(l, "commune_2025_name");
  return p;
}

// Every place, the primary one first (and also in `primary`).
std::vector<StoredPlace> Places(const json& data, std::optional<StoredPlace>* primary) {
  std::vector<StoredPlace> places;
  for (const json& l : data.value("localities", json::array())) {
    if (!l.is_object()) throw std::invalid_argument("a locality is not an object");
    StoredPlace place = Place(l);
    if (l.value("primary", false)) {
      *primary = place;
      places.insert(places.begin(), std::move(place));
    } else {
      places.push_back(std::move(place));
    }
  }
  return places;
}

std::vector<StoredFigure> Figures(const json& data) {
  std::vector<StoredFigure> figures;
  for (const json& f : data.value("figures", json::array())) {
    if (!f.is_object() || !f.value("value", json()).is_number()) throw std::invalid_argument("a figure has no value");
    figures.push_back({RequiredText(f, "kind"), f["value"].get<double>(), RequiredText(f, "unit"),
                       f.value("planned", false)});
  }
  return figures;
}

// Event types each once; a type this build does not know (a newer index's)
// is left out rather than shown under a wrong name.
std::vector<EventType> EventTypes(const json& data) {
  std::vector<EventType> events;
  for (const json& e : data.value("events", json::array())) {
    if (!e.is_object()) throw std::invalid_argument("an event is not an object");
    std::optional<EventType> type = EventTypeNamed(e.value("type", std::string()));
    if (type && std::find(events.begin(), events.end(), *type) == events.end()) events.push_back(*type);
  }
  return events;
}

std::vector<StoredAgency> Agencies(const json& data) {
  std::vector<StoredAgency> agencies;
  const json& list = data.value("agencies", json::array());
  if (!list.is_array()) throw std::invalid_argument("agencies is not a list");
  for (const json& a : list) {
    if (!a.is_object() || !a.value("slug", json()).is_string()) throw std::invalid_argument("an agency has no slug");
    agencies.push_back({RequiredText(a, "slug"), RequiredText(a, "label"), TextField(a, "level")});
  }
  return agencies;
}

std::optional<json> ParseObject(std::string_view text) {
  json parsed = json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

}  // namespace

std::string EncodeStoredRecord(const json& metadata, std::string_view text) {
  std::string data = metadata.dump(-1, ' ', false, json::error_handler_t::replace);
  data += kTextSeparator;
  data += text;
  return data;
}

std::optional<StoredReport> DecodeStoredReport(std::string_view data) {
  std::optional<json> stored = ParseObject(MetadataPart(data));
  if (!stored) return std::nullopt;
  try {
    StoredReport out;
    out.id = RequiredText(*stored, "id");
    out.title = TextField(*stored, "title");
    out.date = TextField(*stored, "date");
    out.byline = TextField(*stored, "byline");
    out.source = TextField(*stored, "source");
    out.url = TextField(*stored, "url");
    out.places = Places(*stored, &out.locality);
    out.agencies = Agencies(*stored);
    out.events = EventTypes(*stored);
    out.figures = Figures(*stored);
    return out;
  } catch (const std::exception&) {  // nlohmann's type errors, and ours above
    return std::nullopt;
  }
}

std::string_view StoredText(std::string_view data) {
  std::size_t separator = data.find(kTextSeparator);
  return separator == std::string_view::npos ? std::string_view() : data.substr(separator + 1);
}

std::optional<std::string_view> StoredMetadata(std::string_view data) {
  if (!DecodeStoredReport(data)) return std::nullopt;
  return MetadataPart(data);
}

std::optional<json> DecodeStoredRecord(std::string_view data) {
  std::optional<json> record = ParseObject(MetadataPart(data));
  if (record) (*record)["text"] = std::string(StoredText(data));
  return record;
}

}  // namespace tinhgon
