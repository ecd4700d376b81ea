#include "indexer/shard_writer.h"

#include "index/schema.h"

namespace tinhgon {
namespace {
// Enough to keep the writer busy while an analysis thread finishes a
// report; each entry holds a built document (tens of KB).
constexpr std::size_t kQueued = 64;
}  // namespace

ShardWriter::ShardWriter(Xapian::WritableDatabase& db, std::size_t batch, bool fresh)
    : db_(db), batch_(batch), fresh_(fresh), queue_(kQueued, 1), thread_([this] { Run(); }) {}

ShardWriter::~ShardWriter() {
  if (finished_) return;
  queue_.ProducerDone();
  thread_.join();
}

void ShardWriter::Add(std::string id, Xapian::Document document) {
  if (failed_) std::rethrow_exception(error_);
  queue_.Push(Entry{std::move(id), std::move(document)});
}

void ShardWriter::Finish() {
  finished_ = true;
  queue_.ProducerDone();
  thread_.join();
  if (error_) std::rethrow_exception(error_);
}

void ShardWriter::Run() {
  std::size_t since_commit = 0;
  try {
    while (std::optional<Entry> entry = queue_.Pop()) {
      Write(*entry);
      if (++since_commit >= batch_) {
        db_.commit();
        since_commit = 0;
      }
    }
    db_.commit();
    return;
  } catch (...) {
    error_ = std::current_exception();
    failed_ = true;
  }
  // Whoever hands documents over must not wait for a writer that stopped.
  while (queue_.Pop()) {
  }
}

void ShardWriter::Write(const Entry& entry) {
  const std::string id_term = schema::IdTerm(entry.id);
  if (fresh_ && written_.insert(entry.id).second) {
    db_.add_document(entry.document);
    ++added_;
    return;
  }
  const bool existed = fresh_ || db_.term_exists(id_term);  // fresh: a second report with the same id
  db_.replace_document(id_term, entry.document);
  ++(existed ? updated_ : added_);
}

}  // namespace tinhgon
