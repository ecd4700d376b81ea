#include "server/searcher_pool.h"

namespace tinhgon {

SearcherPool::SearcherPool(std::filesystem::path db, std::size_t size)
    : db_(std::move(db)), size_(std::max<std::size_t>(1, size)), tables_(std::make_shared<RevisionTables>()) {}

SearcherPool::~SearcherPool() = default;

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Release(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  returned_.wait(lock, [&] { return !idle_.empty() || created_ < size_; });
  if (!idle_.empty()) {
    std::unique_ptr<Searcher> searcher = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(searcher));
  }
  ++created_;
  lock.unlock();
  try {
    return Lease(this, std::make_unique<Searcher>(db_, tables_));
  } catch (...) {
    std::lock_guard<std::mutex> relock(mutex_);
    --created_;
    returned_.notify_one();
    throw;
  }
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mutex_);
  idle_.push_back(std::move(searcher));
  returned_.notify_one();
}

}  // namespace tinhgon
