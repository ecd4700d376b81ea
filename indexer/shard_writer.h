// Writing one shard of an index on a thread of its own.
#pragma once

#include <atomic>
#include <cstddef>
#include <exception>
#include <string>
#include <thread>
#include <unordered_set>

#include <xapian.h>

#include "indexer/bounded_queue.h"

namespace tinhgon {

// Xapian serializes every change to a database, so one writer per shard is
// what lets shards be written in parallel. The writer takes documents in
// order, commits every `batch` of them (a crash loses at most one batch of
// this shard) and once more at the end.
//
// Add and Finish are called by one thread, the writer's thread does the
// rest; `db` belongs to the writer until Finish returns.
class ShardWriter {
 public:
  // `fresh`: the shard started empty and no one else writes it, so a
  // document is added without looking for an old one with its id.
  ShardWriter(Xapian::WritableDatabase& db, std::size_t batch, bool fresh);
  ShardWriter(const ShardWriter&) = delete;
  ShardWriter& operator=(const ShardWriter&) = delete;
  // Finishes if Finish was not called, ignoring any error.
  ~ShardWriter();

  // Hands over the document of report `id`. Waits while the writer is
  // behind; throws what writing failed with (a full disk), once it has.
  void Add(std::string id, Xapian::Document document);
  // Returns once every document is written and committed; throws what
  // writing failed with.
  void Finish();

  std::size_t added() const { return added_; }
  std::size_t updated() const { return updated_; }

 private:
  struct Entry {
    std::string id;
    Xapian::Document document;
  };
  void Run();
  void Write(const Entry& entry);

  Xapian::WritableDatabase& db_;
  const std::size_t batch_;
  const bool fresh_;
  std::unordered_set<std::string> written_;  // fresh shard: ids added so far
  std::size_t added_ = 0, updated_ = 0;
  BoundedQueue<Entry> queue_;
  std::exception_ptr error_;
  std::atomic<bool> failed_{false};
  bool finished_ = false;
  std::thread thread_;  // last: starts once the rest is ready
};

}  // namespace tinhgon
