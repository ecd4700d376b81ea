// The results page: GET / and /search. Renders a search as the web form
// shows it (results, facets with charts, active filters as chips, notices
// in Vietnamese, paging, links to the CSV export and the Atom feed); a
// refused search says why in Vietnamese and keeps the form, the filters and
// the results of what could be searched.
#pragma once

#include <string>

#include "server/page_kit.h"

namespace tinhgon {

class Searcher;

// The page for `params`; sets `*status` to 400 when the request as given
// was refused.
std::string SearchPage(Searcher& searcher, const Params& params, int* status);

}  // namespace tinhgon
