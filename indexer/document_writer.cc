#include "indexer/document_writer.h"

#include <xapian.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "index/index_store.h"
#include "index/schema.h"

namespace tinhgon {

DocumentWriter::DocumentWriter(std::filesystem::path db) : db_(std::move(db)) {}

WriteOutcome DocumentWriter::Put(SourceReport report) {
  report.source.clear();
  const std::string hash = DocumentBuilder::ContentHash(report);
  const std::string id_term = schema::IdTerm(report.id);
  std::lock_guard<std::mutex> lock(mutex_);
  // Analysis comes before the lock on the index: it is the slow part.
  Xapian::Document doc = builder_.Build(report, hash);
  IndexStore store(db_, /*rebuild=*/false);
  Xapian::WritableDatabase& db = store.ShardFor(report.id);
  WriteOutcome outcome = WriteOutcome::kAdded;
  Xapian::PostingIterator it = db.postlist_begin(id_term);
  if (it != db.postlist_end(id_term)) {
    const bool same_chain = db.get_metadata(std::string(schema::kAnalysisKey)) == AnalysisFingerprint();
    if (same_chain && db.get_document(*it).get_value(schema::kContentHashSlot) == hash) return WriteOutcome::kUnchanged;
    outcome = WriteOutcome::kReplaced;
  }
  db.replace_document(id_term, doc);
  store.Publish();
  return outcome;
}

bool DocumentWriter::Delete(const std::string& id) {
  const std::string id_term = schema::IdTerm(id);
  std::lock_guard<std::mutex> lock(mutex_);
  IndexStore store(db_, /*rebuild=*/false);
  Xapian::WritableDatabase& db = store.ShardFor(id);
  if (!db.term_exists(id_term)) return false;
  db.delete_document(id_term);
  store.Publish();
  return true;
}

}  // namespace tinhgon
