// pg_latency: PostgreSQL full-text search on the query mix of
// bench/query_mix, as a peer of query_latency, sphinx_latency and wrk.
//
//   pg_latency --conninfo CONNINFO --mix FILE [--table docs] [--config folded]
//              [--runs 3] [--seconds 30] [--connections 1,16,64]
//
// The table is pg_load's: a title-A/body-B tsvector per configuration with a
// GIN index. The words of each query (the mix's filters have no counterpart
// there) go through websearch_to_tsquery; top 10 by ts_rank.
// 1. One connection, each run through the whole mix: p50/p95/p99 and
//    queries/s for AND, OR, and OR counting every match (count(*) OVER (),
//    what showing a total costs); medians over runs, after a warm-up run.
// 2. Load: N connections, each on its own thread, cycling the OR mix with
//    the count for --seconds (the work /api/search does: ranked top 10 and
//    exact totals): requests/s, p50, p99, errors. At the deadline the
//    statements still running are cancelled, so a level lasts --seconds
//    however slow a query is; those are neither counted nor errors.

#include <atomic>
#include <chrono>
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "bench/peer_timing.h"
#include "bench/postgres.h"

using tinhgon::bench::Clock;
using tinhgon::bench::MsSince;

int main(int argc, char** argv) {
  CLI::App app{"pg_latency: PostgreSQL full-text search on the benchmark query mix"};
  std::string conninfo, mix_file, table = "docs", config = "folded";
  int runs = 3, seconds = 30;
  std::vector<int> connections = {1, 16, 64};
  app.add_option("--conninfo", conninfo, "libpq connection string")->required();
  app.add_option("--mix", mix_file, "Query mix (bench/query_mix)")->required();
  app.add_option("--table", table, "Table loaded by pg_load");
  app.add_option("--config", config, "Text-search configuration (its tsvector column)");
  app.add_option("--runs", runs, "Runs through the mix; medians are reported")->check(CLI::Range(1, 100));
  app.add_option("--seconds", seconds, "Seconds of each load level")->check(CLI::Range(1, 600));
  app.add_option("--connections", connections, "Load levels")->delimiter(',')->check(CLI::Range(1, 90));
  CLI11_PARSE(app, argc, argv);

  const std::vector<std::vector<std::string>> queries = tinhgon::bench::MixWords(mix_file);
  if (queries.empty()) {
    std::fprintf(stderr, "pg_latency: no queries in %s\n", mix_file.c_str());
    return 1;
  }
  using tinhgon::bench::PgQueryText;
  using tinhgon::bench::PgSearchSql;
  try {
    tinhgon::bench::Postgres single(conninfo);
    tinhgon::bench::PrintSingleConnectionHeader(queries.size(), runs);
    for (auto [name, any, count] : {std::make_tuple("postgresql AND", false, false),
                                    std::make_tuple("postgresql OR", true, false),
                                    std::make_tuple("postgresql OR, every match counted", true, true)}) {
      single.Prepare(name, PgSearchSql(table, config, "ts_rank", count));
      tinhgon::bench::PrintSingleConnection(name, queries, runs, [&, name = name, any = any](const auto& words) {
        single.Run(name, {PgQueryText(words, any)});
      });
    }

    std::printf("\nload: OR with every match counted, %d s per level\n", seconds);
    tinhgon::bench::PrintLoadHeader();
    const std::string sql = PgSearchSql(table, config, "ts_rank", true);
    for (int n : connections) {
      std::vector<std::vector<double>> latencies(static_cast<std::size_t>(n));
      std::vector<std::function<void()>> cancellers(static_cast<std::size_t>(n));
      std::mutex cancellers_mutex;
      std::atomic<long> errors{0};
      std::atomic<int> connected{0}, finished{0};
      std::atomic<bool> go{false}, over{false};
      Clock::time_point deadline;
      std::vector<std::thread> threads;
      // Every connection is made before the clock starts, as wrk does.
      for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
          std::unique_ptr<tinhgon::bench::Postgres> c;
          try {
            c = std::make_unique<tinhgon::bench::Postgres>(conninfo);
            c->Prepare("q", sql);
            std::lock_guard<std::mutex> lock(cancellers_mutex);
            cancellers[static_cast<std::size_t>(i)] = c->Canceller();
          } catch (const std::exception&) {
            ++errors;
            c.reset();
          }
          ++connected;
          while (!go) std::this_thread::yield();
          for (std::size_t q = static_cast<std::size_t>(i) * 37 % queries.size(); c && !over;
               q = (q + 1) % queries.size()) {
            const auto t = Clock::now();
            try {
              c->Run("q", {PgQueryText(queries[q], true)});
              if (Clock::now() <= deadline) latencies[static_cast<std::size_t>(i)].push_back(MsSince(t));
            } catch (const std::exception&) {
              if (!over) ++errors;  // a statement cancelled at the deadline is no error
            }
          }
          ++finished;
        });
      }
      while (connected < n) std::this_thread::yield();
      deadline = Clock::now() + std::chrono::seconds(seconds);
      go = true;
      std::this_thread::sleep_until(deadline);
      over = true;
      // Again until every thread is out: one may have started a statement
      // just as the first cancel went out.
      while (finished < n) {
        {
          std::lock_guard<std::mutex> lock(cancellers_mutex);
          for (auto& cancel : cancellers) {
            if (cancel) cancel();
          }
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      for (auto& t : threads) t.join();
      tinhgon::bench::PrintLoadLevel(n, latencies, seconds, errors.load());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "pg_latency: %s\n", e.what());
    return 1;
  }
  return 0;
}
