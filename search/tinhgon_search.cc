// tinhgon-search: search an index from the command line.
//
//   tinhgon-search --db DIR [--province X] [--province-2025 X] [--district X]
//                  [--commune X] [--commune-2025 X] [--agency X] [--event X] [--year Y]
//                  [--from D] [--to D] [--sort S] [--page N] [--per-page N] [--json] QUERY...
//
// A readable list by default; with --json, exactly what GET /api/search returns.
// Exit codes: 0 results or none; 1 the index cannot be read; 2 a bad request.

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "search/searcher.h"

namespace {

using nlohmann::ordered_json;

std::string Text(const ordered_json& v) { return v.is_string() ? v.get<std::string>() : std::string(); }

// "Bến Nghé, Hồ Chí Minh → 2025: Sài Gòn": a place, and for a unit of the
// old system the 2025 commune(s) holding it now, which is what a reader of
// today knows it by.
std::string Place(const ordered_json& l) {
  if (Text(l["system"]) == "2025") return Text(l["name"]) + " (2025), " + Text(l["province_2025_name"]);
  std::string place = Text(l["name"]) + ", " + Text(l["province_name"]);
  const ordered_json& now = l["commune_2025_name"];
  if (!now.is_array() || now.empty()) return place;
  place += " → 2025: ";
  for (std::size_t i = 0; i < now.size(); ++i) place += (i > 0 ? ", " : "") + Text(now[i]);
  return place;
}

void PrintList(const nlohmann::ordered_json& response) {
  std::printf("%s results", response["total"].dump().c_str());
  if (!response["results"].empty()) {
    std::printf(" (page %d, %zu shown)", response["page"].get<int>(), response["results"].size());
  }
  std::printf("\n");
  if (!response["searched_for"].is_null()) {
    std::printf("searched for: %s\n", response["searched_for"].get<std::string>().c_str());
  }
  const auto& relaxed = response["relaxed"];
  if (relaxed.is_object()) {
    for (const auto& word : relaxed["dropped"]) std::printf("no report holds: %s\n", word.get<std::string>().c_str());
    std::printf("relaxed: reports holding at least %d of %d words\n", relaxed["required"].get<int>(),
                relaxed["of"].get<int>());
  }
  if (!response["suggestion"].is_null()) {
    std::printf("did you mean: %s\n", response["suggestion"].get<std::string>().c_str());
  }
  for (const auto& warning : response["warnings"]) std::printf("note: %s\n", warning.get<std::string>().c_str());
  int n = (response["page"].get<int>() - 1) * response["per_page"].get<int>();
  for (const auto& hit : response["results"]) {
    std::string date = hit["date"].is_null() ? "no date" : hit["date"].get<std::string>();
    std::string place;
    if (hit["locality"].is_object()) place = " · " + Place(hit["locality"]);
    std::printf("\n%d. %s\n   %s%s · %s\n   %s\n", ++n, hit["title"].get<std::string>().c_str(), date.c_str(),
                place.c_str(), hit["id"].get<std::string>().c_str(),
                hit["snippet"]["text"].get<std::string>().c_str());
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
  for (const auto& [flag, name] : std::vector<std::pair<std::string, std::string>>{
           {"--province", "province"}, {"--province-2025", "province_2025"}, {"--district", "district"},
           {"--commune", "commune"},   {"--commune-2025", "commune_2025"},   {"--agency", "agency"},
           {"--event", "event"},       {"--year", "year"}}) {
    // One value per occurrence, so the query's words are not taken as values.
    app.add_option(flag, request.filters[name], "Filter by " + name + " (name or code; repeat for OR)")
        ->expected(1)
        ->allow_extra_args(false)
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  }
  app.add_option("--from", request.from, "Published on or after YYYY-MM-DD");
  app.add_option("--to", request.to, "Published on or before YYYY-MM-DD");
  app.add_option("--sort", request.sort, "relevance (default), date or date_asc");
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
    nlohmann::ordered_json response = searcher.Search(request);
    if (json) std::cout << response.dump(2) << '\n';
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
