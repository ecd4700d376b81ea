#include "server/http_params.h"

#include <charconv>
#include <optional>

#include <unicode/ustring.h>

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

// Percent-decoding can yield any bytes; everything downstream, the JSON echo
// of the query first, needs UTF-8.
const std::string& Utf8(const std::string& name, const std::string& value) {
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = 0;
  u_strFromUTF8(nullptr, 0, &length, value.data(), static_cast<int32_t>(value.size()), &status);
  if (status == U_INVALID_CHAR_FOUND || status == U_ILLEGAL_CHAR_FOUND) {
    throw SearchError("invalid_encoding", "the parameter '" + name + "' is not valid UTF-8 once percent-decoded");
  }
  return value;
}

SortOrder ParseSort(const std::string& value) {
  if (value.empty()) return SortOrder::kRelevance;
  if (std::optional<SortOrder> order = SortOrderNamed(value)) return *order;
  throw SearchError("invalid_sort", "sort must be relevance, date or date_asc");
}

}  // namespace

SearchRequest ParseSearchParams(const std::multimap<std::string, std::string>& params) {
  SearchRequest r;
  for (const auto& [name, value] : params) {
    // Unknown parameters are ignored, so only known ones are checked.
    if (name == "q") r.q = Utf8(name, value);
    else if (name == "from") r.from = Utf8(name, value);
    else if (name == "to") r.to = Utf8(name, value);
    else if (name == "sort") r.sort = ParseSort(Utf8(name, value));
    else if (name == "page") r.page = ParseInt("page", Utf8(name, value));
    else if (name == "per_page") r.per_page = ParseInt("per_page", Utf8(name, value));
    else if (std::optional<Filter> filter = FilterNamed(name)) {
      if (!value.empty()) r.filters[*filter].push_back(Utf8(name, value));
    }
  }
  return r;
}

std::vector<PlaceFilter> ParsePlaces(const std::multimap<std::string, std::string>& params, Searcher& searcher) {
  std::vector<PlaceFilter> places;
  auto range = params.equal_range("place");
  for (auto it = range.first; it != range.second; ++it) {
    const std::string& text = Utf8("place", it->second);
    if (text.find_first_not_of(" \t") == std::string::npos) continue;
    std::size_t colon = text.find(':');
    std::optional<Filter> named = colon == std::string::npos ? std::nullopt : FilterNamed(text.substr(0, colon));
    if (named && *named != Filter::kAgency && *named != Filter::kEvent && *named != Filter::kYear) {
      places.push_back({*named, text.substr(colon + 1)});
    } else if (std::optional<PlaceFilter> resolved = searcher.ResolvePlace(text)) {
      places.push_back(*resolved);
    } else {
      throw SearchError("unknown_place", "no province, district or commune called '" + text.substr(0, 100) + "'",
                        text.substr(0, 100));
    }
  }
  return places;
}

}  // namespace tinhgon
