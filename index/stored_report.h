// The stored record of a report: the data of its Xapian document, written
// by the indexer and read back by the search side.
//
// Layout: the report's metadata as one JSON object (id, source, url,
// publisher, then what `tinhgon-index --analyze` prints: title, byline,
// date, localities, agencies, events, figures), a NUL byte, then the
// cleaned text as plain UTF-8. JSON escapes every control character, so the
// first NUL ends the metadata: a hit parses the metadata only and takes the
// text as it lies, never decoding (or copying) it through JSON.
//
// The data is read from disk, so it is treated as untrusted: anything not of
// the expected shape makes the report a damaged one (an empty optional),
// never an exception.
//
// Thread safety: plain data and pure functions; safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "analyzers/metadata/vocabulary.h"

namespace tinhgon {

// A report's primary place, with the units of both systems it belongs to.
struct StoredPlace {
  std::string code, name;
  std::string level;   // province, district, commune, commune_2025
  std::string kind;    // tỉnh, thành phố, quận, huyện, xã, phường…
  std::string system;  // "before_2025" or "2025"
  std::optional<std::string> province_code, province_name;            // the old province
  std::optional<std::string> province_2025_code, province_2025_name;  // the province since 1 July 2025
  std::vector<std::string> commune_2025_codes, commune_2025_names;    // the 2025 communes holding it now
};

// A figure a report gives: units or staff cut, money saved.
struct StoredFigure {
  std::string kind;  // units_cut, staff_cut, savings
  double value = 0;
  std::string unit;  // as written: "đầu mối", "biên chế", "tỷ đồng/năm"
  bool planned = false;  // a target, not a result
};

struct StoredAgency {
  std::string slug, label;
  std::optional<std::string> level;  // tỉnh, huyện, xã, when the report says
};

// What a result list, an export or a comparison shows of a report.
struct StoredReport {
  std::string id;
  std::optional<std::string> title, date, byline, source, url;
  std::optional<StoredPlace> locality;  // the primary place, if any
  std::vector<StoredPlace> places;      // every place named, the primary first
  std::vector<StoredAgency> agencies;
  std::vector<EventType> events;  // each type once, in the report's order
  std::vector<StoredFigure> figures;
};

// The data of a report's document. `metadata` must be an object without
// the text; invalid UTF-8 in it is replaced, never refused.
std::string EncodeStoredRecord(const nlohmann::ordered_json& metadata, std::string_view text);

// What a hit shows; empty when `data` is not a stored record.
std::optional<StoredReport> DecodeStoredReport(std::string_view data);

// The text part of a record (a view into `data`; empty if there is none).
std::string_view StoredText(std::string_view data);

// The metadata part as written, unparsed: the body the documents route
// serves, after the checks of DecodeStoredReport; empty when damaged.
std::optional<std::string_view> StoredMetadata(std::string_view data);

// The whole record as one JSON object, the text under "text" (tests, tools).
std::optional<nlohmann::ordered_json> DecodeStoredRecord(std::string_view data);

}  // namespace tinhgon
