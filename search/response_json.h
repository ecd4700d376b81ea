// The search library's answers written as JSON, as the HTTP API sends them
// and `tinhgon-search --json` prints them (the shapes server/openapi.json
// documents). Only the edges link this (the server and the CLI): the
// library itself answers in C++ types (search_response.h).
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <nlohmann/json.hpp>

#include "search/search_response.h"

namespace tinhgon {

nlohmann::ordered_json ToJson(const SearchResponse& response);
// A hit of a result list; hits of similar reports have no snippet.
nlohmann::ordered_json ToJson(const Hit& hit, bool with_snippet = true);
nlohmann::ordered_json ToJson(const SimilarReports& similar);
nlohmann::ordered_json ToJson(const FacetOverview& overview);
// The stored metadata with the text under "text". Null when the stored
// metadata is not a JSON object.
nlohmann::ordered_json ToJson(const ReportRecord& record);

// {query, places: [{filter, value, label, total, events: {merge: n, …},
// figures: {units_cut, staff_cut, planned_units_cut, planned_staff_cut,
// reports_with_savings, reports_summed}}], warnings}.
nlohmann::ordered_json ToJson(const Comparison& comparison);

// A facet as the API lists it: {province: [{value, label, count}], …}.
nlohmann::ordered_json ToJson(const std::vector<FacetCounts>& facets);

}  // namespace tinhgon
