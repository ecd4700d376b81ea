#include "server/metrics.h"

#include <sstream>

namespace tinhgon {

void Metrics::Record(const std::string& route, int status, double seconds) {
  std::lock_guard<std::mutex> lock(mutex_);
  ++requests_[{route, status}];
  auto& buckets = buckets_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++buckets[i];
  }
  ++buckets[kBuckets.size()];
  seconds_[route] += seconds;
}

std::string Metrics::Render(unsigned long long documents, const std::string& revision) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::ostringstream out;
  out << "# HELP tinhgon_requests_total HTTP requests answered, by route and status.\n"
         "# TYPE tinhgon_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "tinhgon_requests_total{route=\"" << key.first << "\",status=\"" << key.second << "\"} " << count << "\n";
  }
  out << "# HELP tinhgon_request_duration_seconds Time to answer a request, by route.\n"
         "# TYPE tinhgon_request_duration_seconds histogram\n";
  for (const auto& [route, buckets] : buckets_) {
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      out << "tinhgon_request_duration_seconds_bucket{route=\"" << route << "\",le=\"" << kBuckets[i] << "\"} "
          << buckets[i] << "\n";
    }
    out << "tinhgon_request_duration_seconds_bucket{route=\"" << route << "\",le=\"+Inf\"} " << buckets.back() << "\n";
    out << "tinhgon_request_duration_seconds_sum{route=\"" << route << "\"} " << seconds_.at(route) << "\n";
    out << "tinhgon_request_duration_seconds_count{route=\"" << route << "\"} " << buckets.back() << "\n";
  }
  out << "# HELP tinhgon_documents Documents in the index.\n# TYPE tinhgon_documents gauge\n"
      << "tinhgon_documents " << documents << "\n"
      << "# HELP tinhgon_index_info The index generation and revision being served.\n"
         "# TYPE tinhgon_index_info gauge\n"
      << "tinhgon_index_info{revision=\"" << revision << "\"} 1\n";
  return out.str();
}

}  // namespace tinhgon
