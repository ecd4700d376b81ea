// Single-report changes to an index, as the HTTP write API makes them.
#pragma once

#include <filesystem>
#include <mutex>
#include <string>

#include "corpus/source_report.h"
#include "indexer/document_builder.h"

namespace tinhgon {

enum class WriteOutcome { kAdded, kReplaced, kUnchanged };

// Each call opens the live generation for writing, changes one document and
// commits before it returns, so a running tinhgon-index and the writer never
// hold the index at once: whichever comes second gets IndexBusyError.
// Thread-safe; calls are serialized.
class DocumentWriter {
 public:
  explicit DocumentWriter(std::filesystem::path db);

  // Adds `report`, or replaces the document with its id. Reports written this
  // way carry no source file, so --prune never removes them.
  WriteOutcome Put(SourceReport report);

  // False if no document has `id`.
  bool Delete(const std::string& id);

 private:
  std::filesystem::path db_;
  std::mutex mutex_;
  DocumentBuilder builder_;
};

}  // namespace tinhgon
