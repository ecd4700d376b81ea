// What the peers' latency programs (pg_latency, sphinx_latency) share: the
// mix's words, one connection timed through the mix, and a load level's
// line, so both report exactly as query_latency and wrk do.
#pragma once

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

#include "bench/mix.h"

namespace tinhgon::bench {

using Clock = std::chrono::steady_clock;

inline double MsSince(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// The words of each query of a mix that has any (its filters have no
// counterpart in a peer's index).
inline std::vector<std::vector<std::string>> MixWords(const std::string& path) {
  std::vector<std::vector<std::string>> queries;
  for (const auto& params : ReadMix(path)) {
    auto q = params.find("q");
    if (q == params.end()) continue;
    std::vector<std::string> words = PlainWords(q->second);
    if (!words.empty()) queries.push_back(std::move(words));
  }
  return queries;
}

// One row: `search` run on every query, `runs` times after a warm-up run
// (the caches), p50/p95/p99 and queries/s as medians over the runs.
inline void PrintSingleConnection(const char* name, const std::vector<std::vector<std::string>>& queries, int runs,
                                  const std::function<void(const std::vector<std::string>&)>& search) {
  std::vector<double> p50, p95, p99, qps;
  for (int run = 0; run <= runs; ++run) {
    std::vector<double> ms;
    const auto start = Clock::now();
    for (const auto& words : queries) {
      const auto t = Clock::now();
      search(words);
      ms.push_back(MsSince(t));
    }
    const double total = MsSince(start) / 1000;
    if (run == 0) continue;
    Percentiles f = PercentilesOf(ms);
    p50.push_back(f.p50), p95.push_back(f.p95), p99.push_back(f.p99), qps.push_back(queries.size() / total);
  }
  std::printf("%-34s %9.2f %9.2f %9.2f %9.0f\n", name, Median(p50), Median(p95), Median(p99), Median(qps));
}

inline void PrintSingleConnectionHeader(std::size_t queries, int runs) {
  std::printf("%zu queries, %d runs, medians of each run's figures\n", queries, runs);
  std::printf("%-34s %9s %9s %9s %9s\n", "engine", "p50 ms", "p95 ms", "p99 ms", "q/s");
}

inline void PrintLoadHeader() {
  std::printf("%-12s %10s %10s %10s %8s\n", "connections", "req/s", "p50 ms", "p99 ms", "errors");
}

// One load level's line from each connection's latencies over `seconds`.
inline void PrintLoadLevel(int connections, const std::vector<std::vector<double>>& latencies, int seconds,
                           long errors) {
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  const double rps = static_cast<double>(all.size()) / seconds;
  Percentiles f = PercentilesOf(all);
  std::printf("%-12d %10.1f %10.2f %10.2f %8ld\n", connections, rps, f.p50, f.p99, errors);
}

}  // namespace tinhgon::bench
