// query_latency: in-process query latency on a query mix (bench/query_mix),
// the tinhgon search library against plain Xapian Enquire, in one run.
//
//   query_latency --db TINHGON_INDEX [--floor FLOOR_INDEX] --mix FILE [--runs 3]
//
// tinhgon: Searcher::Search as the API calls it (top 10, facets on, exact
// counts, snippets), and the same without facets, which shows what exact
// counts cost. Plain Xapian on the floor index (TermGenerator terms,
// QueryParser, no stemming), top 10: OR, AND, and OR counting every match
// (what exact facet counts need). Each run goes through the whole mix once;
// the figures are the medians over runs of each run's percentiles.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <xapian.h>

#include "search/http_params.h"
#include "search/searcher.h"

namespace {

struct Figures {
  double p50 = 0, p95 = 0, p99 = 0, qps = 0;
};

Figures Measure(const std::vector<std::function<void()>>& queries) {
  std::vector<double> ms;
  auto start = std::chrono::steady_clock::now();
  for (const auto& q : queries) {
    auto t = std::chrono::steady_clock::now();
    q();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
  }
  double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
  return {at(0.50), at(0.95), at(0.99), queries.size() / total};
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"query_latency: in-process query latency, tinhgon against plain Xapian"};
  std::string db, floor, mix;
  int runs = 3;
  app.add_option("--db", db, "tinhgon index")->required();
  app.add_option("--floor", floor, "Index built by xapian_floor (optional)");
  app.add_option("--mix", mix, "Query mix: URL query strings, one per line")->required();
  std::string only;
  app.add_option("--only", only, "Measure only the engines whose name contains this (for profiling one)");
  app.add_option("--runs", runs, "Runs through the mix; medians are reported")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  std::vector<tinhgon::SearchRequest> requests;
  std::ifstream in(mix);
  for (std::string line; std::getline(in, line);) {
    httplib::Params params;
    httplib::detail::parse_query_text(line, params);
    requests.push_back(tinhgon::ParseSearchParams({params.begin(), params.end()}));
  }
  if (requests.empty()) {
    std::fprintf(stderr, "query_latency: no queries in %s\n", mix.c_str());
    return 1;
  }

  std::map<std::string, std::vector<std::function<void()>>> engines;
  tinhgon::Searcher searcher(db);
  for (const auto& r : requests) {
    engines["tinhgon (facets, top 10)"].push_back([&searcher, r] { searcher.Search(r); });
    tinhgon::SearchRequest without_facets = r;
    without_facets.facets = false;
    engines["tinhgon (no facets, top 10)"].push_back([&searcher, without_facets] { searcher.Search(without_facets); });
  }
  std::unique_ptr<Xapian::Database> floor_db;
  if (!floor.empty()) {
    floor_db = std::make_unique<Xapian::Database>(floor);
    for (const auto& r : requests) {
      for (auto [name, op, all] : {std::make_tuple("xapian OR", Xapian::Query::OP_OR, false),
                                   std::make_tuple("xapian AND", Xapian::Query::OP_AND, false),
                                   std::make_tuple("xapian OR, every match counted", Xapian::Query::OP_OR, true)}) {
        engines[name].push_back([&floor_db, q = r.q, op = op, all = all] {
          Xapian::QueryParser parser;
          parser.set_database(*floor_db);
          parser.set_default_op(op);
          Xapian::Enquire enquire(*floor_db);
          enquire.set_query(parser.parse_query(q));
          enquire.get_mset(0, 10, all ? floor_db->get_doccount() : 0);
        });
      }
    }
  }

  std::printf("%zu queries, %d runs, medians of each run's figures\n", requests.size(), runs);
  std::printf("%-34s %9s %9s %9s %9s\n", "engine", "p50 ms", "p95 ms", "p99 ms", "q/s");
  for (const auto& [name, queries] : engines) {
    if (name.find(only) == std::string::npos) continue;
    Measure(queries);  // warm the caches once
    std::vector<double> p50, p95, p99, qps;
    for (int run = 0; run < runs; ++run) {
      Figures f = Measure(queries);
      p50.push_back(f.p50), p95.push_back(f.p95), p99.push_back(f.p99), qps.push_back(f.qps);
    }
    std::printf("%-34s %9.2f %9.2f %9.2f %9.0f\n", name.c_str(), Median(p50), Median(p95), Median(p99), Median(qps));
  }
  return 0;
}
