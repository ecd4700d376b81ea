// sphinx_latency: Sphinx searchd on the query mix of bench/query_mix, over
// SphinxQL (the MySQL protocol), as a peer of query_latency and wrk.
//
//   sphinx_latency --port PORT --mix FILE [--runs 3] [--seconds 30] [--connections 1,16,64]
//
// 1. One connection, each run through the whole mix: p50/p95/p99 and
//    queries/s for OR, AND, and OR with one FACET (what faceted search
//    costs there); medians over runs.
// 2. Load: N connections, each on its own thread, cycling the OR mix with
//    FACET for --seconds: requests/s, p50, p99, errors, as wrk reports
//    /api/search. The words only: the filters of the mix have no
//    counterpart in the Sphinx index.

#include <atomic>
#include <memory>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <mysql.h>

#include "bench/peer_timing.h"

namespace {

using tinhgon::bench::Clock;
using tinhgon::bench::MsSince;

// A SphinxQL connection; throws on failure to connect.
class Connection {
 public:
  explicit Connection(int port) : mysql_(mysql_init(nullptr)) {
    // Nothing waits forever: a connection searchd drops is an error counted.
    const unsigned int timeout = 10;
    mysql_options(mysql_, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
    mysql_options(mysql_, MYSQL_OPT_READ_TIMEOUT, &timeout);
    mysql_options(mysql_, MYSQL_OPT_WRITE_TIMEOUT, &timeout);
    if (!mysql_real_connect(mysql_, "127.0.0.1", "", "", nullptr, static_cast<unsigned>(port), nullptr, 0)) {
      std::string error = mysql_error(mysql_);
      mysql_close(mysql_);
      throw std::runtime_error("cannot connect to searchd on port " + std::to_string(port) + ": " + error);
    }
  }
  ~Connection() { mysql_close(mysql_); }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` and reads every result set (FACET adds one); false on error.
  bool Run(const std::string& sql) {
    if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return false;
    do {
      if (MYSQL_RES* result = mysql_store_result(mysql_)) mysql_free_result(result);
    } while (mysql_next_result(mysql_) == 0);
    return mysql_errno(mysql_) == 0;
  }

 private:
  MYSQL* mysql_;
};

std::string Statement(const std::vector<std::string>& words, const char* op, bool facet) {
  std::string match;
  for (const std::string& w : words) match += (match.empty() ? "" : op) + w;
  return "SELECT id FROM news WHERE MATCH('" + match + "') LIMIT 10" + (facet ? " FACET size" : "");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"sphinx_latency: Sphinx searchd on the benchmark query mix"};
  int port = 0, runs = 3, seconds = 30;
  std::string mix_file;
  std::vector<int> connections = {1, 16, 64};
  app.add_option("--port", port, "searchd's SphinxQL port on 127.0.0.1")->required();
  app.add_option("--mix", mix_file, "Query mix (bench/query_mix)")->required();
  app.add_option("--runs", runs, "Runs through the mix; medians are reported")->check(CLI::Range(1, 100));
  app.add_option("--seconds", seconds, "Seconds of each load level")->check(CLI::Range(1, 600));
  app.add_option("--connections", connections, "Load levels")->delimiter(',');
  CLI11_PARSE(app, argc, argv);

  const std::vector<std::vector<std::string>> queries = tinhgon::bench::MixWords(mix_file);
  if (queries.empty()) {
    std::fprintf(stderr, "sphinx_latency: no queries in %s\n", mix_file.c_str());
    return 1;
  }
  try {
    Connection single(port);
    tinhgon::bench::PrintSingleConnectionHeader(queries.size(), runs);
    for (auto [name, op, facet] : {std::make_tuple("sphinx OR", " | ", false), std::make_tuple("sphinx AND", " ", false),
                                   std::make_tuple("sphinx OR, FACET", " | ", true)}) {
      tinhgon::bench::PrintSingleConnection(name, queries, runs, [&, op = op, facet = facet](const auto& words) {
        if (!single.Run(Statement(words, op, facet))) throw std::runtime_error("query failed");
      });
    }

    std::printf("\nload: OR with FACET, %d s per level\n", seconds);
    tinhgon::bench::PrintLoadHeader();
    for (int n : connections) {
      std::vector<std::vector<double>> latencies(static_cast<std::size_t>(n));
      std::atomic<long> errors{0};
      std::atomic<int> connected{0};
      std::atomic<bool> go{false};
      Clock::time_point deadline;
      std::vector<std::thread> threads;
      // Every connection is made before the clock starts, as wrk does.
      for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
          std::unique_ptr<Connection> c;
          try {
            c = std::make_unique<Connection>(port);
          } catch (const std::exception&) {
            ++errors;
          }
          ++connected;
          while (!go) std::this_thread::yield();
          for (std::size_t q = static_cast<std::size_t>(i) * 37 % queries.size(); c && Clock::now() < deadline;
               q = (q + 1) % queries.size()) {
            const auto t = Clock::now();
            if (c->Run(Statement(queries[q], " | ", true))) {
              latencies[static_cast<std::size_t>(i)].push_back(MsSince(t));
            } else {
              ++errors;
              try {
                c = std::make_unique<Connection>(port);
              } catch (const std::exception&) {
                c.reset();
              }
            }
          }
        });
      }
      while (connected < n) std::this_thread::yield();
      deadline = Clock::now() + std::chrono::seconds(seconds);
      go = true;
      for (auto& t : threads) t.join();
      tinhgon::bench::PrintLoadLevel(n, latencies, seconds, errors.load());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sphinx_latency: %s\n", e.what());
    return 1;
  }
  return 0;
}
