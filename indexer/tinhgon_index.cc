// tinhgon-index: builds and maintains the tinhgon search index.
//
//   tinhgon-index --db DIR [--jobs N] [--rebuild [--shards K] [--keep-shards]] [--prune] [--delete ID...] [--changesets N] INPUT...
//   tinhgon-index --db DIR --stats
//   tinhgon-index --analyze FILE
//
// Exit codes: 0 all good; 1 some inputs failed (each reported, the rest
// indexed) or the index could not be written; 2 usage error.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>

#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "corpus/corpus_reader.h"
#include "indexer/document_builder.h"
#include "index/index_store.h"
#include "indexer/indexer.h"
#include "index/schema.h"

namespace {

constexpr int kOk = 0;
constexpr int kFailed = 1;
constexpr int kUsage = 2;

// Reads FILE exactly as indexing would (HTML article, JSONL records, any
// encoding) and prints its metadata: one object, or an array for JSONL.
int Analyze(const std::string& path, bool with_text) {
  std::vector<tinhgon::SourceReport> reports;
  std::vector<tinhgon::ReadError> errors;
  tinhgon::InputFile file{path, std::filesystem::path(path).filename().string()};
  if (!std::filesystem::is_regular_file(path)) {
    std::fprintf(stderr, "tinhgon-index: cannot open %s\n", path.c_str());
    return kFailed;
  }
  tinhgon::CorpusReader::Read(file, &reports, &errors);
  for (const tinhgon::ReadError& e : errors) {
    std::fprintf(stderr, "tinhgon-index: %s: %s\n", e.source.c_str(), e.message.c_str());
  }
  if (reports.empty()) return kFailed;
  tinhgon::DocumentBuilder builder;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  for (const tinhgon::SourceReport& report : reports) {
    all.push_back(tinhgon::ToJson(builder.Extract(report), builder.gazetteer(), with_text));
  }
  bool jsonl = reports.front().format == "jsonl";
  std::cout << (jsonl ? all : all.front()).dump(2) << '\n';
  return errors.empty() ? kOk : kFailed;
}

int Stats(const std::string& dir) {
  std::filesystem::path live = tinhgon::IndexStore::LiveGeneration(dir);
  if (live.empty()) {
    std::fprintf(stderr, "tinhgon-index: %s is not a tinhgon index\n", dir.c_str());
    return kFailed;
  }
  Xapian::Database db(dir);
  std::uint64_t bytes = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(live)) {
    if (entry.is_regular_file()) bytes += entry.file_size();
  }
  const std::map<std::string, std::string_view> facets = {
      {"provinces (pre-2025)", tinhgon::schema::kProvince}, {"provinces (2025)", tinhgon::schema::kProvince2025},
      {"districts", tinhgon::schema::kDistrict},           {"communes", tinhgon::schema::kCommune},
      {"agencies", tinhgon::schema::kAgency},              {"event types", tinhgon::schema::kEvent},
      {"publication years", tinhgon::schema::kYear},       {"sources", tinhgon::schema::kSource}};
  std::uint64_t distinct = 0;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) ++distinct;
  std::printf("documents       %u\n", db.get_doccount());
  std::printf("distinct terms  %llu\n", static_cast<unsigned long long>(distinct));
  std::printf("size on disk    %.1f MB (%s)\n", bytes / 1e6, live.filename().c_str());
  std::printf("shards          %zu\n", db.size());
  for (const auto& [label, prefix] : facets) {
    std::size_t values = 0;
    const std::string p(prefix);
    for (auto t = db.allterms_begin(p); t != db.allterms_end(p); ++t) ++values;
    std::printf("%-22s %zu\n", label.c_str(), values);
  }
  return kOk;
}

// "\r 1234/35440 files  2.1 MB/s  ETA 0:41" on a terminal, nothing otherwise.
class ProgressBar {
 public:
  explicit ProgressBar(bool enabled) : enabled_(enabled) {}
  void Update(const tinhgon::IndexProgress& p) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (p.files_done != p.files_total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double rate = p.seconds > 0 ? p.bytes_done / 1e6 / p.seconds : 0;
    double left = rate > 0 ? (p.bytes_total - p.bytes_done) / 1e6 / rate : 0;
    std::fprintf(stderr, "\r %zu/%zu files  %.1f MB/s  ETA %d:%02d ", p.files_done, p.files_total, rate,
                 static_cast<int>(left) / 60, static_cast<int>(left) % 60);
    if (p.files_done == p.files_total) std::fprintf(stderr, "\n");
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tinhgon-index: build and maintain the tinhgon search index"};
  tinhgon::IndexOptions options;
  std::string db, analyze;
  bool stats = false, with_text = false;
  int changesets = -1;
  app.add_option("--db", db, "Index directory (created if missing)");
  app.add_option("--jobs", options.jobs, "Analysis threads (default: one per core)")->check(CLI::Range(1u, 256u));
  app.add_flag("--rebuild", options.rebuild, "Build a new index beside the live one and swap it in");
  app.add_option("--shards", options.shards,
                 "Shards a new generation is written in, in parallel (default: one per core with --rebuild)")
      ->check(CLI::Range(1u, 64u));
  bool keep_shards = false;
  auto* keep_shards_flag = app.add_flag("--keep-shards", keep_shards,
                                        "Keep a new generation as its shards, searched as one, instead of "
                                        "compacting them into one database");
  app.add_flag("--prune", options.prune, "Remove documents whose file is no longer among the inputs");
  app.add_option("--delete", options.deletes, "Remove the documents with these ids");
  app.add_option("--batch", options.batch, "Documents per commit")->check(CLI::Range(1, 1000000));
  app.add_option("--changesets", changesets,
                 "Write a changeset at every commit and keep the last N, for read replicas "
                 "(xapian-replicate) to fetch only what changed")
      ->check(CLI::Range(0, 1000000))
      ->excludes(keep_shards_flag);  // xapian-replicate-server serves one database, not shards
  app.add_flag("--stats", stats, "Print document count, terms, size and facet cardinalities");
  app.add_option("inputs", options.inputs, "Files and directories to index (recursively)");
  auto* analyze_option = app.add_option("--analyze", analyze, "Print the metadata of FILE as JSON, touching no index");
  app.add_flag("--with-text", with_text, "With --analyze: include the cleaned text")->needs(analyze_option);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return e.get_exit_code() == 0 ? kOk : kUsage;
  }
  auto usage = [&](const char* message) {
    std::fprintf(stderr, "tinhgon-index: %s\n%s", message, app.help().c_str());
    return kUsage;
  };

  if (!analyze.empty()) {
    if (!db.empty() || stats || !options.inputs.empty()) return usage("--analyze takes one file and no index");
    return Analyze(analyze, with_text);
  }
  if (db.empty()) return usage("--db DIR is required");
  if (stats) return Stats(db);
  if (options.inputs.empty() && options.deletes.empty()) return usage("nothing to do: give inputs or --delete IDs");
  options.db = db;
  options.compact = !keep_shards;
  if (changesets >= 0) tinhgon::IndexStore::KeepChangesets(changesets);

  ProgressBar bar(isatty(STDERR_FILENO) != 0);
  tinhgon::IndexResult result;
  try {
    result = tinhgon::RunIndex(options, [&](const tinhgon::IndexProgress& p) { bar.Update(p); });
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tinhgon-index: %s\n", e.what());
    return kFailed;
  }
  for (const tinhgon::ReadError& e : result.errors) {
    std::fprintf(stderr, "tinhgon-index: %s: %s\n", e.source.c_str(), e.message.c_str());
  }
  double mb = result.bytes / 1e6;
  std::printf("added %zu, updated %zu, unchanged %zu, removed %zu, failed %zu, %.1f MB, %.1f s, %.2f MB/s\n",
              result.added, result.updated, result.unchanged, result.removed, result.failed, mb,
              result.seconds, result.seconds > 0 ? mb / result.seconds : 0.0);
  return result.errors.empty() ? kOk : kFailed;
}
