// The CSV export: every hit of a search (not one page), in the page's order,
// one row per report with Vietnamese labels beside codes and figures summed.
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/searcher.h"
#include "server/csv_export.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using nlohmann::json;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

constexpr int kReports = 150;  // more than a page can hold (100)

// 150 reports on staff cuts in Đầm Hà, one of them a merger with a target.
class ExportServer {
 public:
  ExportServer() : dir_("export") {
    for (int i = 0; i < kReports; ++i) {
      std::string day = std::to_string(1 + i % 28);
      std::string month = std::to_string(1 + i % 12);
      WriteFile(dir_ / "in" / ("r" + std::to_string(i) + ".txt"),
                "Đầm Hà giảm biên chế, báo cáo " + std::to_string(i) + "\n" + day + "/" + month + "/2020\n\n" +
                    "Huyện Đầm Hà, tỉnh Quảng Ninh giảm " + std::to_string(i + 1) + " biên chế trong năm 2020.");
    }
    WriteFile(dir_ / "in" / "merger.txt",
              "Đầm Hà hợp nhất văn phòng\n01/06/2021\n\nHuyện Đầm Hà, tỉnh Quảng Ninh hợp nhất Văn phòng Huyện ủy với "
              "Văn phòng HĐND và UBND huyện, giảm 4 biên chế. Đến năm 2025 sẽ giảm 10 biên chế.");
    tinhgon::testing::IndexInputs(dir_);
    server_ = std::make_unique<tinhgon::testing::TestServer>(dir_ / "index");
  }
  httplib::Result Get(const std::string& path) { return server_->Get(path); }
  std::filesystem::path index() const { return dir_ / "index"; }

 private:
  TempDir dir_;
  std::unique_ptr<tinhgon::testing::TestServer> server_;
};

ExportServer& Shared() {
  static ExportServer server;
  return server;
}

// The cells of a CSV line written by CsvRow: quoted cells hold no line
// breaks, and "" inside a quoted cell is one quote.
std::vector<std::string> Cells(const std::string& line) {
  std::vector<std::string> cells(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') cells.back() += '"', ++i;
    else if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cells.emplace_back();
    else cells.back() += c;
  }
  return cells;
}

// Header cell → value, for each data row.
std::vector<std::map<std::string, std::string>> Rows(const std::string& csv) {
  std::vector<std::string> lines;
  for (std::size_t start = 0, end; start < csv.size(); start = end + 2) {
    end = csv.find("\r\n", start);
    if (end == std::string::npos) end = csv.size();
    lines.push_back(csv.substr(start, end - start));
  }
  REQUIRE(!lines.empty());
  REQUIRE(lines[0].rfind("\xEF\xBB\xBF", 0) == 0);
  std::vector<std::string> header = Cells(lines[0].substr(3));
  std::vector<std::map<std::string, std::string>> rows;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    std::vector<std::string> cells = Cells(lines[i]);
    REQUIRE(cells.size() == header.size());
    std::map<std::string, std::string> row;
    for (std::size_t c = 0; c < header.size(); ++c) row[header[c]] = cells[c];
    rows.push_back(row);
  }
  return rows;
}

}  // namespace

TEST_CASE("the CSV export holds every hit, not a page, in the page's order", "[server][export]") {
  auto page = Shared().Get("/api/search?q=giam+bien+che&sort=date&per_page=10");
  REQUIRE(page);
  json response = json::parse(page->body);
  const std::size_t total = response["total"];
  REQUIRE(total == kReports + 1);
  auto csv = Shared().Get("/api/search.csv?q=giam+bien+che&sort=date&per_page=10&page=3");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->get_header_value("Content-Type") == "text/csv; charset=utf-8");
  CHECK(csv->get_header_value("X-Total-Count") == std::to_string(total));
  std::vector<std::map<std::string, std::string>> rows = Rows(csv->body);
  CHECK(rows.size() == total);
  for (std::size_t i = 0; i < 10; ++i) CHECK(rows[i]["id"] == response["results"][i]["id"]);
}

TEST_CASE("a CSV row gives labels beside codes, places, and figures summed", "[server][export]") {
  auto csv = Shared().Get("/api/search.csv?q=hop+nhat+van+phong");
  REQUIRE(csv);
  std::vector<std::map<std::string, std::string>> rows = Rows(csv->body);
  REQUIRE(rows.size() == 1);
  std::map<std::string, std::string>& row = rows[0];
  CHECK(row["id"] == "merger.txt");
  CHECK(row["date"] == "2021-06-01");
  CHECK(row["place"] == "Đầm Hà");
  CHECK(row["province"] == "Quảng Ninh");
  CHECK(row["events"] == "Hợp nhất");
  CHECK(row["event_codes"] == "merge");
  CHECK(row["staff_cut"] == "4");  // the 2025 target is not a cut made
  CHECK(row["figures"].find("(kế hoạch)") != std::string::npos);
  CHECK(row["places"].find("Đầm Hà") == 0);
}

TEST_CASE("the export is capped where pages stop, and refuses what a search refuses", "[server][export]") {
  tinhgon::Searcher searcher(Shared().index());
  tinhgon::SearchRequest request;
  request.q = "giảm biên chế";
  tinhgon::SearchResponse capped = searcher.Export(request, 7);
  CHECK(capped.results.size() == 7);
  CHECK(capped.total == kReports + 1);
  for (const tinhgon::Hit& hit : capped.results) CHECK(hit.snippet.html.empty());
  tinhgon::testing::CheckError(Shared().Get("/api/search.csv?from=2021-01-01&to=2020-01-01"), 400,
                               "invalid_date_range");
}

TEST_CASE("the export's total is the exact count a search gives, not an estimate", "[server][export]") {
  tinhgon::Searcher searcher(Shared().index());
  for (const char* q : {"giảm biên chế", "Đầm Hà giảm", "giảm biên chế 2020", "hợp nhất văn phòng", "giam bien che",
                        "năm 2020 OR văn phòng"}) {
    INFO(q);
    tinhgon::SearchRequest request;
    request.q = q;
    const std::size_t counted = searcher.Search(request).total;  // with facets: counted exactly
    CHECK(searcher.Export(request, 3).total == counted);
    CHECK(searcher.Export(request, 1).total == counted);
  }
}

TEST_CASE("a CSV cell never runs as a formula nor breaks a row", "[server][export]") {
  tinhgon::Hit hit;
  hit.report.id = "=cmd|' /C calc'!A0";
  hit.report.title = "a \"quoted\"\nline";
  std::string row = tinhgon::CsvRow(hit);
  CHECK(row.rfind("\"'=cmd", 0) == 0);
  CHECK(row.find("a \"\"quoted\"\" line") != std::string::npos);
  CHECK(row.find('\n') == row.size() - 1);
}
