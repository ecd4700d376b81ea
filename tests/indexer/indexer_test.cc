#include "indexer/indexer.h"

#include <algorithm>
#include <set>
#include <string_view>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/index_store.h"
#include "index/schema.h"
#include "index/stored_report.h"
#include "tests/indexer/test_corpus.h"
#include "tests/support/shared_fixtures.h"

using tinhgon::IndexOptions;
using tinhgon::IndexResult;
using tinhgon::RunIndex;
using tinhgon::testing::Report;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;
namespace schema = tinhgon::schema;

namespace {

IndexResult Index(const TempDir& db, const std::filesystem::path& input, bool prune = false,
                  std::vector<std::string> deletes = {}) {
  IndexOptions options;
  options.db = db / "index";
  options.inputs = {input.string()};
  options.prune = prune;
  options.deletes = std::move(deletes);
  options.jobs = 2;
  return RunIndex(options);
}

Xapian::Database Open(const TempDir& db) { return Xapian::Database((db / "index").string()); }

bool Has(const TempDir& db, const std::string& term) { return Open(db).term_exists(term); }

void WriteCorpus(const TempDir& dir) {
  WriteFile(dir / "in/a.txt", Report("Huyện Yên Sơn hợp nhất văn phòng",
                                     "Huyện Yên Sơn (Tuyên Quang) hợp nhất Văn phòng Huyện ủy với Văn phòng HĐND và UBND huyện."));
  WriteFile(dir / "in/sub/b.txt", Report("Bắc Kạn tách văn phòng",
                                         "Tỉnh Bắc Kạn tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh."));
  WriteFile(dir / "in/c.jsonl",
            R"({"id": "c-1", "title": "Đầm Hà giảm đầu mối", "text": "Huyện Đầm Hà giảm 3 đầu mối.", "date": "2020-07-28", "source": "baoquangninh"})"
            "\n"
            R"({"id": "c-2", "title": "Cẩm Phả hợp nhất", "text": "Thành ủy Cẩm Phả hợp nhất Ban Tổ chức với Phòng Nội vụ."})"
            "\n");
}

}  // namespace

TEST_CASE("a report is indexed with its terms, tags, values and data", "[indexer]") {
  TempDir dir("index-basic");
  WriteCorpus(dir);
  IndexResult r = Index(dir, dir / "in");
  CHECK(r.added == 4);
  CHECK(r.failed == 0);
  Xapian::Database db = Open(dir);
  CHECK(db.get_doccount() == 4);
  CHECK(db.term_exists("Qa.txt"));
  CHECK(db.term_exists("Qsub/b.txt"));  // ids are paths relative to the input directory
  CHECK(db.term_exists("Qc-1"));
  // Exact and folded forms, filters by place, agency, date and source.
  CHECK(db.term_exists("hợp"));
  CHECK(db.term_exists("hop"));
  CHECK(db.term_exists("XP08"));   // Tuyên Quang
  CHECK(db.term_exists("XN19"));   // Bắc Kạn → Thái Nguyên since 2025
  CHECK(db.term_exists("XAvan-phong-cap-uy"));
  CHECK(db.term_exists("XEsplit"));
  CHECK(db.term_exists("XY2020"));
  CHECK(db.term_exists("XSbaoquangninh"));
  // A title word weighs kTitleWeight, a body word 1: "tách" is in both.
  Xapian::Document b = db.get_document(*db.postlist_begin("Qsub/b.txt"));
  Xapian::TermIterator tach = b.termlist_begin();
  tach.skip_to("tách");
  REQUIRE(tach != b.termlist_end());
  CHECK(*tach == "tách");
  CHECK(tach.get_wdf() == schema::kTitleWeight + 1);
  Xapian::Document c1 = db.get_document(*db.postlist_begin("Qc-1"));
  CHECK(c1.get_value(schema::kDateSlot) == "20200728");
  nlohmann::json data = nlohmann::json(tinhgon::DecodeStoredRecord(c1.get_data()).value());
  CHECK(data["id"] == "c-1");
  CHECK(data["source"] == "c.jsonl");
  CHECK(data["title"] == "Đầm Hà giảm đầu mối");
  CHECK(data["text"].get<std::string>().find("giảm 3 đầu mối") != std::string::npos);
}

TEST_CASE("the index holds no term prefix but those schema.h lists", "[indexer]") {
  TempDir dir("index-prefixes");
  WriteCorpus(dir);
  REQUIRE(Index(dir, dir / "in").added == 4);
  const std::set<std::string_view> listed = {schema::kId,       schema::kFile,         schema::kPair,
                                             schema::kProvince, schema::kProvince2025, schema::kDistrict,
                                             schema::kCommune,  schema::kCommune2025,  schema::kAgency,
                                             schema::kEvent,    schema::kYear,         schema::kMonth,
                                             schema::kSource};
  std::set<std::string> found;
  Xapian::Database db = Open(dir);
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string& term = *t;
    const std::size_t prefix = std::min(term.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ"), term.size());
    if (prefix > 0) found.insert(term.substr(0, prefix));
  }
  // Every prefix written is one schema.h documents (and a reader reads): a
  // tag nothing reads only costs index size and time.
  REQUIRE_FALSE(found.empty());
  for (const std::string& prefix : found) {
    INFO(prefix);
    CHECK(listed.count(prefix) == 1);
  }
}

TEST_CASE("an index of another schema version is refused until rebuilt", "[indexer]") {
  TempDir dir("index-old-schema");
  WriteCorpus(dir);
  Index(dir, dir / "in");
  {
    Xapian::WritableDatabase db(tinhgon::IndexStore::LiveGeneration(dir / "index").string());
    db.set_metadata(std::string(schema::kVersionKey), "5");
    db.commit();
  }
  CHECK_THROWS_WITH(Index(dir, dir / "in"), Catch::Contains("schema version '5'") && Catch::Contains("--rebuild"));
  IndexOptions options;
  options.db = dir / "index";
  options.inputs = {(dir / "in").string()};
  options.rebuild = true;
  CHECK(RunIndex(options).added == 4);
  CHECK(Open(dir).get_metadata(std::string(schema::kVersionKey)) == schema::kVersion);
  CHECK(Index(dir, dir / "in").unchanged == 4);
}

TEST_CASE("every place is indexed under the 2025 communes holding it today", "[indexer][commune_2025]") {
  TempDir dir("index-commune-2025");
  // Phường Bến Nghé (Quận 1) became part of phường Sài Gòn (26740); Quận 1's
  // communes became Tân Định, Sài Gòn, Bến Thành and Cầu Ông Lãnh.
  WriteFile(dir / "in/old.txt", Report("Bến Nghé tinh gọn", "UBND phường Bến Nghé, Quận 1, TP.HCM giảm 2 đầu mối."));
  WriteFile(dir / "in/new.txt", Report("Phường Sài Gòn sau sắp xếp",
                                       "Từ 1/7/2025, UBND phường Sài Gòn (TP.HCM) mới giảm 3 đầu mối."));
  WriteFile(dir / "in/district.txt", Report("Quận 1 tinh gọn", "UBND Quận 1, TP.HCM giảm 5 đầu mối."));
  WriteFile(dir / "in/city.txt", Report("TP.HCM tinh gọn", "TP.HCM giảm 50 đầu mối."));
  REQUIRE(Index(dir, dir / "in").added == 4);
  Xapian::Database db = Open(dir);
  auto communes = [&](const std::string& id) {
    Xapian::Document doc = db.get_document(*db.postlist_begin(schema::IdTerm(id)));
    std::vector<std::string> terms;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if ((*t).rfind(schema::kCommune2025, 0) == 0) terms.push_back((*t).substr(schema::kCommune2025.size()));
    }
    return std::make_pair(terms, doc.get_value(schema::kCommunes2025Slot));
  };
  const char sep = schema::kListSeparator;
  // The old ward and the new one meet under the same term.
  CHECK(communes("old.txt").first == std::vector<std::string>{"26740"});
  CHECK(communes("new.txt").first == std::vector<std::string>{"26740"});
  CHECK(communes("new.txt").second == "26740");
  // A district alone stands for every 2025 commune formed from it; named as
  // a ward's address (old.txt) it adds none of the others.
  CHECK(communes("district.txt").first == std::vector<std::string>{"26737", "26740", "26743", "26758"});
  CHECK(communes("district.txt").second == std::string("26737") + sep + "26740" + sep + "26743" + sep + "26758");
  // A province is no commune's.
  CHECK(communes("city.txt").first.empty());
  CHECK(communes("city.txt").second.empty());
}

TEST_CASE("adjacent syllables are indexed as pair terms, folded, never across a line", "[indexer]") {
  TempDir dir("index-pairs");
  WriteFile(dir / "in/p.txt", Report("Sáp nhập xã", "Huyện hợp nhất\nvăn phòng UBND huyện."));
  REQUIRE(Index(dir, dir / "in").added == 1);
  Xapian::Database db = Open(dir);
  CHECK(db.term_exists(schema::PairTerm("hop", "nhat")));
  CHECK(db.term_exists(schema::PairTerm("van", "phong")));
  CHECK_FALSE(db.term_exists(schema::PairTerm("nhat", "van")));  // a line break stands between them
  CHECK_FALSE(db.term_exists(schema::PairTerm("hợp", "nhất")));  // pairs hold folded forms only
  // An abbreviation pairs with its neighbours, and its expansion with itself.
  CHECK(db.term_exists(schema::PairTerm("phong", "ubnd")));
  CHECK(db.term_exists(schema::PairTerm("uy", "ban")));
  // A title pair weighs what a title word weighs.
  Xapian::PostingIterator title = db.postlist_begin(schema::PairTerm("sap", "nhap"));
  REQUIRE(title != db.postlist_end(schema::PairTerm("sap", "nhap")));
  CHECK(title.get_wdf() == schema::kTitleWeight);
}

TEST_CASE("indexing the same input again changes nothing", "[indexer]") {
  TempDir dir("index-idempotent");
  WriteCorpus(dir);
  Index(dir, dir / "in");
  Xapian::rev revision = Open(dir).get_revision();
  IndexResult again = Index(dir, dir / "in");
  CHECK(again.added == 0);
  CHECK(again.updated == 0);
  CHECK(again.unchanged == 4);
  CHECK(Open(dir).get_doccount() == 4);
  // Nothing to write, so at most the one commit every run makes.
  CHECK(Open(dir).get_revision() <= revision + 1);
}

TEST_CASE("a changed file replaces its document, never duplicates it", "[indexer]") {
  TempDir dir("index-changed");
  WriteCorpus(dir);
  Index(dir, dir / "in");
  WriteFile(dir / "in/a.txt", Report("Huyện Yên Sơn giải thể ban quản lý", "Huyện Yên Sơn giải thể Ban Quản lý dự án."));
  IndexResult r = Index(dir, dir / "in");
  CHECK(r.updated == 1);
  CHECK(r.unchanged == 3);
  CHECK(Open(dir).get_doccount() == 4);
  CHECK(Has(dir, "XEdissolve"));
  CHECK_FALSE(Has(dir, "XAvan-phong-cap-uy"));
}

TEST_CASE("prune removes documents whose file is gone, delete removes by id", "[indexer]") {
  TempDir dir("index-prune");
  WriteCorpus(dir);
  Index(dir, dir / "in");
  std::filesystem::remove(dir / "in/sub/b.txt");
  IndexResult without_prune = Index(dir, dir / "in");
  CHECK(without_prune.removed == 0);
  CHECK(Has(dir, "Qsub/b.txt"));
  IndexResult pruned = Index(dir, dir / "in", /*prune=*/true);
  CHECK(pruned.removed == 1);
  CHECK_FALSE(Has(dir, "Qsub/b.txt"));

  IndexResult deleted = Index(dir, dir / "in", false, {"c-2", "no-such-id"});
  CHECK(deleted.removed == 1);
  CHECK(deleted.failed == 1);  // the unknown id is reported
  CHECK_FALSE(Has(dir, "Qc-2"));
}

TEST_CASE("a record removed from a JSONL file leaves the index", "[indexer]") {
  TempDir dir("index-jsonl-removed");
  WriteCorpus(dir);
  Index(dir, dir / "in");
  WriteFile(dir / "in/c.jsonl",
            R"({"id": "c-1", "title": "Đầm Hà giảm đầu mối", "text": "Huyện Đầm Hà giảm 3 đầu mối.", "date": "2020-07-28", "source": "baoquangninh"})"
            "\n");
  IndexResult r = Index(dir, dir / "in");
  CHECK(r.removed == 1);
  CHECK_FALSE(Has(dir, "Qc-2"));
  CHECK(Has(dir, "Qc-1"));
}

TEST_CASE("a malformed JSONL line is reported and the other lines indexed", "[indexer][readers]") {
  TempDir dir("index-jsonl-bad");
  WriteFile(dir / "in/x.jsonl",
            R"({"id": "x-1", "title": "Tin một", "text": "Huyện Đầm Hà giảm 3 đầu mối."})"
            "\n{not json at all\n"
            R"({"title": "no id", "text": "thiếu id"})"
            "\n"
            R"({"id": "x-4", "text": "Tỉnh Bắc Kạn tách văn phòng.", "date": "20/11/2020"})"
            "\n"
            R"({"id": "x-5", "title": "Tin năm", "text": "Tỉnh Bắc Kạn tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh."})"
            "\n");
  IndexResult r = Index(dir, dir / "in");
  CHECK(r.added == 2);
  REQUIRE(r.errors.size() == 3);
  CHECK(r.errors[0].source == "x.jsonl:2");
  CHECK(r.errors[1].message.find("id") != std::string::npos);
  CHECK(r.errors[2].message.find("date") != std::string::npos);
  // The malformed lines keep nothing from being removed later.
  IndexResult again = Index(dir, dir / "in");
  CHECK(again.removed == 0);
}

TEST_CASE("every reader and encoding, bad files are reported and skipped", "[indexer][readers]") {
  TempDir dir("index-readers");
  const std::string vietnamese = Report("Huyện Đô Lương hợp nhất văn phòng", "Xã Lam Sơn, huyện Đô Lương hợp nhất Văn phòng Đảng ủy.");
  WriteFile(dir / "in/utf8-bom.txt", "\xEF\xBB\xBF" + vietnamese);
  WriteFile(dir / "in/utf16.txt", "\xFF\xFE" + tinhgon::testing::Encode(vietnamese, "UTF-16LE"));
  WriteFile(dir / "in/legacy.txt", tinhgon::testing::Windows1258(vietnamese));
  WriteFile(dir / "in/damaged.txt", "Huyện Đô Lương \xFF\xFE hợp nhất văn phòng\n\nNội dung có vài byte hỏng.");
  WriteFile(dir / "in/page.html",
            "<html><head><title>Trang</title><script>var x = 'Đô Lương';</script></head><body>"
            "<nav>Trang chủ | Tin tức</nav><div class='article-content'><h1>Đô Lương hợp nhất văn phòng</h1>"
            "<p>Xã Lam Sơn, huyện Đô Lương hợp nhất Văn phòng Đảng ủy.</p></div><footer>Bản quyền</footer></body></html>");
  WriteFile(dir / "in/empty.txt", "");
  std::string binary(2048, '\0');
  for (std::size_t i = 0; i < binary.size(); i += 3) binary[i] = static_cast<char>(i * 7);
  WriteFile(dir / "in/binary.txt", binary);
  IndexResult r = Index(dir, dir / "in");
  CHECK(r.added == 5);
  CHECK(r.failed == 2);
  Xapian::Database db = Open(dir);
  // The same words reach the index from every encoding.
  for (const char* id : {"Qutf8-bom.txt", "Qutf16.txt", "Qlegacy.txt", "Qpage.html"}) {
    INFO(id);
    REQUIRE(db.term_exists(id));
    Xapian::Document doc = db.get_document(*db.postlist_begin(id));
    nlohmann::json data = nlohmann::json(tinhgon::DecodeStoredRecord(doc.get_data()).value());
    CHECK(data["title"].get<std::string>().find("Đô Lương") != std::string::npos);
    bool has_district = false;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) has_district |= *t == "XD427";
    CHECK(has_district);  // Đô Lương
  }
  nlohmann::json page = nlohmann::json(tinhgon::DecodeStoredRecord(db.get_document(*db.postlist_begin("Qpage.html")).get_data()).value());
  CHECK(page["text"].get<std::string>().find("var x") == std::string::npos);      // no script
  CHECK(page["text"].get<std::string>().find("Trang chủ") == std::string::npos);  // no navigation
  CHECK(page["text"].get<std::string>().find("Bản quyền") == std::string::npos);  // no footer
  nlohmann::json damaged = nlohmann::json(tinhgon::DecodeStoredRecord(db.get_document(*db.postlist_begin("Qdamaged.txt")).get_data()).value());
  CHECK(damaged["invalid_utf8_sequences"] == 2);
  bool empty_reported = false, binary_reported = false;
  for (const auto& e : r.errors) {
    empty_reported |= e.source == "empty.txt";
    binary_reported |= e.source == "binary.txt" && e.message.find("binary") != std::string::npos;
  }
  CHECK(empty_reported);
  CHECK(binary_reported);
}

TEST_CASE("the seed reports are indexed with their places, agencies and events", "[indexer][seeds]") {
  auto seeds = tinhgon::testing::SeedFilesOrSkip();
  TempDir dir("index-seeds");
  IndexResult r = Index(dir, seeds.front().parent_path());
  CHECK(r.added == 5);
  Xapian::Database db = Open(dir);
  auto tagged = [&](const std::string& id, const std::string& term) {
    Xapian::Document doc = db.get_document(*db.postlist_begin("Q" + id));
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
      if (*t == term) return true;
    }
    return false;
  };
  CHECK(tagged("000_a30405da63cf1c7d.txt", "XP08"));   // Tuyên Quang
  CHECK(tagged("000_a30405da63cf1c7d.txt", "XEmerge"));
  CHECK(tagged("002_524a6950a5f32790.txt", "XP06"));   // Bắc Kạn
  CHECK(tagged("002_524a6950a5f32790.txt", "XN19"));   // → Thái Nguyên
  CHECK(tagged("002_524a6950a5f32790.txt", "XY2020"));
  CHECK(tagged("002_524a6950a5f32790.txt", "XEsplit"));
  CHECK(tagged("003_ef367c2ca78daa25.txt", "XD427"));  // Đô Lương
  CHECK(tagged("004_3584458c24a22a6d.txt", "XD200"));  // Đầm Hà
  CHECK(tagged("004_3584458c24a22a6d.txt", "XY2020"));
  CHECK(tagged("004_3584458c24a22a6d.txt", "XAban-dan-van"));
}

TEST_CASE("a rebuild builds beside the live index and swaps it in", "[indexer]") {
  TempDir dir("index-rebuild");
  WriteCorpus(dir);
  Index(dir, dir / "in");
  Xapian::Database before = Open(dir);  // a reader holding the old generation
  CHECK(before.get_doccount() == 4);
  std::filesystem::remove(dir / "in/c.jsonl");
  IndexOptions options;
  options.db = dir / "index";
  options.inputs = {(dir / "in").string()};
  options.rebuild = true;
  IndexResult r = RunIndex(options);
  CHECK(r.added == 2);
  CHECK(tinhgon::IndexStore::LiveGeneration(dir / "index").filename() == "gen-2");
  CHECK(std::filesystem::read_symlink(dir / "index/live") == "gen-2");  // the fixed name follows the stub
  CHECK(Xapian::Database((dir / "index/live").string()).get_doccount() == 2);
  CHECK(Open(dir).get_doccount() == 2);
  CHECK(before.get_doccount() == 4);  // the old generation is still there for it
  CHECK(before.term_exists("Qc-1"));
  // A second rebuild keeps only the live and the previous generation.
  RunIndex(options);
  CHECK_FALSE(std::filesystem::exists(dir / "index/gen-1"));
  CHECK(std::filesystem::exists(dir / "index/gen-2"));
  CHECK(std::filesystem::exists(dir / "index/gen-3"));
}
