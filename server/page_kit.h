// What every web page shares: links built from parameters, rendering a
// template with the site's header and footer, and the headers every page
// carries (a Content-Security-Policy that allows no script at all).
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <kainjow/mustache.hpp>

#include "analyzers/metadata/vocabulary.h"

namespace httplib {
struct Response;
}

namespace tinhgon {

using Data = kainjow::mustache::data;
// A page's query parameters, in the order the request gave them.
using Params = std::vector<std::pair<std::string, std::string>>;

// "/search?q=…&province=…", every value percent-encoded.
std::string Url(const std::string& path, const Params& params);

// `params` without `name` (only its `value` when given), and without the
// page: a changed search starts at its first page.
Params Without(const Params& params, const std::string& name);
Params Without(const Params& params, const std::string& name, const std::string& value);

// The page template `page` rendered with the site's header and footer.
std::string Render(std::string_view page, Data data);

// Sets an HTML body with the page headers (CSP, nosniff, no referrer).
void SetHtml(httplib::Response& res, const std::string& html);

Data Flag(bool b);

// The sort box's options, `current` selected.
Data SortOptions(SortOrder current = SortOrder::kRelevance);

// Hidden inputs carrying `params` into a form, but for those named in
// `except` (the form's own fields).
Data Hidden(const Params& params, const std::vector<std::string>& except);

}  // namespace tinhgon
