// The query mix of bench/query_mix as the benchmark programs read it, and the
// percentiles they report.
#pragma once

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <httplib.h>

#include "bench/words.h"

namespace tinhgon::bench {

// One decoded parameter list per line of a mix file (URL query strings).
inline std::vector<httplib::Params> ReadMix(const std::string& path) {
  std::vector<httplib::Params> mix;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    httplib::Params params;
    httplib::detail::parse_query_text(line, params);
    mix.push_back(std::move(params));
  }
  return mix;
}

struct Percentiles {
  double p50 = 0, p95 = 0, p99 = 0;
};

// Of latencies in ms; `ms` is sorted in place.
inline Percentiles PercentilesOf(std::vector<double>& ms) {
  if (ms.empty()) return {};
  std::sort(ms.begin(), ms.end());
  auto at = [&](double p) { return ms[std::min(ms.size() - 1, static_cast<std::size_t>(p * ms.size()))]; };
  return {at(0.50), at(0.95), at(0.99)};
}

inline double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

}  // namespace tinhgon::bench
