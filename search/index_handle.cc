#include "search/index_handle.h"

#include "index/schema.h"
#include "search/search_request.h"

namespace tinhgon {
namespace {

ShardList ReadOrThrow(const std::filesystem::path& dir) {
  std::string error;
  std::optional<ShardList> list = ReadShardList(dir, &error);
  if (!list) throw IndexUnavailableError(dir.string() + " is not a tinhgon index (" + error + ")");
  return std::move(*list);
}

}  // namespace

IndexHandle::IndexHandle(std::filesystem::path dir) : dir_(std::move(dir)) { Open(ReadOrThrow(dir_)); }

void IndexHandle::Open(ShardList list) {
  std::vector<Xapian::Database> shards;
  Xapian::Database combined;
  for (const Shard& shard : list.shards) {
    shards.push_back(OpenShard(shard));
    combined.add_database(shards.back());
  }
  list_ = std::move(list);
  shards_ = std::move(shards);
  db_ = std::move(combined);
  ReadSchemaVersion();
}

void IndexHandle::ReadSchemaVersion() { schema_version_ = db_.get_metadata(std::string(schema::kVersionKey)); }

bool IndexHandle::Refresh() {
  std::string error;
  std::optional<ShardList> list = ReadShardList(dir_, &error);
  // A stub caught half-written, or removed for a moment: keep what is open.
  if (list && list->stubs != list_.stubs) {
    Open(std::move(*list));
    return true;
  }
  try {
    // A replica's first copy arrives in the database it opened empty.
    if (db_.reopen()) ReadSchemaVersion();
  } catch (const Xapian::DatabaseOpeningError&) {
    // xapian-replicate deletes a replica's previous copy as soon as its stub
    // names the next (tinhgon's rebuild keeps the previous generation): if
    // that happened since the stub was read above, this handle's files are
    // gone, and the stub now names the copy that replaced them.
    Reopen();
    return true;
  }
  return false;
}

void IndexHandle::Reopen() {
  std::optional<ShardList> list = ReadShardList(dir_);
  Open(list ? std::move(*list) : list_);
}

std::string IndexHandle::State(std::size_t shard) const {
  const Xapian::Database& db = shards_[shard];
  if (!list_.shards[shard].remote()) return std::to_string(db.get_revision());
  return db.get_uuid().substr(0, 8) + "/" + std::to_string(db.get_doccount()) + "/" +
         std::to_string(db.get_lastdocid()) + "/" + std::to_string(db.get_total_length());
}

std::vector<std::string> IndexHandle::shard_uuids() const {
  std::vector<std::string> uuids;
  for (const Xapian::Database& shard : shards_) uuids.push_back(shard.get_uuid());
  return uuids;
}

std::string IndexHandle::RevisionKey() const {
  std::string key = dir_.string() + "|" + list_.stubs + "|";
  for (std::size_t i = 0; i < shards_.size(); ++i) key += (i == 0 ? "" : ",") + State(i);
  return key;
}

std::string IndexHandle::revision() const {
  std::string revision = (list_.generation.empty() ? "shards" : list_.generation) + "@";
  for (std::size_t i = 0; i < shards_.size(); ++i) revision += (i == 0 ? "" : ",") + State(i);
  return revision;
}

}  // namespace tinhgon
