// What the web pages tell people, in Vietnamese: why a search was refused,
// what it did other than asked,
// and the dates people type (dd/mm/yyyy) turned into the API's (YYYY-MM-DD).
// The API keeps its English `message` with a `code`; a page shows these.
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "search/search_request.h"
#include "search/warning.h"
#include "server/page_kit.h"

namespace tinhgon {

// The reason for a refused search, in Vietnamese, naming what the form
// holds (`params`, as typed).
std::string RefusalText(const SearchError& error, const Params& params);

// A search's warning in Vietnamese (the API gives EnglishText's).
std::string WarningText(const Warning& warning);

// The parameters a refused search is run again without, so the page keeps
// its results, facets and filters while it says what was wrong: the
// offending ones dropped (or, for a query too long, cut).
Params WithoutRefused(const SearchError& error, const Params& params);

// "01/07/2025", "1/7/2025" or "2025-07-01" → "2025-07-01"; anything else
// as it is, for the search to refuse with its reason.
std::string IsoDate(const std::string& typed);

// The page's parameters as the API reads them: dates typed dd/mm/yyyy
// become YYYY-MM-DD. WithIsoDates keeps their order, for the links a page
// gives to the API (CSV, feed), which refuses other forms of a date.
Params WithIsoDates(const Params& params);
std::multimap<std::string, std::string> ApiParams(const Params& params);

// "2025-07-01" → "01/07/2025", as the form shows dates; other text as it is.
std::string FormDate(const std::string& iso);

}  // namespace tinhgon
