// Indexing a set of input files into a tinhgon index.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "corpus/source_report.h"

namespace tinhgon {

struct IndexOptions {
  std::filesystem::path db;
  std::vector<std::string> inputs;   // files or directories
  std::vector<std::string> deletes;  // ids to remove
  unsigned jobs = 0;                 // analysis threads; 0 = one per core
  bool rebuild = false;              // build a new generation and swap it in
  bool prune = false;                // remove documents whose file is gone
  // Documents per commit, per shard. Glass holds a batch's changes in
  // memory, where its maps grow with the distinct terms (the syllable pairs
  // make many): smaller batches wrote faster, down to about 250.
  std::size_t batch = 250;
  // Shards a new generation is written in, each by a thread of its own
  // (0: one per core for a rebuild, one for a new index, which is then live
  // from its first commit). An existing generation keeps its own.
  unsigned shards = 0;
  bool compact = true;  // merge a new generation's shards into one database
};

struct IndexProgress {
  std::size_t files_done = 0, files_total = 0;
  std::uint64_t bytes_done = 0, bytes_total = 0;
  double seconds = 0;
};

struct IndexResult {
  std::size_t added = 0, updated = 0, unchanged = 0, removed = 0, failed = 0;
  std::uint64_t bytes = 0;
  double seconds = 0;
  std::vector<ReadError> errors;  // one per failed file or JSONL line, and unknown ids to delete
};

// Indexes `options.inputs` into `options.db`. Ids are stable (see
// CorpusReader), so indexing the same input again changes nothing: unchanged
// reports are recognized by their content hash and skipped before analysis;
// a changed one replaces its old document. JSONL records that disappeared from
// a file that was read are removed. Commits every `batch` documents; a crash
// leaves the last commit intact. Bad input is reported in `errors` and the
// rest is indexed. Throws std::runtime_error only when the index itself
// cannot be opened or written.
IndexResult RunIndex(const IndexOptions& options,
                     const std::function<void(const IndexProgress&)>& on_progress = nullptr);

}  // namespace tinhgon
