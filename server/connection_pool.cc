#include "server/connection_pool.h"

#include <algorithm>

namespace tinhgon {

ConnectionPool::ConnectionPool(std::size_t max_connections) : max_threads_(std::max<std::size_t>(1, max_connections)) {}

ConnectionPool::~ConnectionPool() { shutdown(); }

void ConnectionPool::enqueue(std::function<void()> connection) {
  std::lock_guard<std::mutex> lock(mutex_);
  waiting_.push_back(std::move(connection));
  if (idle_ < waiting_.size() && threads_.size() < max_threads_) threads_.emplace_back(&ConnectionPool::Work, this);
  work_.notify_one();
}

void ConnectionPool::shutdown() {
  std::vector<std::thread> threads;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    shutting_down_ = true;
    threads.swap(threads_);
  }
  work_.notify_all();
  for (std::thread& t : threads) t.join();
}

void ConnectionPool::Work() {
  for (;;) {
    std::function<void()> connection;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++idle_;
      work_.wait(lock, [&] { return !waiting_.empty() || shutting_down_; });
      --idle_;
      // Connections already accepted are still served during shutdown.
      if (waiting_.empty()) return;
      connection = std::move(waiting_.front());
      waiting_.pop_front();
    }
    connection();
  }
}

}  // namespace tinhgon
