#include "indexer/indexer.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include <xapian.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "corpus/corpus_reader.h"
#include "corpus/report_id.h"
#include "indexer/document_builder.h"
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

// A bounded queue: analysis threads wait when the writer falls behind, so
// memory stays flat however large the corpus.
class Queue {
 public:
  explicit Queue(std::size_t capacity) : capacity_(capacity) {}
  void Push(Item item) {
    std::unique_lock<std::mutex> lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_; });
    items_.push_back(std::move(item));
    not_empty_.notify_one();
  }
  // Empty optional once every producer is done and the queue is drained.
  std::optional<Item> Pop() {
    std::unique_lock<std::mutex> lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }
  void SetProducers(int n) { producers_ = n; }
  void ProducerDone() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (--producers_ == 0) not_empty_.notify_all();
  }

 private:
  std::size_t capacity_;
  int producers_ = 0;
  std::deque<Item> items_;
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
};

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

void Analyze(const std::vector<InputFile>& files, std::atomic<std::size_t>* next,
             const std::filesystem::path& snapshot_path, Queue* queue) {
  DocumentBuilder builder;
  std::optional<Xapian::Database> snapshot;
  if (!snapshot_path.empty()) {
    try {
      snapshot.emplace(snapshot_path.string());
    } catch (const Xapian::Error&) {
      // No snapshot: every report is analyzed, which is only slower.
    }
  }
  for (std::size_t i = (*next)++; i < files.size(); i = (*next)++) {
    std::vector<SourceReport> reports;
    Item done{Item::kFileDone, "", files[i].relative, std::nullopt, {}, 0, true};
    std::error_code size_error;
    done.bytes = std::filesystem::file_size(files[i].path, size_error);
    try {
      CorpusReader::Read(files[i], &reports, &done.errors);
    } catch (const std::exception& e) {  // a reader bug must not take the run down
      done.errors.push_back({files[i].relative, std::string("cannot read: ") + e.what()});
      reports.clear();
    }
    // Only a file read without any error may lose records: a JSONL line that
    // became malformed keeps its old document rather than vanishing.
    done.file_read = done.errors.empty();
    for (SourceReport& report : reports) {
      std::string hash = DocumentBuilder::ContentHash(report);
      try {
        if (snapshot && StoredHash(*snapshot, report.id) == hash) {
          queue->Push({Item::kUnchanged, report.id, report.source, std::nullopt, {}, 0, true});
          continue;
        }
        Xapian::Document doc = builder.Build(report, hash);
        queue->Push({Item::kDocument, report.id, report.source, std::move(doc), {}, 0, true});
      } catch (const std::exception& e) {
        done.errors.push_back({report.source + " (" + report.id + ")", std::string("cannot index: ") + e.what()});
      } catch (const Xapian::Error& e) {
        done.errors.push_back({report.source + " (" + report.id + ")", "cannot index: " + e.get_description()});
      }
    }
    queue->Push(std::move(done));
  }
  queue->ProducerDone();
}

IndexResult RunIndexOrThrowXapian(const IndexOptions& options,
                                  const std::function<void(const IndexProgress&)>& on_progress) {
  const auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
  IndexResult result;
  std::vector<InputFile> files = CorpusReader::List(options.inputs, &result.errors);
  IndexProgress progress;
  progress.files_total = files.size();
  for (const InputFile& f : files) {
    std::error_code ignored;
    progress.bytes_total += std::filesystem::file_size(f.path, ignored);
  }

  IndexStore store(options.db, options.rebuild);
  Xapian::WritableDatabase& db = store.db();
  // Workers check hashes against the committed live index; a rebuild starts
  // empty, and an index written by another analysis chain is analyzed anew:
  // its documents were made by rules this program no longer has.
  const bool same_chain = db.get_metadata(std::string(schema::kAnalysisKey)) == AnalysisFingerprint();
  std::filesystem::path snapshot = options.rebuild || !same_chain ? std::filesystem::path() : store.generation();

  unsigned jobs = options.jobs > 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::max<std::size_t>(1, std::min<std::size_t>(jobs, files.size())));
  Queue queue(256);
  queue.SetProducers(static_cast<int>(jobs));
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> workers;
  if (!files.empty()) {
    for (unsigned j = 0; j < jobs; ++j) workers.emplace_back(Analyze, std::cref(files), &next, snapshot, &queue);
  } else {
    queue.SetProducers(0);
  }

  std::map<std::string, std::set<std::string>> seen;  // source file → ids produced this run
  std::set<std::string> files_read;                   // sources fully read this run
  std::size_t since_commit = 0;
  try {
    while (std::optional<Item> item = queue.Pop()) {
      switch (item->kind) {
        case Item::kDocument: {
          std::string id_term = schema::IdTerm(item->id);
          bool existed = db.term_exists(id_term);
          db.replace_document(id_term, *item->document);
          ++(existed ? result.updated : result.added);
          seen[item->source].insert(item->id);
          if (++since_commit >= options.batch) {
            db.commit();
            since_commit = 0;
          }
          break;
        }
        case Item::kUnchanged:
          ++result.unchanged;
          seen[item->source].insert(item->id);
          break;
        case Item::kFileDone:
          progress.files_done++;
          progress.bytes_done += item->bytes;
          result.bytes += item->bytes;
          result.failed += item->errors.size();
          for (ReadError& e : item->errors) result.errors.push_back(std::move(e));
          if (item->file_read) files_read.insert(item->source);
          if (on_progress) {
            progress.seconds = elapsed();
            on_progress(progress);
          }
          break;
      }
    }
  } catch (...) {
    // Let the analysis threads finish so they can be joined, then report.
    while (queue.Pop()) {
    }
    for (std::thread& w : workers) w.join();
    throw;
  }
  for (std::thread& w : workers) w.join();

  // Records gone from a file that was read (a JSONL line deleted).
  for (const std::string& source : files_read) {
    for (const std::string& id : IdsWith(db, schema::BooleanTerm(schema::kFile, source))) {
      if (seen[source].count(id) == 0) {
        db.delete_document(schema::IdTerm(id));
        ++result.removed;
      }
    }
  }
  if (options.prune) {
    std::set<std::string> present;  // file terms, compared as terms: a long path's is a digest
    for (const InputFile& f : files) present.insert(schema::BooleanTerm(schema::kFile, f.relative));
    std::vector<std::string> gone;
    const std::string prefix(schema::kFile);
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      if (present.count(*t) == 0) gone.push_back(*t);
    }
    for (const std::string& term : gone) {
      for (const std::string& id : IdsWith(db, term)) {
        db.delete_document(schema::IdTerm(id));
        ++result.removed;
      }
    }
  }
  for (const std::string& id : options.deletes) {
    std::string term = schema::IdTerm(id);
    if (!IdProblem(id).empty() || !db.term_exists(term)) {
      result.errors.push_back({id, "no document with this id"});
      ++result.failed;
      continue;
    }
    db.delete_document(term);
    ++result.removed;
  }
  store.Publish();
  result.seconds = elapsed();
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
