// Broken and hostile input files: each is indexed sensibly or reported with a
// clear reason, and the good files beside it are always indexed.
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/stored_report.h"
#include "corpus/corpus_reader.h"
#include "indexer/indexer.h"
#include "tests/indexer/test_corpus.h"

using tinhgon::testing::Report;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

const std::string kSentence =
    "Ngày 1/3/2019, huyện Đầm Hà, tỉnh Quảng Ninh hợp nhất Văn phòng Huyện ủy với Văn phòng HĐND và UBND. ";

std::string ErrorFor(const tinhgon::IndexResult& result, const std::string& source) {
  for (const auto& e : result.errors) {
    if (e.source.rfind(source, 0) == 0) return e.message;
  }
  return std::string();
}

nlohmann::json Data(const Xapian::Database& db, const std::string& id) {
  Xapian::PostingIterator it = db.postlist_begin("Q" + id);
  REQUIRE(it != db.postlist_end("Q" + id));
  return nlohmann::json(tinhgon::DecodeStoredRecord(db.get_document(*it).get_data()).value());
}

}  // namespace

TEST_CASE("hostile files are indexed sensibly or reported, and the rest is indexed", "[indexer][hostile]") {
  TempDir dir("hostile-files");
  WriteFile(dir / "in/good.txt", Report("Đầm Hà hợp nhất văn phòng", kSentence));
  WriteFile(dir / "in/nul.txt", std::string("Báo cáo có NUL\n\nHuyện Đầm Hà\0 hợp nhất\0 văn phòng.", 62));
  WriteFile(dir / "in/empty.txt", "");
  {
    std::ofstream big(dir / "in/big.txt", std::ios::binary);
    const std::string line = kSentence + "\n";
    for (std::size_t written = 0; written < 50u * 1000 * 1000; written += line.size()) big << line;
  }
  std::string one_line = "Một dòng dài: ";
  while (one_line.size() < 1024 * 1024) one_line += kSentence;
  WriteFile(dir / "in/one-line.txt", one_line);
  std::string deep = "<html><body>";
  for (int i = 0; i < 20000; ++i) deep += "<div>";
  deep += "<p>Huyện Tiên Yên hợp nhất văn phòng</p>";
  for (int i = 0; i < 20000; ++i) deep += "</div>";
  WriteFile(dir / "in/deep.html", deep + "</body></html>");
  std::string unclosed = "<html><body><p>Huyện Ba Chẽ giải thể trạm";
  for (int i = 0; i < 20000; ++i) unclosed += "<b><i>";
  WriteFile(dir / "in/unclosed.html", unclosed);
  WriteFile(dir / "in/records.jsonl",
            "{\"id\": \"ok\", \"title\": \"Bình Liêu\", \"text\": \"Huyện Bình Liêu tinh gọn bộ máy.\"}\n"
            "{\"id\": \"huge\", \"text\": \"" + std::string(tinhgon::kMaxReportBytes + 1, 'a') + "\"}\n"
            "{broken\n"
            "\"a string\"\n"
            "{\"id\": \"no-text\"}\n");

  tinhgon::IndexOptions options;
  options.db = dir / "index";
  options.inputs = {(dir / "in").string()};
  tinhgon::IndexResult result = tinhgon::RunIndex(options);

  // Reported, each with its reason.
  CHECK(ErrorFor(result, "empty.txt").find("empty") != std::string::npos);
  CHECK(ErrorFor(result, "big.txt").find("too large: 50.0 MB") != std::string::npos);
  CHECK(ErrorFor(result, "records.jsonl:2").find("too large") != std::string::npos);
  CHECK(ErrorFor(result, "records.jsonl:3").find("not valid JSON") != std::string::npos);
  CHECK(ErrorFor(result, "records.jsonl:4").find("not a JSON object") != std::string::npos);
  CHECK(ErrorFor(result, "records.jsonl:5").find("missing 'text'") != std::string::npos);
  CHECK(result.failed == 6);

  // Indexed.
  Xapian::Database db((dir / "index").string());
  CHECK(db.get_doccount() == 6);
  CHECK(Data(db, "good.txt")["title"] == "Đầm Hà hợp nhất văn phòng");
  // Stray NULs are dropped, not taken for a binary file.
  std::string nul_text = Data(db, "nul.txt")["text"];
  CHECK(nul_text.find('\0') == std::string::npos);
  CHECK(nul_text.find("Đầm Hà") != std::string::npos);
  CHECK(db.term_exists("XD200"));  // Đầm Hà, found in the megabyte-long line too
  CHECK(Data(db, "one-line.txt")["localities"][0]["name"] == "Đầm Hà");
  // Text nested far deeper than a recursive walk could follow is kept.
  CHECK(Data(db, "deep.html")["text"].get<std::string>().find("Tiên Yên") != std::string::npos);
  CHECK(Data(db, "unclosed.html")["text"].get<std::string>().find("Ba Chẽ") != std::string::npos);
  CHECK(Data(db, "ok")["title"] == "Bình Liêu");
}
