// What /healthz and the server's start say about an index, read without a
// Searcher: a health check must answer while every searcher is busy.
// Thread-safe: each call opens its own read-only handle (about a millisecond;
// a connection to each remote shard).
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

namespace tinhgon {

struct IndexStatus {
  bool readable = false;
  std::string error;             // why not, when !readable
  unsigned long long documents = 0;
  std::string generation;        // "gen-N", "replica_K" on a read replica; empty when the stub lists shards itself
  std::size_t shards = 0;        // the databases searched as one
  std::string analysis;          // the fingerprint of the chain that wrote it; empty when unknown
  std::string schema;            // the schema version it was written with (index/schema.h)
  // The index was written by the chain this program runs.
  bool analysis_current() const;
  // The index was written with the schema this program reads.
  bool schema_current() const;
};

IndexStatus ReadIndexStatus(const std::filesystem::path& dir);

}  // namespace tinhgon
