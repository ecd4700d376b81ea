// The threads tinhgon-serve runs connections on.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include <httplib.h>

namespace tinhgon {

// One thread per open connection, up to `max_connections`; further
// connections wait until one closes. httplib's own pool has a fixed, small
// number of threads, and a keep-alive connection holds its thread between
// requests, so 64 clients on 8 threads would leave 56 waiting, and a few slow
// clients would starve the rest. Threads are started when needed and kept.
class ConnectionPool : public httplib::TaskQueue {
 public:
  explicit ConnectionPool(std::size_t max_connections);
  ~ConnectionPool() override;

  void enqueue(std::function<void()> connection) override;
  void shutdown() override;

 private:
  void Work();

  const std::size_t max_threads_;
  std::mutex mutex_;
  std::condition_variable work_;
  std::deque<std::function<void()>> waiting_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool shutting_down_ = false;
};

}  // namespace tinhgon
