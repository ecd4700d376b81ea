#include "index/index_store.h"

#include <charconv>
#include <fstream>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "index/schema.h"

namespace tinhgon {
namespace {

constexpr const char* kStub = schema::kStubFile;
constexpr const char* kGenerationPrefix = "gen-";
constexpr const char* kLiveLink = schema::kLiveLink;

int GenerationNumber(const std::filesystem::path& path) {
  std::string name = path.filename().string();
  if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
  int number = -1;
  const char* digits = name.data() + 4;
  auto [end, error] = std::from_chars(digits, name.data() + name.size(), number);
  return error == std::errc() && end == name.data() + name.size() ? number : -1;
}

// rename() is atomic, but only durable once the data and the directory entry
// reach the disk.
void SyncPath(const std::filesystem::path& path, int flags) {
  int fd = ::open(path.c_str(), flags);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
}

}  // namespace

std::filesystem::path IndexStore::LiveGeneration(const std::filesystem::path& dir) {
  return schema::LiveGeneration(dir);
}

IndexStore::IndexStore(const std::filesystem::path& dir, bool rebuild) : dir_(dir), rebuild_(rebuild) {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error) throw std::runtime_error("cannot create " + dir_.string() + ": " + error.message());
  std::filesystem::path live = LiveGeneration(dir_);
  if (!live.empty() && !std::filesystem::is_directory(live)) {
    throw std::runtime_error(dir_.string() + " names a missing generation " + live.filename().string());
  }
  if (live.empty()) {
    // Generations without a stub are what an indexer killed during its first
    // run leaves: start over beside them. Anything else is not ours to touch.
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      std::string name = entry.path().filename().string();
      if (GenerationNumber(entry.path()) < 0 && name != std::string(kStub) + ".tmp" &&
          name != std::string(kLiveLink) + ".tmp") {
        throw std::runtime_error(dir_.string() + " exists but is not a tinhgon index (no XAPIANDB stub)");
      }
    }
  }
  try {
    if (!rebuild_ && !live.empty()) {
      generation_ = live;
      db_ = std::make_unique<Xapian::WritableDatabase>(generation_.string(), Xapian::DB_OPEN);
      std::string version = db_->get_metadata(std::string(schema::kVersionKey));
      if (version != schema::kVersion) {
        throw std::runtime_error("the index in " + dir_.string() + " has schema version '" + version +
                                 "', this tinhgon writes '" + std::string(schema::kVersion) +
                                 "': run again with --rebuild");
      }
      return;
    }
    int next = 1;
    for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
      next = std::max(next, GenerationNumber(entry.path()) + 1);
    }
    generation_ = dir_ / (kGenerationPrefix + std::to_string(next));
    db_ = std::make_unique<Xapian::WritableDatabase>(generation_.string(), Xapian::DB_CREATE);
    db_->set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
    db_->commit();
    if (live.empty()) WriteStub(generation_.filename().string());  // a new index is live from the start
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexBusyError("another writer (tinhgon-index or the write API) holds " + dir_.string());
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open the index in " + dir_.string() + ": " + e.get_description());
  }
}

void IndexStore::WriteStub(const std::string& generation_name) {
  std::filesystem::path temporary = dir_ / (std::string(kStub) + ".tmp");
  {
    std::ofstream out(temporary, std::ios::trunc);
    out << "auto " << generation_name << "\n";
    if (!out) throw std::runtime_error("cannot write " + temporary.string());
  }
  SyncPath(temporary, O_RDONLY);
  std::filesystem::rename(temporary, dir_ / kStub);
  PointLiveLink(generation_name);
}

void IndexStore::PointLiveLink(const std::string& generation_name) {
  // The same generation under a name that never changes, for what must name
  // one database rather than a stub: xapian-replicate-server's master path.
  std::filesystem::path link = dir_ / (std::string(kLiveLink) + ".tmp");
  std::filesystem::remove(link);
  std::filesystem::create_directory_symlink(generation_name, link);
  std::filesystem::rename(link, dir_ / kLiveLink);
  SyncPath(dir_, O_RDONLY | O_DIRECTORY);
}

void IndexStore::Publish() {
  db_->set_metadata(std::string(schema::kAnalysisKey), std::string(AnalysisFingerprint()));
  db_->commit();
  if (!rebuild_) {
    // An index made before the link existed gets it at its next update.
    if (!std::filesystem::is_symlink(dir_ / kLiveLink)) PointLiveLink(generation_.filename().string());
    return;
  }
  std::filesystem::path previous = LiveGeneration(dir_);
  WriteStub(generation_.filename().string());
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    int number = GenerationNumber(entry.path());
    if (number < 0 || entry.path() == generation_ || entry.path() == previous) continue;
    std::error_code ignored;
    std::filesystem::remove_all(entry.path(), ignored);
  }
}

}  // namespace tinhgon
