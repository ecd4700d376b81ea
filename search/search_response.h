// What the search library answers, as C++ types. The server and the CLI
// write these as JSON or CSV (search/response_json.h, server/); the library
// itself makes no JSON.
//
// Thread safety: plain data; safe to read from any thread once returned.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/metadata/vocabulary.h"
#include "index/stored_report.h"
#include "search/snippet.h"
#include "search/typing.h"
#include "search/warning.h"

namespace tinhgon {

// One report of a result list: what its record says, its weight, and the
// passage that shows why it matched.
struct Hit {
  StoredReport report;
  double score = 0;
  Snippet snippet;
};

struct FacetValue {
  std::string value;  // the code the matching filter takes ("06", "phong-noi-vu", "2019")
  std::string label;  // the name people read ("Bắc Kạn", "Phòng Nội vụ", "2019")
  std::size_t count = 0;
};

// The values of one facet, with at least one match each: most matches first,
// but years newest first.
struct FacetCounts {
  Facet facet;
  std::vector<FacetValue> values;
};

// Fewer words required than were typed, because together they matched
// fewer than a handful of reports (relaxation.h).
struct Relaxed {
  std::size_t required = 0;           // words a report holds at least
  std::size_t of = 0;                 // of these many
  std::vector<std::string> dropped;   // words no report holds, as typed
};

struct SearchResponse {
  std::string query;                        // as asked
  std::optional<std::string> searched_for;  // the query as searched, when typing was corrected
  std::vector<Correction> corrections;
  std::size_t total = 0;  // exact when facets were asked for, else Xapian's estimate
  int page = 1;
  int per_page = 10;
  SortOrder sort = SortOrder::kRelevance;
  // The filters applied: the request's, as given.
  std::map<Filter, std::vector<std::string>> filters;
  std::string from, to;
  std::optional<Relaxed> relaxed;
  std::vector<Hit> results;
  bool facets_counted = false;  // false when the request asked for none
  std::vector<FacetCounts> facets;  // every facet, in vocabulary order, when counted
  std::optional<std::string> suggestion;  // the query with diacritics, or as its hits read it
  std::vector<Warning> warnings;
  double took_ms = 0;
};

// Reports like a given one (relevance feedback); hits carry no snippet.
struct SimilarReports {
  std::string id;
  std::vector<Hit> results;
};

// A report's whole record: its metadata as stored (a JSON object, the body
// of the documents route, handed over unparsed), and its text.
struct ReportRecord {
  StoredReport report;
  std::string metadata_json;
  std::string text;
};

// One place a comparison looks at: what a filter names ("province" "06",
// "commune_2025" "Sài Gòn").
struct PlaceFilter {
  Filter filter = Filter::kProvince;
  std::string value;
};

// What the reports of one place say, for the same query and filters.
struct PlaceSummary {
  PlaceFilter place;
  std::string label;  // "Bắc Kạn", "Xã Đầm Hà"
  std::size_t total = 0;
  std::vector<std::pair<EventType, std::size_t>> events;  // reports per event type, every type listed
  // Figures summed over the reports (the first kMaxResultWindow of them):
  // cuts made, and cuts announced as targets, apart.
  double units_cut = 0, staff_cut = 0;
  double planned_units_cut = 0, planned_staff_cut = 0;
  std::size_t reports_with_savings = 0;  // savings are in various units: counted, not summed
  std::size_t reports_summed = 0;
};

struct Comparison {
  std::string query;
  std::vector<PlaceSummary> places;
  std::vector<Warning> warnings;
};

// Every facet's values with their counts over the whole index, every
// district and 2025 commune included.
struct FacetOverview {
  std::size_t total = 0;
  std::vector<FacetCounts> facets;
};

}  // namespace tinhgon
