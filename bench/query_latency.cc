// query_latency: in-process query latency on a query mix (bench/query_mix),
// the tinhgon search library against plain Xapian Enquire, in one run.
//
//   query_latency --db TINHGON_INDEX [--also LAYOUT...] [--floor FLOOR_INDEX] [--omega CGI --omega-config FILE]
//                 --mix FILE [--runs 3]
//
// tinhgon: Searcher::Search as the API calls it (top 10, facets on, exact
// counts, snippets), and the same without facets, which shows what exact
// counts cost. Plain Xapian on the floor index (TermGenerator terms,
// QueryParser, no stemming), top 10: OR, AND, and OR counting every match
// (what exact facet counts need). With --omega, Xapian Omega's CGI on the
// omindex database, started once per query as a web server would (the
// words only: the mix's filters mean nothing there). Each run goes through
// the whole mix once; the figures are the medians over runs of each run's
// percentiles.
//
// With --also, the same documents in other layouts (a sharded generation, a
// stub listing shards served by xapian-tcpsrv: docs/REMOTE.md) are measured
// the same way, after checking that every query of the mix gets the same
// total, facet counts and first page there as from --db.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <xapian.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include "bench/mix.h"
#include "search/response_json.h"
#include "server/http_params.h"
#include "search/searcher.h"

namespace {

using tinhgon::bench::Median;

struct Figures {
  tinhgon::bench::Percentiles at;
  double qps = 0;
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
  return {tinhgon::bench::PercentilesOf(ms), queries.size() / total};
}

// Runs a CGI program once, as a web server does for a GET request, its
// output discarded; throws if it cannot start or fails.
void RunCgi(const std::string& program, const std::string& query_string, const std::string& config) {
  std::string method = "REQUEST_METHOD=GET", query = "QUERY_STRING=" + query_string, conf = "OMEGA_CONFIG_FILE=" + config;
  char* env[] = {method.data(), query.data(), conf.data(), nullptr};
  char* args[] = {const_cast<char*>(program.c_str()), nullptr};
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid;
  int error = posix_spawn(&pid, program.c_str(), &actions, nullptr, args, env);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + program);
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) throw std::runtime_error(program + " failed");
}

std::string Escaped(const std::string& s) { return httplib::detail::encode_query_param(s); }

// What a layout must answer as --db does: the total, the facets, the ids of
// the first page (scores may differ in their last bits, with the order of
// addition, so they are left out).
nlohmann::ordered_json Comparable(tinhgon::Searcher& searcher, const tinhgon::SearchRequest& r) {
  tinhgon::SearchResponse response = searcher.Search(r);
  nlohmann::ordered_json ids = nlohmann::ordered_json::array();
  for (const tinhgon::Hit& hit : response.results) ids.push_back(hit.report.id);
  return {{"total", response.total}, {"facets", tinhgon::ToJson(response.facets)}, {"ids", ids}};
}

// Prints how many queries `layout` answers as `reference` does; false if
// any differs.
bool SameAnswers(tinhgon::Searcher& reference, tinhgon::Searcher& layout, const std::string& name,
                 const std::vector<tinhgon::SearchRequest>& requests) {
  std::size_t totals = 0, facets = 0, pages = 0;
  for (const auto& r : requests) {
    const nlohmann::ordered_json want = Comparable(reference, r), got = Comparable(layout, r);
    totals += got["total"] == want["total"];
    facets += got["facets"] == want["facets"];
    pages += got["ids"] == want["ids"];
  }
  std::printf("%s: of %zu queries, the same total %zu, facet counts %zu, first page %zu\n", name.c_str(),
              requests.size(), totals, facets, pages);
  return totals == requests.size() && facets == requests.size();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"query_latency: in-process query latency, tinhgon against plain Xapian"};
  std::string db, floor, mix, omega, omega_config;
  int runs = 3;
  app.add_option("--db", db, "tinhgon index")->required();
  std::vector<std::string> also;
  app.add_option("--also", also, "The same documents in other layouts (shards, remote shards), measured too");
  app.add_option("--floor", floor, "Index built by xapian_floor (optional)");
  app.add_option("--omega", omega, "Omega's CGI program (optional)");
  app.add_option("--omega-config", omega_config, "Omega configuration whose database_dir holds the omindex database 'omega'");
  app.add_option("--mix", mix, "Query mix: URL query strings, one per line")->required();
  std::string only;
  app.add_option("--only", only, "Measure only the engines whose name contains this (for profiling one)");
  app.add_option("--runs", runs, "Runs through the mix; medians are reported")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  std::vector<tinhgon::SearchRequest> requests;
  for (const httplib::Params& params : tinhgon::bench::ReadMix(mix)) {
    requests.push_back(tinhgon::ParseSearchParams({params.begin(), params.end()}));
  }
  if (requests.empty()) {
    std::fprintf(stderr, "query_latency: no queries in %s\n", mix.c_str());
    return 1;
  }

  std::map<std::string, std::vector<std::function<void()>>> engines;
  std::vector<std::unique_ptr<tinhgon::Searcher>> searchers;
  for (const std::string& layout : also) {
    if (searchers.empty()) searchers.push_back(std::make_unique<tinhgon::Searcher>(db));
    searchers.push_back(std::make_unique<tinhgon::Searcher>(layout));
    if (!SameAnswers(*searchers.front(), *searchers.back(), layout, requests)) return 1;
  }
  if (searchers.empty()) searchers.push_back(std::make_unique<tinhgon::Searcher>(db));
  for (std::size_t i = 0; i < searchers.size(); ++i) {
    tinhgon::Searcher& searcher = *searchers[i];
    const std::string on = i == 0 ? "" : " on " + also[i - 1];
    for (const auto& r : requests) {
      engines["tinhgon (facets, top 10)" + on].push_back([&searcher, r] { searcher.Search(r); });
      tinhgon::SearchRequest without_facets = r;
      without_facets.facets = false;
      engines["tinhgon (no facets, top 10)" + on].push_back(
          [&searcher, without_facets] { searcher.Search(without_facets); });
    }
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

  if (!omega.empty()) {
    for (const auto& r : requests) {
      std::string words;
      for (const std::string& w : tinhgon::bench::PlainWords(r.q)) words += (words.empty() ? "" : " ") + w;
      std::string query_string = "DB=omega&DEFAULTOP=or&HITSPERPAGE=10&P=" + Escaped(words);
      engines["omega CGI, OR (process per query)"].push_back(
          [&omega, &omega_config, query_string] { RunCgi(omega, query_string, omega_config); });
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
      p50.push_back(f.at.p50), p95.push_back(f.at.p95), p99.push_back(f.at.p99), qps.push_back(f.qps);
    }
    std::printf("%-34s %9.2f %9.2f %9.2f %9.0f\n", name.c_str(), Median(p50), Median(p95), Median(p99), Median(qps));
  }
  return 0;
}
