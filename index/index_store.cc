#include "index/index_store.h"

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <fcntl.h>
#include <unistd.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "index/schema.h"

namespace tinhgon {
namespace {

constexpr const char* kStub = schema::kStubFile;
constexpr const char* kLiveLink = schema::kLiveLink;
constexpr std::string_view kGenerationPrefix = schema::kGenerationPrefix;
// A fresh generation's shards before they are compacted into gen-N.
constexpr std::string_view kPartsSuffix = ".parts";

// N for "gen-N" and "gen-N.parts", -1 for anything else.
int GenerationNumber(const std::filesystem::path& path) {
  const std::string filename = path.filename().string();  // a view of the temporary path would dangle
  std::string_view name = filename;
  if (name.substr(0, kGenerationPrefix.size()) != kGenerationPrefix) return -1;
  name.remove_prefix(kGenerationPrefix.size());
  if (name.size() > kPartsSuffix.size() && name.substr(name.size() - kPartsSuffix.size()) == kPartsSuffix) {
    name.remove_suffix(kPartsSuffix.size());
  }
  int number = -1;
  auto [end, error] = std::from_chars(name.data(), name.data() + name.size(), number);
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

// A generation written without syncing reaches the disk here, before the
// stub names it.
void SyncTree(const std::filesystem::path& root) {
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) SyncPath(entry.path(), O_RDONLY);
    if (entry.is_directory()) SyncPath(entry.path(), O_RDONLY | O_DIRECTORY);
  }
  SyncPath(root, O_RDONLY | O_DIRECTORY);
}

std::string ShardName(std::size_t i) { return "shard-" + std::to_string(i); }

// The shard directories a sharded generation's own stub lists, in order;
// empty for a generation that is one database.
std::vector<std::filesystem::path> ShardsOf(const std::filesystem::path& generation) {
  std::vector<std::filesystem::path> shards;
  std::ifstream stub(generation / kStub);
  std::string backend, name;
  while (stub >> backend >> name) {
    if (backend != "auto") throw std::runtime_error(generation.string() + " lists a shard that is not local: " + name);
    shards.push_back(generation / name);
  }
  return shards;
}

void CheckVersion(Xapian::WritableDatabase& db, const std::filesystem::path& dir) {
  std::string version = db.get_metadata(std::string(schema::kVersionKey));
  if (version != schema::kVersion) {
    throw std::runtime_error("the index in " + dir.string() + " has schema version '" + version +
                             "', this tinhgon writes '" + std::string(schema::kVersion) +
                             "': run again with --rebuild");
  }
}

}  // namespace

std::filesystem::path IndexStore::LiveGeneration(const std::filesystem::path& dir) {
  return schema::LiveGeneration(dir);
}

void IndexStore::KeepChangesets(int count) {
  // Glass reads the variable at every commit, so setting it once before the
  // first write covers every writer of this process. 0 writes none.
  ::setenv("XAPIAN_MAX_CHANGESETS", std::to_string(count).c_str(), /*overwrite=*/1);
}

IndexStore::IndexStore(const std::filesystem::path& dir, const StoreOptions& options) : dir_(dir) {
  std::error_code error;
  std::filesystem::create_directories(dir_, error);
  if (error) throw std::runtime_error("cannot create " + dir_.string() + ": " + error.message());
  if (schema::IsReplica(dir_)) {
    throw std::runtime_error(dir_.string() + " is a read replica kept by xapian-replicate: write to its master");
  }
  std::filesystem::path live = LiveGeneration(dir_);
  CheckIsIndex(live);
  try {
    if (!options.rebuild && !live.empty()) {
      OpenLive(live);
    } else {
      CreateFresh(live, options);
    }
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexBusyError("another writer (tinhgon-index or the write API) holds " + dir_.string());
  } catch (const Xapian::Error& e) {
    throw std::runtime_error("cannot open the index in " + dir_.string() + ": " + e.get_description());
  }
}

IndexStore::~IndexStore() = default;

void IndexStore::CheckIsIndex(const std::filesystem::path& live) const {
  if (!live.empty() && !std::filesystem::is_directory(live)) {
    throw std::runtime_error(dir_.string() + " names a missing generation " + live.filename().string());
  }
  if (!live.empty()) return;
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

void IndexStore::OpenLive(const std::filesystem::path& live) {
  generation_ = live;
  std::vector<std::filesystem::path> paths = ShardsOf(live);
  if (paths.empty()) paths.push_back(live);
  for (const std::filesystem::path& path : paths) {
    shards_.push_back(std::make_unique<Xapian::WritableDatabase>(path.string(), Xapian::DB_OPEN));
    CheckVersion(*shards_.back(), dir_);
  }
}

void IndexStore::CreateFresh(const std::filesystem::path& live, const StoreOptions& options) {
  int next = 1;
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    next = std::max(next, GenerationNumber(entry.path()) + 1);
  }
  const std::string name = std::string(kGenerationPrefix) + std::to_string(next);
  generation_ = dir_ / name;
  const std::size_t count = std::max(1u, options.shards);
  // A new index of one database is live from its first commit: readers
  // see every commit. Anything else is fresh until published.
  fresh_ = !(live.empty() && !options.rebuild && count == 1);
  compact_ = fresh_ && count > 1 && options.compact;
  const int flags = Xapian::DB_CREATE | (fresh_ ? Xapian::DB_NO_SYNC | Xapian::DB_DANGEROUS : 0);
  std::vector<std::filesystem::path> paths;
  if (count == 1) {
    paths.push_back(generation_);
  } else {
    parts_ = compact_ ? dir_ / (name + std::string(kPartsSuffix)) : generation_;
    std::filesystem::create_directories(parts_);
    std::ofstream stub(parts_ / kStub);
    for (std::size_t i = 0; i < count; ++i) {
      stub << "auto " << ShardName(i) << "\n";
      paths.push_back(parts_ / ShardName(i));
    }
    if (!stub) throw std::runtime_error("cannot write " + (parts_ / kStub).string());
  }
  for (const std::filesystem::path& path : paths) {
    shards_.push_back(std::make_unique<Xapian::WritableDatabase>(path.string(), flags));
    shards_.back()->set_metadata(std::string(schema::kVersionKey), std::string(schema::kVersion));
    shards_.back()->commit();
  }
  if (!fresh_) WriteStub(name);
}

std::size_t IndexStore::ShardOf(std::string_view id) const {
  // FNV-1a: stable across runs, builds and machines, which std::hash is not
  // required to be, and an update must find the shard a rebuild chose.
  std::uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : id) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return static_cast<std::size_t>(hash % shards_.size());
}

std::filesystem::path IndexStore::CompactShards() {
  Xapian::Database all;
  for (auto& shard : shards_) shard->close();
  for (std::size_t i = 0; i < shards_.size(); ++i) all.add_database(Xapian::Database((parts_ / ShardName(i)).string()));
  shards_.clear();
  all.compact(generation_.string());
  std::error_code ignored;
  std::filesystem::remove_all(parts_, ignored);
  return generation_;
}

void IndexStore::Publish() {
  for (auto& shard : shards_) {
    shard->set_metadata(std::string(schema::kAnalysisKey), std::string(AnalysisFingerprint()));
    shard->commit();
  }
  if (!fresh_) {
    // An index made before the link existed gets it at its next update.
    if (!std::filesystem::is_symlink(dir_ / kLiveLink)) PointLiveLink(generation_.filename().string());
    return;
  }
  if (compact_) {
    CompactShards();
  } else {
    for (auto& shard : shards_) shard->close();  // every write is in; readers take over
    shards_.clear();
  }
  SyncTree(generation_);
  std::filesystem::path previous = LiveGeneration(dir_);
  WriteStub(generation_.filename().string());
  RemoveOldGenerations(previous);
  fresh_ = false;
}

void IndexStore::RemoveOldGenerations(const std::filesystem::path& previous) {
  for (const auto& entry : std::filesystem::directory_iterator(dir_)) {
    int number = GenerationNumber(entry.path());
    if (number < 0 || entry.path() == generation_ || entry.path() == previous) continue;
    std::error_code ignored;
    std::filesystem::remove_all(entry.path(), ignored);
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

}  // namespace tinhgon
