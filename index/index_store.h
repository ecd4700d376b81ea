// Where an index lives on disk: a directory with a stub naming the live
// generation (see schema.h), opened for writing.
#pragma once

#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>

#include <xapian.h>

namespace tinhgon {

// Another writer (tinhgon-index, or the HTTP write API) holds the index.
struct IndexBusyError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class IndexStore {
 public:
  // Opens the live generation of `dir` for writing, creating the index when
  // `dir` holds none. With `rebuild`, opens a fresh generation beside the
  // live one instead; nothing changes for readers until Publish().
  // Throws IndexBusyError when another writer holds the index, and
  // std::runtime_error with a clear message otherwise (an index of another
  // schema version, a path that is not an index, a write that failed).
  IndexStore(const std::filesystem::path& dir, bool rebuild);

  Xapian::WritableDatabase& db() { return *db_; }
  const std::filesystem::path& generation() const { return generation_; }

  // Makes a rebuilt generation live: commits, then renames a new stub over
  // the old one (atomic), then removes generations older than the previous,
  // which readers that have not reopened yet may still be using.
  void Publish();

  // The directory a stub in `dir` names, for readers; empty if none.
  static std::filesystem::path LiveGeneration(const std::filesystem::path& dir);

 private:
  void WriteStub(const std::string& generation_name);
  void PointLiveLink(const std::string& generation_name);

  std::filesystem::path dir_;
  std::filesystem::path generation_;
  bool rebuild_;
  std::unique_ptr<Xapian::WritableDatabase> db_;
};

}  // namespace tinhgon
