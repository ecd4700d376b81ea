// Searchers shared by the server's connection threads.
//
// Thread safety: a SearcherPool is thread-safe; Acquire, waiting and size may
// be called from any thread at once. A Lease belongs to the thread that
// holds it, and the pool must outlive every Lease and every call.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "search/revision_tables.h"
#include "search/searcher.h"

namespace tinhgon {

// A Searcher holds a database handle and per-Searcher tables (the process's
// analysis tables are shared: search/analysis_tables.h), and searching is
// CPU-bound, so a few of them serve many connections: connection threads can
// be numerous and cheap while memory stays bounded.
//
// First come, first served: when every searcher is in use, callers queue, and
// a returned searcher goes straight to the one that has waited longest. With
// a plain condition variable, a caller arriving just as a searcher came back
// could take it before the waiter that was woken for it, and a waiter could
// lose that race any number of times.
class SearcherPool {
 public:
  // Searchers are created on first need, at most `size` of them.
  SearcherPool(std::filesystem::path db, std::size_t size);
  ~SearcherPool();

  class Lease {
   public:
    Lease(Lease&& other) noexcept : pool_(other.pool_), searcher_(std::move(other.searcher_)) {}
    ~Lease();
    Searcher& operator*() { return *searcher_; }
    Searcher* operator->() { return searcher_.get(); }

   private:
    friend class SearcherPool;
    Lease(SearcherPool* pool, std::unique_ptr<Searcher> searcher) : pool_(pool), searcher_(std::move(searcher)) {}
    SearcherPool* pool_;
    std::unique_ptr<Searcher> searcher_;
  };

  // Waits, behind those already waiting, while every searcher is in use.
  // Throws what the Searcher constructor throws if a new one cannot open
  // the index.
  Lease Acquire();

  std::size_t size() const { return size_; }

  // Callers waiting in Acquire now.
  std::size_t waiting() const;

 private:
  // A caller queued in Acquire. It lives on that caller's stack; whoever
  // serves it fills it in under the pool's lock and wakes it alone.
  struct Waiter {
    std::condition_variable served_cv;
    bool served = false;
    std::unique_ptr<Searcher> searcher;  // handed over; empty: create one in the freed place
  };

  void Release(std::unique_ptr<Searcher> searcher);
  Lease Create();
  // Serves the longest waiter, if any, with `searcher` (or the place of a
  // searcher that could not be created, when empty); false when none waits.
  bool ServeFirstWaiter(std::unique_ptr<Searcher>* searcher);

  const std::filesystem::path db_;
  const std::size_t size_;
  const std::shared_ptr<RevisionTables> tables_;
  mutable std::mutex mutex_;
  std::deque<Waiter*> waiters_;  // longest waiting first
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::size_t created_ = 0;  // searchers made or being made, idle or leased
};

}  // namespace tinhgon
