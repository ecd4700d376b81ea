// The index a Searcher reads: every shard its stub lists (index/shard_list.h)
// opened once, and the one Xapian::Database that combines them.
//
// A combined database has no single revision (Xapian refuses
// get_revision() on it), yet the tables built per revision (facet table,
// suggestions) must never outlive the state they describe. So the handle
// keeps each shard's own Database beside the combination, built from them
// with add_database: they share Xapian's internals, so reopening the
// combination moves every shard's handle too, and the state read from the
// shards is exactly the state the combination searches.
//
// Thread safety: none, as a Xapian::Database: one per Searcher.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

#include "index/shard_list.h"

namespace tinhgon {

class IndexHandle {
 public:
  // Throws IndexUnavailableError when `dir` holds no index, else what
  // Xapian throws when a shard cannot be opened.
  explicit IndexHandle(std::filesystem::path dir);

  const Xapian::Database& db() const { return db_; }
  // Some shard is served by another process (xapian-tcpsrv): value streams
  // and match deciders are out (search/counting.h).
  bool remote() const { return list_.any_remote(); }
  std::size_t shard_count() const { return shards_.size(); }
  // Each shard's uuid, in order: how a posting source, handed one shard of
  // the combination, knows which it is (local_counting.cc).
  std::vector<std::string> shard_uuids() const;

  // Moves to the newest state: every shard's newest commit, or, when a stub
  // was replaced (a rebuild's new generation, shards listed anew), the
  // shards it lists now, opened afresh. True when opened afresh.
  bool Refresh();
  // Every shard opened afresh: after a remote shard's server dropped the
  // connection (xapian-tcpsrv closes idle ones), or restarted.
  void Reopen();

  // Names the state now open, for the tables built per revision: the
  // directory, the stubs read and each shard's state. Two handles on the
  // same state give the same key.
  std::string RevisionKey() const;
  // The schema version the index was written with (index/schema.h), read
  // from its first shard whenever it is opened or moves to a new revision;
  // empty for a read replica before its first copy.
  const std::string& schema_version() const { return schema_version_; }

  // What /metrics shows: "gen-N@REV" for one database, "gen-N@REV,REV..."
  // for shards; a stub listing shards itself has no generation ("shards@...").
  std::string revision() const;

 private:
  void Open(ShardList list);
  void ReadSchemaVersion();
  // A shard's state: its revision; for a remote shard, whose revision
  // Xapian 1.4 does not send, its uuid and counts, which every commit that
  // adds, deletes or resizes a document changes (no facet table is built
  // from a remote shard, only the suggestion tables, which a missed change
  // leaves a little stale, never wrong in counts).
  std::string State(std::size_t shard) const;

  std::filesystem::path dir_;
  ShardList list_;
  std::vector<Xapian::Database> shards_;
  Xapian::Database db_;
  std::string schema_version_;
};

}  // namespace tinhgon
