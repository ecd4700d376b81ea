// Query-string parameters → a SearchRequest, as the HTTP API and web form take them.
#pragma once

#include <map>
#include <string>

#include "search/searcher.h"

namespace tinhgon {

// Parameters: q, province, province_2025, district, commune, commune_2025,
// agency, event, year (each may repeat; repeats are OR'd), from, to, sort,
// page, per_page.
// Unknown parameters are ignored. Throws SearchError for values that are not
// numbers or are out of range, naming the parameter.
SearchRequest ParseSearchParams(const std::multimap<std::string, std::string>& params);

// The places of a comparison: each `place` parameter, as "filter:value"
// ("province:06", "commune_2025:Sài Gòn") or a bare name or code that
// `searcher` resolves (Searcher::ResolvePlace). Empty values are skipped.
// Throws SearchError ("unknown_place") naming a place nothing knows.
std::vector<PlaceFilter> ParsePlaces(const std::multimap<std::string, std::string>& params, Searcher& searcher);

}  // namespace tinhgon
