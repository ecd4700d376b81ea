// Indexes written in shards: each report in the shard its id hashes to, so
// updates and deletes find it; the shards compacted into one database or
// kept and searched as one, with the same documents as a single writer's.
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <xapian.h>

#include "index/index_store.h"
#include "index/schema.h"
#include "indexer/document_writer.h"
#include "indexer/indexer.h"
#include "tests/indexer/test_corpus.h"

using tinhgon::IndexOptions;
using tinhgon::IndexResult;
using tinhgon::IndexStore;
using tinhgon::RunIndex;
using tinhgon::testing::Report;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;
namespace schema = tinhgon::schema;

namespace {

constexpr int kReports = 60;
const char* const kPlaces[] = {"huyện Yên Sơn, tỉnh Tuyên Quang", "tỉnh Bắc Kạn", "huyện Đầm Hà, tỉnh Quảng Ninh"};

void WriteReports(const std::filesystem::path& dir) {
  for (int i = 0; i < kReports; ++i) {
    const std::string n = std::to_string(i);
    WriteFile(dir / ("r" + n + ".txt"),
              Report("Báo cáo " + n + " về sắp xếp bộ máy",
                     std::string(kPlaces[i % 3]) + " hợp nhất văn phòng, giảm " + std::to_string(i % 7 + 1) +
                         " đầu mối. Mã báo cáo " + n + "."));
  }
}

IndexResult Index(const std::filesystem::path& db, const std::filesystem::path& input, unsigned shards, bool rebuild,
                  bool compact = true, std::vector<std::string> deletes = {}) {
  IndexOptions options;
  options.db = db;
  options.inputs = {input.string()};
  options.rebuild = rebuild;
  options.shards = shards;
  options.compact = compact;
  options.deletes = std::move(deletes);
  options.jobs = 2;
  options.batch = 7;  // several commits per shard
  return RunIndex(options);
}

std::set<std::string> Ids(const Xapian::Database& db) {
  std::set<std::string> ids;
  for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
    ids.insert(db.get_document(*it).get_value(schema::kIdSlot));
  }
  return ids;
}

// Every term of `a` with the same document frequency in `b`, and as many terms.
void CheckSameTerms(const Xapian::Database& a, const Xapian::Database& b) {
  std::size_t terms = 0;
  for (auto t = a.allterms_begin(); t != a.allterms_end(); ++t, ++terms) {
    INFO(*t);
    CHECK(t.get_termfreq() == b.get_termfreq(*t));
  }
  std::size_t other = 0;
  for (auto t = b.allterms_begin(); t != b.allterms_end(); ++t) ++other;
  CHECK(terms == other);
}

}  // namespace

TEST_CASE("a rebuild in kept shards routes each report to its id's shard, updates and deletes find it",
          "[indexer][shards]") {
  TempDir dir("shards-kept");
  WriteReports(dir / "in");
  IndexResult built = Index(dir / "index", dir / "in", 3, /*rebuild=*/true, /*compact=*/false);
  CHECK(built.added == kReports);
  const std::filesystem::path live = IndexStore::LiveGeneration(dir / "index");
  REQUIRE(std::filesystem::exists(live / schema::kStubFile));  // the generation lists its shards

  // Each shard holds exactly the reports whose id hashes to it.
  {
    IndexStore store(dir / "index", /*rebuild=*/false);
    REQUIRE(store.shard_count() == 3);
    std::size_t total = 0;
    for (std::size_t i = 0; i < 3; ++i) {
      Xapian::Database shard((live / ("shard-" + std::to_string(i))).string());
      CHECK(shard.get_doccount() > 0);
      for (const std::string& id : Ids(shard)) CHECK(store.ShardOf(id) == i);
      total += shard.get_doccount();
    }
    CHECK(total == kReports);
  }  // the writer lets go of the shards

  // Readers see the shards as one index; an update replaces in place.
  Xapian::Database all((dir / "index").string());
  CHECK(all.get_doccount() == kReports);
  WriteFile(dir / "in/r5.txt", Report("Báo cáo 5 đã sửa", "Tỉnh Bắc Kạn giải thể một phòng."));
  IndexResult update = Index(dir / "index", dir / "in", 0, /*rebuild=*/false);
  CHECK(update.updated == 1);
  CHECK(update.added == 0);
  CHECK(update.unchanged == kReports - 1);
  all.reopen();
  CHECK(all.get_doccount() == kReports);
  CHECK(all.get_termfreq("giải") == 1);

  // Deleting by id and pruning a vanished file reach the right shard.
  std::filesystem::remove(dir / "in/r7.txt");
  IndexOptions prune;
  prune.db = dir / "index";
  prune.inputs = {(dir / "in").string()};
  prune.prune = true;
  prune.deletes = {"r8.txt"};
  IndexResult removed = RunIndex(prune);
  CHECK(removed.removed == 2);
  all.reopen();
  CHECK(all.get_doccount() == kReports - 2);
  CHECK_FALSE(all.term_exists(schema::IdTerm("r7.txt")));
  CHECK_FALSE(all.term_exists(schema::IdTerm("r8.txt")));
}

TEST_CASE("a compacted sharded rebuild holds what one writer writes, in one database", "[indexer][shards]") {
  TempDir dir("shards-compacted");
  WriteReports(dir / "in");
  Index(dir / "one", dir / "in", 1, /*rebuild=*/true);
  IndexResult sharded = Index(dir / "four", dir / "in", 4, /*rebuild=*/true);
  CHECK(sharded.added == kReports);
  const std::filesystem::path live = IndexStore::LiveGeneration(dir / "four");
  CHECK_FALSE(std::filesystem::exists(live / schema::kStubFile));  // one database, not a list of shards
  for (const auto& entry : std::filesystem::directory_iterator(dir / "four")) {
    CHECK(entry.path().extension() != ".parts");  // the shards are gone once compacted
  }
  Xapian::Database one((dir / "one").string()), four((dir / "four").string());
  CHECK(four.size() == 1);
  CHECK(four.get_doccount() == one.get_doccount());
  CHECK(Ids(four) == Ids(one));
  CheckSameTerms(one, four);
  CHECK(four.get_metadata(std::string(schema::kVersionKey)) == schema::kVersion);
  CHECK_FALSE(four.get_metadata(std::string(schema::kAnalysisKey)).empty());
  // Indexing the same input again into the compacted index changes nothing.
  IndexResult again = Index(dir / "four", dir / "in", 0, /*rebuild=*/false);
  CHECK(again.unchanged == kReports);
  CHECK(again.added + again.updated == 0);
}

TEST_CASE("a report given twice to a sharded rebuild is one document", "[indexer][shards]") {
  TempDir dir("shards-twice");
  WriteFile(dir / "in/a.jsonl",
            R"({"id": "same", "title": "Lần một", "text": "Tỉnh Bắc Kạn hợp nhất văn phòng."})"
            "\n"
            R"({"id": "other", "title": "Khác", "text": "Huyện Đầm Hà giảm đầu mối."})"
            "\n");
  WriteFile(dir / "in/b.jsonl", R"({"id": "same", "title": "Lần hai", "text": "Tỉnh Bắc Kạn giải thể văn phòng."})"
                                "\n");
  Index(dir / "index", dir / "in", 2, /*rebuild=*/true);
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_doccount() == 2);
  CHECK(db.get_termfreq(schema::IdTerm("same")) == 1);
}

TEST_CASE("the write API puts and deletes a report in its shard of a sharded index", "[indexer][shards]") {
  TempDir dir("shards-writer");
  WriteReports(dir / "in");
  Index(dir / "index", dir / "in", 3, /*rebuild=*/true, /*compact=*/false);
  tinhgon::DocumentWriter writer(dir / "index");
  tinhgon::SourceReport report;
  report.id = "new-report";
  report.format = "jsonl";
  report.text = "Xã mới\nTỉnh Bắc Kạn sáp nhập hai xã.";
  CHECK(writer.Put(report) == tinhgon::WriteOutcome::kAdded);
  CHECK(writer.Put(report) == tinhgon::WriteOutcome::kUnchanged);
  {
    IndexStore store(dir / "index", /*rebuild=*/false);
    const std::filesystem::path live = IndexStore::LiveGeneration(dir / "index");
    Xapian::Database home((live / ("shard-" + std::to_string(store.ShardOf("new-report")))).string());
    CHECK(home.term_exists(schema::IdTerm("new-report")));
  }
  CHECK(Xapian::Database((dir / "index").string()).get_doccount() == kReports + 1);
  CHECK(writer.Delete("new-report"));
  CHECK_FALSE(writer.Delete("new-report"));
  CHECK(Xapian::Database((dir / "index").string()).get_doccount() == kReports);
}
