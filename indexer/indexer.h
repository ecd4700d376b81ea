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
  std::size_t batch = 1000;          // documents per commit
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
