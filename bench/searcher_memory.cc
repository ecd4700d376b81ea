// searcher_memory: what a Searcher costs to build and to keep, the figure
// the server's pool (server/searcher_pool.h) multiplies by --searchers.
//
//   searcher_memory INDEX [--searchers 2,16] [--query "hợp nhất"]
//
// Builds searchers one after another in this process, each running one
// search so that what a searcher builds lazily exists too, and prints the
// process's resident memory (VmRSS, /proc/self/status) after each count
// asked for, with the construction times so far. Counts are cumulative:
// "2,16" reads memory after the 2nd and after the 16th searcher of one run,
// so both figures share the same libraries, index and per-revision tables.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <exception>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "search/searcher.h"

namespace {

// Resident memory in MB, or -1 where /proc is missing.
double ResidentMb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmRSS:") {
      double kb = 0;
      status >> kb;
      return kb / 1024.0;
    }
    status.ignore(1 << 16, '\n');
  }
  return -1;
}

double Median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::nth_element(values.begin(), values.begin() + values.size() / 2, values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Searcher construction time and resident memory, by number of searchers"};
  std::string db;
  std::vector<std::size_t> counts = {2, 16};
  std::string query = "hợp nhất";
  app.add_option("index", db, "tinhgon index")->required();
  app.add_option("--searchers", counts, "Counts to report at, cumulative (default 2,16)")->delimiter(',');
  app.add_option("--query", query, "The search each new searcher runs once");
  CLI11_PARSE(app, argc, argv);
  std::sort(counts.begin(), counts.end());

  std::printf("%-10s %10s %12s %14s\n", "searchers", "rss_mb", "first_ms", "median_ms");
  std::printf("%-10d %10.1f %12s %14s\n", 0, ResidentMb(), "-", "-");
  std::vector<std::unique_ptr<tinhgon::Searcher>> searchers;
  std::vector<double> construct_ms;
  tinhgon::SearchRequest request;
  request.q = query;
  for (std::size_t target : counts) {
    while (searchers.size() < target) {
      auto start = std::chrono::steady_clock::now();
      try {
        searchers.push_back(std::make_unique<tinhgon::Searcher>(db));
        construct_ms.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
        searchers.back()->Search(request);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "searcher_memory: %s\n", e.what());
        return 1;
      }
    }
    // The first construction may build what the rest share; the median is
    // what one more searcher costs.
    std::vector<double> rest(construct_ms.begin() + 1, construct_ms.end());
    std::printf("%-10zu %10.1f %12.1f %14.2f\n", target, ResidentMb(), construct_ms.front(),
                rest.empty() ? construct_ms.front() : Median(rest));
  }
  return 0;
}
