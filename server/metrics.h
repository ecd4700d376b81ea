// Request counts and latencies in the Prometheus text format.
#pragma once

#include <array>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace tinhgon {

// Thread-safe; one per server.
class Metrics {
 public:
  void Record(const std::string& route, int status, double seconds);

  // `documents` and `revision` describe the index as the server sees it now.
  std::string Render(unsigned long long documents, const std::string& revision) const;

 private:
  static constexpr std::array<double, 10> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0};
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, unsigned long long> requests_;
  std::map<std::string, std::array<unsigned long long, kBuckets.size() + 1>> buckets_;  // last: +Inf
  std::map<std::string, double> seconds_;
};

}  // namespace tinhgon
