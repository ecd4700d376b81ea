#include "server/searcher_pool.h"

#include <algorithm>

namespace tinhgon {

SearcherPool::SearcherPool(std::filesystem::path db, std::size_t size)
    : db_(std::move(db)), size_(std::max<std::size_t>(1, size)), tables_(std::make_shared<RevisionTables>()) {
  // Room for every searcher now: giving one back runs in a Lease's
  // destructor, which must not throw.
  idle_.reserve(size_);
}

SearcherPool::~SearcherPool() = default;

SearcherPool::Lease::~Lease() {
  if (searcher_) pool_->Release(std::move(searcher_));
}

SearcherPool::Lease SearcherPool::Acquire() {
  std::unique_lock<std::mutex> lock(mutex_);
  // Nobody queued means no searcher is promised to anyone: take what is free.
  if (waiters_.empty()) {
    if (!idle_.empty()) {
      std::unique_ptr<Searcher> searcher = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(searcher));
    }
    if (created_ < size_) {
      ++created_;
      lock.unlock();
      return Create();
    }
  }
  Waiter me;
  waiters_.push_back(&me);
  me.served_cv.wait(lock, [&] { return me.served; });
  if (me.searcher) return Lease(this, std::move(me.searcher));
  lock.unlock();
  return Create();  // a creation failed and passed its place on to us
}

std::size_t SearcherPool::waiting() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return waiters_.size();
}

// Called with one place counted in created_ for the new searcher.
SearcherPool::Lease SearcherPool::Create() {
  try {
    return Lease(this, std::make_unique<Searcher>(db_, tables_));
  } catch (...) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::unique_ptr<Searcher> none;
    // The place is the first waiter's now, to try again; or free.
    if (!ServeFirstWaiter(&none)) --created_;
    throw;
  }
}

void SearcherPool::Release(std::unique_ptr<Searcher> searcher) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!ServeFirstWaiter(&searcher)) idle_.push_back(std::move(searcher));
}

bool SearcherPool::ServeFirstWaiter(std::unique_ptr<Searcher>* searcher) {
  if (waiters_.empty()) return false;
  Waiter* first = waiters_.front();
  waiters_.pop_front();
  first->searcher = std::move(*searcher);
  first->served = true;
  // Notified under the lock: once it is released, the waiter may return and
  // its condition variable, on its stack, be gone.
  first->served_cv.notify_one();
  return true;
}

}  // namespace tinhgon
