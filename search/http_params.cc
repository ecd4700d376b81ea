#include "search/http_params.h"

#include <charconv>

namespace tinhgon {
namespace {

int ParseInt(const std::string& name, const std::string& value) {
  int number = 0;
  const char* end = value.data() + value.size();
  auto [ptr, error] = std::from_chars(value.data(), end, number);
  if (error != std::errc() || ptr != end) {
    throw SearchError("invalid_" + name, name + " must be a whole number, not '" + value.substr(0, 40) + "'");
  }
  return number;
}

}  // namespace

SearchRequest ParseSearchParams(const std::multimap<std::string, std::string>& params) {
  SearchRequest r;
  for (const auto& [name, value] : params) {
    if (name == "q") r.q = value;
    else if (name == "from") r.from = value;
    else if (name == "to") r.to = value;
    else if (name == "sort") r.sort = value.empty() ? "relevance" : value;
    else if (name == "page") r.page = ParseInt("page", value);
    else if (name == "per_page") r.per_page = ParseInt("per_page", value);
    else if (name == "province" || name == "province_2025" || name == "district" || name == "commune" ||
             name == "agency" || name == "event" || name == "year") {
      if (!value.empty()) r.filters[name].push_back(value);
    }
  }
  return r;
}

}  // namespace tinhgon
