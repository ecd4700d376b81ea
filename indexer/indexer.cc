#include "indexer/indexer.h"

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <thread>

#include <xapian.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "corpus/corpus_reader.h"
#include "corpus/report_id.h"
#include "indexer/bounded_queue.h"
#include "indexer/document_builder.h"
#include "indexer/shard_writer.h"
#include "index/index_store.h"
#include "index/schema.h"

namespace tinhgon {
namespace {

// What an analysis thread hands the writer.
struct Item {
  enum Kind { kDocument, kUnchanged, kFileDone } kind;
  std::string id, source;
  std::optional<Xapian::Document> document;
  std::vector<ReadError> errors;  // for kFileDone
  std::uint64_t bytes = 0;        // for kFileDone
  bool file_read = false;         // for kFileDone: read without any error
};

using Queue = BoundedQueue<Item>;

// The content hash stored for `id`. The snapshot goes stale while the writer
// commits (Xapian keeps only recent revisions readable), so reopen and retry.
std::string StoredHash(Xapian::Database& db, const std::string& id) {
  const std::string term = schema::IdTerm(id);
  for (int attempt = 0;; ++attempt) {
    try {
      Xapian::PostingIterator it = db.postlist_begin(term);
      if (it == db.postlist_end(term)) return std::string();
      return db.get_document(*it).get_value(schema::kContentHashSlot);
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 10) return std::string();  // analyze again rather than fail
      db.reopen();
    }
  }
}

// Ids of the documents carrying `term`.
std::vector<std::string> IdsWith(Xapian::Database& db, const std::string& term) {
  std::vector<std::string> ids;
  for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    std::string id = db.get_document(*it).get_value(schema::kIdSlot);
    if (!id.empty()) ids.push_back(std::move(id));
  }
  return ids;
}

// A snapshot of the committed index for comparing content hashes, or
// nothing when `path` is empty or cannot be opened: then every report is
// analyzed, which is only slower.
std::optional<Xapian::Database> OpenSnapshot(const std::filesystem::path& path) {
  std::optional<Xapian::Database> snapshot;
  if (path.empty()) return snapshot;
  try {
    snapshot.emplace(path.string());
  } catch (const Xapian::Error&) {
  }
  return snapshot;
}

// Hands the writer one report: unchanged when the snapshot holds it with the
// same hash (skipping analysis, the costly part), analyzed otherwise. A
// report that cannot be indexed becomes an error of its file.
void AnalyzeReport(const DocumentBuilder& builder, std::optional<Xapian::Database>& snapshot,
                   const SourceReport& report, Item* done, Queue* queue) {
  const std::string hash = DocumentBuilder::ContentHash(report);
  try {
    if (snapshot && StoredHash(*snapshot, report.id) == hash) {
      queue->Push({Item::kUnchanged, report.id, report.source, std::nullopt, {}, 0, true});
      return;
    }
    Xapian::Document doc = builder.Build(report, hash);
    queue->Push({Item::kDocument, report.id, report.source, std::move(doc), {}, 0, true});
  } catch (const std::exception& e) {
    done->errors.push_back({report.source + " (" + report.id + ")", std::string("cannot index: ") + e.what()});
  } catch (const Xapian::Error& e) {
    done->errors.push_back({report.source + " (" + report.id + ")", "cannot index: " + e.get_description()});
  }
}

// Reads one file and hands the writer its reports, then the file itself
// (its size and errors), which the writer needs to know the file is done.
void AnalyzeFile(const InputFile& file, const DocumentBuilder& builder, std::optional<Xapian::Database>& snapshot,
                 Queue* queue) {
  std::vector<SourceReport> reports;
  Item done{Item::kFileDone, "", file.relative, std::nullopt, {}, 0, true};
  std::error_code size_error;
  done.bytes = std::filesystem::file_size(file.path, size_error);
  try {
    CorpusReader::Read(file, &reports, &done.errors);
  } catch (const std::exception& e) {  // a reader bug must not take the run down
    done.errors.push_back({file.relative, std::string("cannot read: ") + e.what()});
    reports.clear();
  }
  // Only a file read without any error may lose records: a JSONL line that
  // became malformed keeps its old document rather than vanishing.
  done.file_read = done.errors.empty();
  for (const SourceReport& report : reports) AnalyzeReport(builder, snapshot, report, &done, queue);
  queue->Push(std::move(done));
}

// One analysis thread: takes the next file not yet taken until none is left.
void Analyze(const DocumentBuilder& builder, const std::vector<InputFile>& files, std::atomic<std::size_t>* next,
             const std::filesystem::path& snapshot_path, Queue* queue) {
  std::optional<Xapian::Database> snapshot = OpenSnapshot(snapshot_path);
  for (std::size_t i = (*next)++; i < files.size(); i = (*next)++) AnalyzeFile(files[i], builder, snapshot, queue);
  queue->ProducerDone();
}

// Progress towards the input's totals, reported to the caller after each file.
class ProgressReporter {
 public:
  explicit ProgressReporter(const std::function<void(const IndexProgress&)>& callback) : callback_(callback) {}

  void SetTotals(const std::vector<InputFile>& files) {
    progress_.files_total = files.size();
    for (const InputFile& f : files) {
      std::error_code ignored;
      progress_.bytes_total += std::filesystem::file_size(f.path, ignored);
    }
  }
  void FileDone(std::uint64_t bytes) {
    progress_.files_done++;
    progress_.bytes_done += bytes;
    if (!callback_) return;
    progress_.seconds = Seconds();
    callback_(progress_);
  }
  double Seconds() const { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count(); }

 private:
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const std::function<void(const IndexProgress&)>& callback_;
  IndexProgress progress_;
};

// The index the workers compare content hashes with: the committed live
// one, except that a rebuild starts empty, and an index written by another
// analysis chain is analyzed anew: its documents were made by rules this
// program no longer has.
std::filesystem::path HashSnapshot(IndexStore& store) {
  const bool same_chain = store.metadata(std::string(schema::kAnalysisKey)) == AnalysisFingerprint();
  return store.fresh() || !same_chain ? std::filesystem::path() : store.generation();
}

// Starts the analysis threads, no more than there are files (none for no
// file, which leaves the queue without producers, so the writer stops at once).
// They share `builder`, which must outlive them and may be null when there
// is no file.
std::vector<std::thread> StartAnalysis(const DocumentBuilder* builder, const std::vector<InputFile>& files,
                                       unsigned requested_jobs, const std::filesystem::path& snapshot,
                                       std::atomic<std::size_t>* next, Queue* queue) {
  const unsigned jobs = requested_jobs > 0 ? requested_jobs : std::max(1u, std::thread::hardware_concurrency());
  const auto started = static_cast<unsigned>(std::min<std::size_t>(jobs, files.size()));
  queue->SetProducers(static_cast<int>(started));
  std::vector<std::thread> workers;
  for (unsigned j = 0; j < started; ++j) {
    workers.emplace_back(Analyze, std::cref(*builder), std::cref(files), next, snapshot, queue);
  }
  return workers;
}

// What the writer saw of the run, which decides the removals after it.
struct Written {
  std::map<std::string, std::set<std::string>> ids_by_source;  // source file → ids produced this run
  std::set<std::string> files_read;                            // sources read whole this run
};

void RecordFile(Item& done, Written* written, IndexResult* result) {
  result->bytes += done.bytes;
  result->failed += done.errors.size();
  for (ReadError& e : done.errors) result->errors.push_back(std::move(e));
  if (done.file_read) written->files_read.insert(done.source);
}

using ShardWriters = std::vector<std::unique_ptr<ShardWriter>>;

// Takes what the analysis threads hand over until they are all done, and
// passes each document to the writer of its shard.
Written WriteAll(Queue* queue, const IndexStore& store, ShardWriters& writers, ProgressReporter* progress,
                 IndexResult* result) {
  Written written;
  while (std::optional<Item> item = queue->Pop()) {
    switch (item->kind) {
      case Item::kDocument:
        written.ids_by_source[item->source].insert(item->id);
        writers[store.ShardOf(item->id)]->Add(item->id, std::move(*item->document));
        break;
      case Item::kUnchanged:
        ++result->unchanged;
        written.ids_by_source[item->source].insert(item->id);
        break;
      case Item::kFileDone:
        RecordFile(*item, &written, result);
        progress->FileDone(item->bytes);
        break;
    }
  }
  return written;
}

void JoinAll(std::vector<std::thread>* workers) {
  for (std::thread& w : *workers) w.join();
}

// WriteAll on one writer thread per shard, joining the analysis threads
// whatever happens: when writing fails, the queue is drained so threads
// waiting to push can finish.
Written WriteAllAndJoin(Queue* queue, std::vector<std::thread>* workers, IndexStore& store, std::size_t batch,
                        ProgressReporter* progress, IndexResult* result) {
  Written written;
  ShardWriters writers;
  try {
    for (std::size_t i = 0; i < store.shard_count(); ++i) {
      writers.push_back(std::make_unique<ShardWriter>(store.shard(i), batch, store.fresh()));
    }
    written = WriteAll(queue, store, writers, progress, result);
    for (auto& writer : writers) writer->Finish();
  } catch (...) {
    while (queue->Pop()) {
    }
    JoinAll(workers);
    throw;
  }
  JoinAll(workers);
  for (const auto& writer : writers) {
    result->added += writer->added();
    result->updated += writer->updated();
  }
  return written;
}

// Records gone from a file that was read whole (a JSONL line deleted).
void RemoveVanishedRecords(IndexStore& store, const Written& written, IndexResult* result) {
  static const std::set<std::string> kNone;
  for (const std::string& source : written.files_read) {
    auto produced = written.ids_by_source.find(source);
    const std::set<std::string>& ids = produced == written.ids_by_source.end() ? kNone : produced->second;
    for (std::size_t i = 0; i < store.shard_count(); ++i) {
      Xapian::WritableDatabase& db = store.shard(i);
      for (const std::string& id : IdsWith(db, schema::BooleanTerm(schema::kFile, source))) {
        if (ids.count(id) > 0) continue;
        db.delete_document(schema::IdTerm(id));
        ++result->removed;
      }
    }
  }
}

// Documents of files no longer among the inputs (--prune).
void PruneMissingFiles(Xapian::WritableDatabase& db, const std::set<std::string>& present, IndexResult* result) {
  std::vector<std::string> gone;
  const std::string prefix(schema::kFile);
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    if (present.count(*t) == 0) gone.push_back(*t);
  }
  for (const std::string& term : gone) {
    for (const std::string& id : IdsWith(db, term)) {
      db.delete_document(schema::IdTerm(id));
      ++result->removed;
    }
  }
}

void PruneMissingFiles(IndexStore& store, const std::vector<InputFile>& files, IndexResult* result) {
  std::set<std::string> present;  // file terms, compared as terms: a long path's is a digest
  for (const InputFile& f : files) present.insert(schema::BooleanTerm(schema::kFile, f.relative));
  for (std::size_t i = 0; i < store.shard_count(); ++i) PruneMissingFiles(store.shard(i), present, result);
}

// Documents the caller named for deletion; an id no document has is an error.
void DeleteByIds(IndexStore& store, const std::vector<std::string>& ids, IndexResult* result) {
  for (const std::string& id : ids) {
    const std::string term = schema::IdTerm(id);
    Xapian::WritableDatabase& db = store.ShardFor(id);
    if (!IdProblem(id).empty() || !db.term_exists(term)) {
      result->errors.push_back({id, "no document with this id"});
      ++result->failed;
      continue;
    }
    db.delete_document(term);
    ++result->removed;
  }
}

// A rebuild writes one shard per core unless told otherwise; a new index
// is one database, live from its first commit, unless shards are asked for.
unsigned ShardsOfNewGeneration(const IndexOptions& options) {
  if (options.shards > 0) return options.shards;
  return options.rebuild ? std::max(1u, std::thread::hardware_concurrency()) : 1;
}

IndexResult RunIndexOrThrowXapian(const IndexOptions& options,
                                  const std::function<void(const IndexProgress&)>& on_progress) {
  ProgressReporter progress(on_progress);
  IndexResult result;
  const std::vector<InputFile> files = CorpusReader::List(options.inputs, &result.errors);
  progress.SetTotals(files);

  IndexStore store(options.db, StoreOptions{options.rebuild, ShardsOfNewGeneration(options), options.compact});
  Queue queue(256, 0);
  std::atomic<std::size_t> next{0};
  // One builder for all threads: its tables (the analysis chain, the
  // gazetteer, the extractors) are immutable, and building them per thread
  // cost tens of milliseconds and megabytes each. Declared before the
  // threads, so it outlives them.
  std::optional<DocumentBuilder> builder;
  if (!files.empty()) builder.emplace();
  std::vector<std::thread> workers =
      StartAnalysis(builder ? &*builder : nullptr, files, options.jobs, HashSnapshot(store), &next, &queue);
  const Written written = WriteAllAndJoin(&queue, &workers, store, options.batch, &progress, &result);

  RemoveVanishedRecords(store, written, &result);
  if (options.prune) PruneMissingFiles(store, files, &result);
  DeleteByIds(store, options.deletes, &result);
  store.Publish();
  result.seconds = progress.Seconds();
  return result;
}

}  // namespace

IndexResult RunIndex(const IndexOptions& options, const std::function<void(const IndexProgress&)>& on_progress) {
  try {
    return RunIndexOrThrowXapian(options, on_progress);
  } catch (const Xapian::Error& e) {
    // Typically a full disk. Xapian never makes a half-written commit
    // visible, so what the last commit holds is still there.
    throw std::runtime_error("writing the index failed (" + e.get_description() +
                             "); the index keeps what was committed before");
  }
}

}  // namespace tinhgon
