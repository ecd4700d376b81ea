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

}  // namespace tinhgon
