// The query mix of bench/query_mix as the benchmark programs read it, and the
// percentiles they report.
#pragma once

#include <algorithm>
#include <fstream>
#include <string>
#include <vector>

#include <httplib.h>

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

// The words of a query as a peer engine is given them: letters and digits
// only (engines' query syntaxes differ; the words are what is compared).
inline std::vector<std::string> PlainWords(const std::string& q) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : q) {
    const bool part = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (part) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
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
