#include "server/page_kit.h"

#include <algorithm>

#include <httplib.h>

#include "server_embedded.h"

namespace tinhgon {
namespace {

const char* const kCsp =
    "default-src 'none'; script-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; "
    "frame-ancestors 'none'";

Params Filtered(const Params& params, const std::string& name, const std::string* value) {
  Params out;
  for (const auto& p : params) {
    if (p.first == "page") continue;
    if (p.first == name && (value == nullptr || p.second == *value)) continue;
    out.push_back(p);
  }
  return out;
}

}  // namespace

std::string Url(const std::string& path, const Params& params) {
  std::string url = path;
  char separator = '?';
  for (const auto& [name, value] : params) {
    url += separator + name + "=" + httplib::detail::encode_query_param(value);
    separator = '&';
  }
  return url;
}

Params Without(const Params& params, const std::string& name) { return Filtered(params, name, nullptr); }

Params Without(const Params& params, const std::string& name, const std::string& value) {
  return Filtered(params, name, &value);
}

std::string Render(std::string_view page, Data data) {
  data.set("header", kainjow::mustache::partial([] { return std::string(embedded::server_header); }));
  data.set("footer", kainjow::mustache::partial([] { return std::string(embedded::server_footer); }));
  kainjow::mustache::mustache tmpl{std::string(page)};
  return tmpl.render(data);
}

void SetHtml(httplib::Response& res, const std::string& html) {
  res.set_content(html, "text/html; charset=utf-8");
  res.set_header("Content-Security-Policy", kCsp);
  res.set_header("X-Content-Type-Options", "nosniff");
  res.set_header("Referrer-Policy", "no-referrer");
}

Data Flag(bool b) { return b ? Data(Data::type::bool_true) : Data(Data::type::bool_false); }

Data SortOptions(SortOrder current) {
  Data sorts{Data::type::list};
  for (SortOrder order : kSortOrders) {
    Data option;
    option.set("value", std::string(ApiName(order)));
    option.set("label", std::string(Label(order)));
    option.set("selected", Flag(order == current));
    sorts.push_back(option);
  }
  return sorts;
}

Data Hidden(const Params& params, const std::vector<std::string>& except) {
  Data list{Data::type::list};
  for (const auto& [name, value] : params) {
    if (std::find(except.begin(), except.end(), name) != except.end()) continue;
    Data item;
    item.set("name", name);
    item.set("value", value);
    list.push_back(item);
  }
  return list;
}

}  // namespace tinhgon
