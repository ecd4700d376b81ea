// Searchers shared by the server's connection threads.
#pragma once

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "search/revision_tables.h"
#include "search/searcher.h"

namespace tinhgon {

// A Searcher holds an analyzer, a gazetteer and a database handle (several
// MB), and searching is CPU-bound, so a few of them serve many connections:
// connection threads can be numerous and cheap while memory stays bounded.
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

  // Waits while every searcher is in use. Throws what the Searcher
  // constructor throws if a new one cannot open the index.
  Lease Acquire();

  std::size_t size() const { return size_; }

 private:
  void Release(std::unique_ptr<Searcher> searcher);

  const std::filesystem::path db_;
  const std::size_t size_;
  const std::shared_ptr<RevisionTables> tables_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<Searcher>> idle_;
  std::size_t created_ = 0;
};

}  // namespace tinhgon
