// A queue between threads that holds at most `capacity` items: producers
// wait when the consumer falls behind, so memory stays flat however large
// the corpus. Thread-safe.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>

namespace tinhgon {

template <typename T>
class BoundedQueue {
 public:
  // `producers`: how many must call ProducerDone before Pop reports the end.
  BoundedQueue(std::size_t capacity, int producers) : capacity_(capacity), producers_(producers) {}

  void Push(T item) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }

  // The next item; empty once every producer is done and the queue drained.
  std::optional<T> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    T item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void SetProducers(int n) {
    std::lock_guard<std::mutex> lock(mutex_);
    producers_ = n;
    if (producers_ == 0) not_empty_.notify_all();
  }

  void ProducerDone() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--producers_ == 0) not_empty_.notify_all();
  }

 private:
  const std::size_t capacity_;
  int producers_;
  std::deque<T> items_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
};

}  // namespace tinhgon
