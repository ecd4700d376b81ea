#include "server/index_status.h"

#include <xapian.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "index/schema.h"

namespace tinhgon {

bool IndexStatus::analysis_current() const { return analysis == AnalysisFingerprint(); }

IndexStatus ReadIndexStatus(const std::filesystem::path& dir) {
  IndexStatus status;
  std::filesystem::path live = schema::LiveGeneration(dir);
  if (live.empty()) {
    status.error = dir.string() + " holds no tinhgon index";
    return status;
  }
  try {
    Xapian::Database db(live.string());
    if (db.get_metadata(std::string(schema::kVersionKey)).empty()) {
      // What xapian-replicate opens a new replica with until the first copy
      // arrives: a health check must not let a balancer send searches there.
      status.error = dir.string() + " holds an empty database (a read replica before its first copy)";
      return status;
    }
    status.documents = db.get_doccount();
    status.generation = live.filename().string();
    status.analysis = db.get_metadata(std::string(schema::kAnalysisKey));
    status.readable = true;
  } catch (const Xapian::Error& e) {
    status.error = e.get_description();
  }
  return status;
}

}  // namespace tinhgon
