// tinhgon-search: search an index from the command line.
//
//   tinhgon-search --db DIR [--province X] [--province-2025 X] [--district X]
//                  [--commune X] [--commune-2025 X] [--agency X] [--event X] [--year Y]
//                  [--from D] [--to D] [--sort S] [--page N] [--per-page N] [--json] QUERY...
//
// A readable list by default; with --json, exactly what GET /api/search returns.
// Exit codes: 0 results or none; 1 the index cannot be read; 2 a bad request.

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <string>
#include <map>
#include <vector>

#include <CLI/CLI.hpp>

#include "search/response_json.h"
#include "search/searcher.h"

namespace {

using tinhgon::SearchResponse;
using tinhgon::StoredPlace;

// "Bến Nghé, Hồ Chí Minh → 2025: Sài Gòn": a place, and for a unit of the
// old system the 2025 commune(s) holding it now, which is what a reader of
// today knows it by. A province is named once.
std::string Place(const StoredPlace& l) {
  if (l.system == "2025") return l.name + " (2025), " + l.province_2025_name.value_or("");
  std::string place = l.name;
  if (l.level != "province" && l.province_name) place += ", " + *l.province_name;
  if (l.commune_2025_names.empty()) return place;
  place += " → 2025: ";
  for (std::size_t i = 0; i < l.commune_2025_names.size(); ++i) place += (i > 0 ? ", " : "") + l.commune_2025_names[i];
  return place;
}

void PrintNotes(const SearchResponse& response) {
  if (response.searched_for) std::printf("searched for: %s\n", response.searched_for->c_str());
  if (response.relaxed) {
    for (const std::string& word : response.relaxed->dropped) std::printf("no report holds: %s\n", word.c_str());
    std::printf("relaxed: reports holding at least %zu of %zu words\n", response.relaxed->required,
                response.relaxed->of);
  }
  if (response.suggestion) std::printf("did you mean: %s\n", response.suggestion->c_str());
  for (const tinhgon::Warning& w : response.warnings) std::printf("note: %s\n", tinhgon::EnglishText(w).c_str());
}

void PrintList(const SearchResponse& response) {
  std::printf("%zu results", response.total);
  if (!response.results.empty()) std::printf(" (page %d, %zu shown)", response.page, response.results.size());
  std::printf("\n");
  PrintNotes(response);
  int n = (response.page - 1) * response.per_page;
  for (const tinhgon::Hit& hit : response.results) {
    const tinhgon::StoredReport& r = hit.report;
    std::string place = r.locality ? " · " + Place(*r.locality) : "";
    std::printf("\n%d. %s\n   %s%s · %s\n   %s\n", ++n, r.title.value_or(r.id).c_str(),
                r.date.value_or("no date").c_str(), place.c_str(), r.id.c_str(), hit.snippet.text.c_str());
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tinhgon-search: search a tinhgon index"};
  std::string db;
  std::vector<std::string> words;
  tinhgon::SearchRequest request;
  bool json = false;
  app.add_option("--db", db, "Index directory")->required();
  for (tinhgon::Filter filter : tinhgon::kFilters) {
    std::string name(tinhgon::ApiName(filter));
    std::string flag = "--" + name;
    std::replace(flag.begin(), flag.end(), '_', '-');  // --province-2025
    // One value per occurrence, so the query's words are not taken as values.
    app.add_option(flag, request.filters[filter], "Filter by " + name + " (name or code; repeat for OR)")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  app.add_option("--from", request.from, "Published on or after YYYY-MM-DD");
  app.add_option("--to", request.to, "Published on or before YYYY-MM-DD");
  std::map<std::string, tinhgon::SortOrder> sorts;
  for (tinhgon::SortOrder order : tinhgon::kSortOrders) sorts[std::string(tinhgon::ApiName(order))] = order;
  app.add_option("--sort", request.sort, "relevance (default), date or date_asc")
      ->transform(CLI::CheckedTransformer(sorts));
  app.add_option("--page", request.page, "Page number (from 1)");
  app.add_option("--per-page", request.per_page, "Results per page (at most 100)");
  app.add_flag("--json", json, "Print the JSON the HTTP API returns");
  app.add_option("query", words, "Query: words, \"phrases\", AND/OR/NOT, -word, tinh:…, coquan:…");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return e.get_exit_code() == 0 ? 0 : 2;
  }
  for (const std::string& w : words) request.q += (request.q.empty() ? "" : " ") + w;
  try {
    tinhgon::Searcher searcher(db);
    SearchResponse response = searcher.Search(request);
    if (json) std::cout << tinhgon::ToJson(response).dump(2) << '\n';
    else PrintList(response);
  } catch (const tinhgon::SearchError& e) {
    std::fprintf(stderr, "tinhgon-search: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tinhgon-search: %s\n", e.what());
    return 1;
  }
  return 0;
}
