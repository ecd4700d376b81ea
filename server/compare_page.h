// Places side by side: GET /compare?q=…&place=…&place=… (two to five places,
// the search's other filters and dates applying to all). A table of the
// reports, the events by type and the staff and unit cuts summed per place,
// a chart of the totals, a CSV of the same numbers, and the form to change them.
#pragma once

#include <string>

#include "server/page_kit.h"

namespace tinhgon {

class Searcher;

// The page for `params`; `*status` 400 when the places or the search are refused.
std::string ComparePage(Searcher& searcher, const Params& params, int* status);

}  // namespace tinhgon
