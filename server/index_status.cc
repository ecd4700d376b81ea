#include "server/index_status.h"

#include <optional>

#include <xapian.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "index/schema.h"
#include "index/shard_list.h"

namespace tinhgon {

bool IndexStatus::analysis_current() const { return analysis == AnalysisFingerprint(); }

bool IndexStatus::schema_current() const { return schema == schema::kVersion; }

IndexStatus ReadIndexStatus(const std::filesystem::path& dir) {
  IndexStatus status;
  std::string why;
  std::optional<ShardList> shards = ReadShardList(dir, &why);
  if (!shards) {
    status.error = dir.string() + " holds no tinhgon index (" + why + ")";
    return status;
  }
  try {
    // Every shard, as the searchers open them (remote ones too): the index
    // is readable only when all of them are. Its metadata is the first
    // shard's, which every shard of one build shares.
    Xapian::Database db(dir.string());
    status.schema = db.get_metadata(std::string(schema::kVersionKey));
    if (status.schema.empty()) {
      // What xapian-replicate opens a new replica with until the first copy
      // arrives: a health check must not let a balancer send searches there.
      status.error = dir.string() + " holds an empty database (a read replica before its first copy)";
      return status;
    }
    status.documents = db.get_doccount();
    status.generation = shards->generation;
    status.shards = shards->shards.size();
    status.analysis = db.get_metadata(std::string(schema::kAnalysisKey));
    status.readable = true;
  } catch (const Xapian::Error& e) {
    status.error = e.get_description();
  }
  return status;
}

}  // namespace tinhgon
