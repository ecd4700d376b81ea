// A report's page: GET /documents/{id}[?q=…&back=…]. Its metadata (places
// and agencies as links to every report about them), its figures and
// events, its text with the searched words marked, a link to the original
// article, similar reports, and the way back to the results it was opened from.
#pragma once

#include <string>

#include "server/page_kit.h"

namespace tinhgon {

class Searcher;

// The page of report `id`; `params` may hold q (the words to mark) and back
// (the results page to return to, a local path). Sets `*status` to 404 for
// an unknown id.
std::string DocumentPage(Searcher& searcher, const std::string& id, const Params& params, int* status);

}  // namespace tinhgon
