// Where an index lives on disk: a directory with a stub naming the live
// generation (see schema.h), opened for writing.
//
// A generation is one Xapian database, or K shards (`shard-0` … inside the
// generation's directory, listed by a stub of its own there), which readers
// open through the two stubs as one database. Each report lives in the shard
// its id hashes to (ShardOf), so a later update or delete finds it without
// asking every shard.
//
// Not thread-safe: one thread opens and publishes; each shard's
// WritableDatabase may then be used by one thread of its own.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace tinhgon {

// Another writer (tinhgon-index, or the HTTP write API) holds the index.
struct IndexBusyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct StoreOptions {
  // Build a fresh generation beside the live one; nothing changes for
  // readers until Publish().
  bool rebuild = false;
  // Shards of a fresh generation (an existing one keeps the shards it has).
  // More than one makes even a new index a fresh generation, published whole.
  unsigned shards = 1;
  // Merge the shards of a fresh generation into one database when it is
  // published (Xapian's compaction): half the size, and one database is what
  // replication serves. Without it the generation stays K shards.
  bool compact = true;
};

class IndexStore {
 public:
  // Opens the live generation of `dir` for writing, creating the index when
  // `dir` holds none, or a fresh generation as `options` says.
  // Throws IndexBusyError when another writer holds the index, and
  // std::runtime_error with a clear message otherwise (an index of another
  // schema version, a path that is not an index, a read replica, a write
  // that failed).
  IndexStore(const std::filesystem::path& dir, const StoreOptions& options);
  IndexStore(const std::filesystem::path& dir, bool rebuild) : IndexStore(dir, StoreOptions{rebuild}) {}
  ~IndexStore();

  std::size_t shard_count() const { return shards_.size(); }
  Xapian::WritableDatabase& shard(std::size_t i) { return *shards_[i]; }
  // The shard that holds (or will hold) the report `id`.
  std::size_t ShardOf(std::string_view id) const;
  Xapian::WritableDatabase& ShardFor(std::string_view id) { return shard(ShardOf(id)); }

  // A generation no reader sees yet: it is written without syncing and in
  // place (Xapian's DB_NO_SYNC | DB_DANGEROUS), since a crash only loses a
  // generation that was never live, and it starts empty, so a document can be
  // added without looking for an old one.
  bool fresh() const { return fresh_; }
  // The directory readers open to see what this store writes, committed.
  const std::filesystem::path& generation() const { return generation_; }
  // Index metadata, as the first shard holds it (every shard holds the same).
  std::string metadata(const std::string& key) const { return shards_.front()->get_metadata(key); }

  // Records the analysis fingerprint and commits every shard. A fresh
  // generation is then compacted (unless kept as shards), synced, and made
  // live: a new stub renamed over the old one (atomic), and generations
  // older than the previous one, which readers that have not reopened yet
  // may still be using, removed.
  void Publish();

  // Makes every later commit of this process write a changeset and keep the
  // last `count`, from which xapian-replicate-server sends read replicas
  // only what changed (without them, a replica gets a full copy each time).
  // Call before any thread starts: it sets an environment variable.
  static void KeepChangesets(int count);

  // The directory a stub in `dir` names, for readers; empty if none.
  static std::filesystem::path LiveGeneration(const std::filesystem::path& dir);

 private:
  void CheckIsIndex(const std::filesystem::path& live) const;
  void OpenLive(const std::filesystem::path& live);
  void CreateFresh(const std::filesystem::path& live, const StoreOptions& options);
  std::filesystem::path CompactShards();
  void WriteStub(const std::string& generation_name);
  void PointLiveLink(const std::string& generation_name);
  void RemoveOldGenerations(const std::filesystem::path& previous);

  std::filesystem::path dir_;
  std::filesystem::path generation_;  // what Publish makes live
  std::filesystem::path parts_;       // a fresh generation's shards, when they are compacted
  bool fresh_ = false;
  bool compact_ = false;
  std::vector<std::unique_ptr<Xapian::WritableDatabase>> shards_;
};

}  // namespace tinhgon
