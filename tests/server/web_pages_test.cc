// The web pages over the bundled sample corpus, as a reader meets them:
// Vietnamese errors that keep the form, dates typed the Vietnamese way,
// charts with their text alternatives, long facets folded, and a report's
// page with its links, its marked words and the way back.
#include <algorithm>
#include <filesystem>
#include <memory>
#include <string>

#include <catch2/catch.hpp>
#include <httplib.h>

#include "server/page_messages.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using tinhgon::testing::TempDir;

namespace {

class SampleServer {
 public:
  SampleServer() : dir_("web-pages") {
    std::filesystem::copy(TINHGON_SAMPLES_DIR, dir_ / "in", std::filesystem::copy_options::recursive);
    tinhgon::testing::IndexInputs(dir_);
    server_ = std::make_unique<tinhgon::testing::TestServer>(dir_ / "index");
  }
  httplib::Result Get(const std::string& path) { return server_->Get(path); }

 private:
  TempDir dir_;
  std::unique_ptr<tinhgon::testing::TestServer> server_;
};

SampleServer& Shared() {
  static SampleServer server;
  return server;
}

bool Has(const httplib::Result& r, const std::string& text) { return r && r->body.find(text) != std::string::npos; }

}  // namespace

TEST_CASE("a refused search says why in Vietnamese and keeps filters, dates and facets", "[server][web]") {
  auto page = Shared().Get("/search?q=v%C4%83n%20ph%C3%B2ng&province=06&from=01/01/2020&to=01/01/2019");
  REQUIRE(page);
  CHECK(page->status == 400);
  CHECK(Has(page, "Ngày bắt đầu (01/01/2020) sau ngày kết thúc (01/01/2019)"));
  CHECK_FALSE(Has(page, "is after"));
  CHECK(Has(page, "value=\"01/01/2020\""));
  CHECK(Has(page, "Tỉnh (trước 2025): Bắc Kạn"));  // the chip
  CHECK(Has(page, "class=\"facet\""));
  CHECK(Has(page, "class=\"hit\""));  // what could be searched is shown
  auto bad_date = Shared().Get("/search?from=32/13/2020");
  CHECK(Has(bad_date, "không phải là ngày"));
  auto deep = Shared().Get("/search?page=5000");
  CHECK(Has(deep, "Chỉ xem được 10000 kết quả đầu tiên"));
}

TEST_CASE("what a search did other than asked is said in Vietnamese on the page, in English by the API",
          "[server][web]") {
  // A quote left open: the words are searched, and the page says why.
  auto quote = Shared().Get("/search?q=%22v%C4%83n%20ph%C3%B2ng");
  REQUIRE(quote);
  CHECK(quote->status == 200);
  CHECK(Has(quote, "Đã bỏ qua cú pháp (thiếu dấu ngoặc kép đóng): đã tìm theo các từ."));
  CHECK_FALSE(Has(quote, "query syntax ignored"));
  auto api = Shared().Get("/api/search?q=%22v%C4%83n%20ph%C3%B2ng");
  REQUIRE(api);
  CHECK(nlohmann::json::parse(api->body)["warnings"][0] ==
        "query syntax ignored (unbalanced quotes): searched for the words");
  // A filter naming nothing, in the query or as a parameter.
  auto nowhere = Shared().Get("/search?q=tinh:Atlantis");
  CHECK(Has(nowhere, "Bộ lọc «Tỉnh (trước 2025)»: không có «Atlantis», nên không có báo cáo nào khớp với bộ lọc này."));
  CHECK_FALSE(Has(nowhere, "called"));
  CHECK(Has(Shared().Get("/search?year=20x5"), "«20x5» không phải là năm"));
  CHECK(Has(Shared().Get("/search?q=khong:ro"),
            "không có trường «khong»; các trường: tinh, tinh2025, huyen, xa, xa2025, coquan, sukien, nam, thang"));
  // A value typed with markup is shown as text.
  auto markup = Shared().Get("/search?q=tinh:%3Cb%3EX");
  CHECK(Has(markup, "«&lt;b&gt;X»"));
  CHECK_FALSE(Has(markup, "«<b>X»"));
}

TEST_CASE("words no report holds are named, one or several, as they were left out", "[server][web]") {
  CHECK(Has(Shared().Get("/search?q=xyzzyq%20h%E1%BB%A3p"), "Không báo cáo nào có từ «xyzzyq»: đã bỏ qua từ này."));
  CHECK(Has(Shared().Get("/search?q=xyzzyq%20qwzzkx%20h%E1%BB%A3p"),
            "Không báo cáo nào có các từ «xyzzyq», «qwzzkx»: đã bỏ qua các từ này."));
}

TEST_CASE("every warning a search gives has its Vietnamese words", "[server][web]") {
  using Code = tinhgon::Warning::Code;
  tinhgon::Warning cut(Code::kQueryCut);
  cut.count = 64;
  cut.of = 70;
  CHECK(tinhgon::WarningText(cut) == "Từ khóa có 70 từ: chỉ tìm theo 64 từ đầu tiên.");
  CHECK(tinhgon::WarningText(tinhgon::Warning(Code::kOtherSchema, "8")).find("lược đồ phiên bản «8»") !=
        std::string::npos);
  tinhgon::Warning shards(Code::kRelaxedOverShards);
  shards.count = 2;
  shards.of = 5;
  CHECK(tinhgon::WarningText(shards).find("chỉ yêu cầu 2 trong 5 từ") != std::string::npos);
  CHECK(tinhgon::WarningText(tinhgon::Warning(Code::kNotAMonth, "2025-13")) ==
        "«2025-13» không phải là tháng: hãy viết năm-tháng, ví dụ 2025-07.");
  // No code is left without words, nor worded in English.
  for (int c = 0; c <= static_cast<int>(Code::kRelaxedOverShards); ++c) {
    const std::string text = tinhgon::WarningText(tinhgon::Warning(static_cast<Code>(c), "x"));
    INFO(c);
    CHECK_FALSE(text.empty());
    CHECK(text != tinhgon::EnglishText(tinhgon::Warning(static_cast<Code>(c), "x")));
  }
}

TEST_CASE("a comparison gives the search's warnings once, not once per place", "[server][compare]") {
  auto api = Shared().Get("/api/compare?q=%22v%C4%83n&place=province:06&place=province:22&year=20x5");
  REQUIRE(api);
  REQUIRE(api->status == 200);
  nlohmann::json warnings = nlohmann::json::parse(api->body)["warnings"];
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0] == "query syntax ignored (unbalanced quotes): searched for the words");
  CHECK(warnings[1] == "year '20x5' is not four digits");
  auto page = Shared().Get("/compare?q=%22v%C4%83n&place=province:06&place=province:22&year=20x5");
  CHECK(Has(page, "thiếu dấu ngoặc kép đóng"));
  CHECK(Has(page, "«20x5» không phải là năm"));
}

TEST_CASE("dates are typed day/month/year and mean what the API's do", "[server][web]") {
  CHECK(tinhgon::IsoDate("1/7/2025") == "2025-07-01");
  CHECK(tinhgon::IsoDate("01/07/2025") == "2025-07-01");
  CHECK(tinhgon::IsoDate("2025-07-01") == "2025-07-01");
  CHECK(tinhgon::IsoDate("7/2025") == "7/2025");  // left for the search to refuse
  CHECK(tinhgon::FormDate("2025-07-01") == "01/07/2025");
  auto typed = Shared().Get("/search?from=01/01/2020&to=31/12/2020");
  auto iso = Shared().Get("/api/search?from=2020-01-01&to=2020-12-31");
  REQUIRE(typed);
  REQUIRE(iso);
  CHECK(typed->status == 200);
  std::string total = std::to_string(nlohmann::json::parse(iso->body)["total"].get<int>());
  CHECK(Has(typed, "class=\"summary\">" + total + " báo cáo"));
}

TEST_CASE("the results page: totals, exports, charts and folded facets", "[server][web]") {
  auto all = Shared().Get("/search");
  REQUIRE(all);
  CHECK(Has(all, "43 báo cáo (mọi báo cáo khớp bộ lọc)"));
  CHECK_FALSE(Has(all, "cho «»"));
  CHECK(Has(all, "href=\"/api/search.csv\""));
  CHECK(Has(all, "type=\"application/atom+xml\""));
  CHECK(Has(all, "<svg class=\"chart\" role=\"img\""));
  CHECK(Has(all, "<desc id=\"chart-time-desc\">Số báo cáo theo năm: "));
  CHECK(Has(all, "<caption>Số báo cáo theo năm</caption>"));
  CHECK(Has(all, "<details class=\"more\"><summary>Xem thêm"));  // ~45 agencies
  auto query = Shared().Get("/search?q=giam%20bien%20che&province=06&per_page=5&page=2");
  CHECK(Has(query, "href=\"/api/search.csv?province=06&amp;q=giam%20bien%20che\""));  // no paging
}

TEST_CASE("a report's page: labelled meta, links to its places and agencies, marked words, way back", "[server][web]") {
  auto doc = Shared().Get("/documents/kb-2019-001?q=v%C4%83n%20ph%C3%B2ng&back=%2Fsearch%3Fq%3Dvan");
  REQUIRE(doc);
  CHECK(doc->status == 200);
  CHECK(Has(doc, "Ngày đăng: 20/05/2019"));
  CHECK(Has(doc, "<mark>Văn</mark> <mark>phòng</mark>"));
  CHECK(Has(doc, "href=\"/search?q=van\">← Quay lại kết quả tìm kiếm"));
  CHECK(Has(doc, "<a href=\"/search?district="));
  CHECK(Has(doc, "<a href=\"/search?agency="));
  auto outward = Shared().Get("/documents/kb-2019-001?back=https%3A%2F%2Fevil.example%2F");
  CHECK_FALSE(Has(outward, "evil.example"));
  auto missing = Shared().Get("/documents/no-such-report");
  REQUIRE(missing);
  CHECK(missing->status == 404);
  CHECK(Has(missing, "<option value=\"relevance\" selected>Phù hợp nhất</option>"));
}

TEST_CASE("places compared side by side: API, CSV and page", "[server][compare]") {
  auto api = Shared().Get("/api/compare?place=B%E1%BA%AFc%20K%E1%BA%A1n&place=province:22&place=district:200");
  REQUIRE(api);
  REQUIRE(api->status == 200);
  nlohmann::json body = nlohmann::json::parse(api->body);
  REQUIRE(body["places"].size() == 3);
  CHECK(body["places"][0]["filter"] == "province");
  CHECK(body["places"][0]["label"] == "Bắc Kạn");
  CHECK(body["places"][1]["label"] == "Quảng Ninh");
  // Each place counts what the same filter finds on the results page.
  for (const auto& place : body["places"]) {
    auto search = Shared().Get("/api/search?" + place["filter"].get<std::string>() + "=" + place["value"].get<std::string>());
    REQUIRE(search);
    CHECK(nlohmann::json::parse(search->body)["total"] == place["total"]);
    CHECK(place["figures"]["reports_summed"] == place["total"]);
  }
  CHECK(body["places"][0]["events"]["merge"].get<int>() > 0);
  auto csv = Shared().Get("/api/compare.csv?place=province:06&place=province:22");
  REQUIRE(csv);
  CHECK(csv->body.rfind("\xEF\xBB\xBF" "place,filter,value,reports,merge,", 0) == 0);
  CHECK(std::count(csv->body.begin(), csv->body.end(), '\n') == 3);
  tinhgon::testing::CheckError(Shared().Get("/api/compare?place=province:06"), 400, "invalid_places");
  tinhgon::testing::CheckError(Shared().Get("/api/compare?place=06&place=Atlantis"), 400, "unknown_place");
  // A filter naming nothing is refused too, not counted as a place with no reports.
  tinhgon::testing::CheckError(Shared().Get("/api/compare?place=06&place=province:Atlantis"), 400, "unknown_place");
  tinhgon::testing::CheckError(Shared().Get("/api/compare?place=06&place=province:"), 400, "unknown_place");
  auto page = Shared().Get("/compare?q=&place=province:06&place=province:22");
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(Has(page, "<caption>Số báo cáo, sự kiện và số liệu theo địa bàn</caption>"));
  CHECK(Has(page, "Báo cáo nêu: Hợp nhất"));
  CHECK(Has(page, "<desc id=\"chart-compare-desc\">Số báo cáo theo địa bàn: Bắc Kạn: "));
  auto refused = Shared().Get("/compare?place=Atlantis&place=06");
  REQUIRE(refused);
  CHECK(refused->status == 400);
  CHECK(Has(refused, "Không có tỉnh, huyện hay xã nào tên «Atlantis»."));
  CHECK(Has(refused, "value=\"Atlantis\""));
}

namespace {

// The first link of `page` that starts with `prefix`, as a browser follows it.
std::string LinkStarting(const httplib::Result& page, const std::string& prefix) {
  if (!page) return "";
  std::size_t at = page->body.find("href=\"" + prefix);
  if (at == std::string::npos) return "";
  at += 6;
  std::string link = page->body.substr(at, page->body.find('"', at) - at);
  for (std::size_t amp; (amp = link.find("&amp;")) != std::string::npos;) link.replace(amp, 5, "&");
  return link;
}

}  // namespace

TEST_CASE("a page's links to the API give dates as the API reads them", "[server][web]") {
  auto page = Shared().Get("/search?q=s%C3%A1p%20nh%E1%BA%ADp&from=01/01/2019&to=31/12/2020");
  REQUIRE(page);
  REQUIRE(page->status == 200);
  for (const char* route : {"/api/search.csv?", "/api/search.atom?"}) {
    INFO(route);
    std::string link = LinkStarting(page, route);
    CHECK(link.find("from=2019-01-01") != std::string::npos);
    CHECK(link.find("to=2020-12-31") != std::string::npos);
    auto followed = Shared().Get(link);
    REQUIRE(followed);
    CHECK(followed->status == 200);
  }
  auto compared = Shared().Get("/compare?place=province:06&place=province:22&from=01/01/2019&to=31/12/2020");
  std::string csv = LinkStarting(compared, "/api/compare.csv?");
  CHECK(csv.find("from=2019-01-01") != std::string::npos);
  auto followed = Shared().Get(csv);
  REQUIRE(followed);
  CHECK(followed->status == 200);
}

TEST_CASE("a compared place links to the reports its column counts, and the form keeps the filters",
          "[server][compare]") {
  const std::string filters = "&event=merge&from=01/01/2019&to=31/12/2020";
  auto page = Shared().Get("/compare?q=&place=province:06&place=province:22" + filters);
  REQUIRE(page);
  REQUIRE(page->status == 200);
  CHECK(Has(page, "<input type=\"hidden\" name=\"event\" value=\"merge\">"));
  CHECK(Has(page, "<input type=\"hidden\" name=\"from\" value=\"01/01/2019\">"));
  nlohmann::json api = nlohmann::json::parse(
      Shared().Get("/api/compare?place=province:06&place=province:22&event=merge&from=2019-01-01&to=2020-12-31")->body);
  std::string link = LinkStarting(page, "/search?");
  CHECK(link.find("event=merge") != std::string::npos);
  CHECK(link.find("province=06") != std::string::npos);
  auto search = Shared().Get(link);
  REQUIRE(search);
  REQUIRE(search->status == 200);
  CHECK(Has(search, "class=\"summary\">" + std::to_string(api["places"][0]["total"].get<int>()) + " báo cáo"));
}

TEST_CASE("months list under a year, old communes under a district, and each filters", "[server][facets]") {
  auto year = Shared().Get("/api/search?year=2019&per_page=1");
  REQUIRE(year);
  nlohmann::json body = nlohmann::json::parse(year->body);
  const auto& months = body["facets"]["month"];
  REQUIRE(months.size() >= 2);
  CHECK(months[0]["value"] > months[1]["value"]);  // newest first
  CHECK(months[0]["label"] == months[0]["value"].get<std::string>().substr(4, 2) + "/2019");
  int sum = 0;
  for (const auto& m : months) sum += m["count"].get<int>();
  CHECK(sum == body["total"].get<int>());
  // A month's count is what its filter finds, written either way.
  const std::string value = months[0]["value"];
  for (const std::string& written : {value, value.substr(0, 4) + "-" + value.substr(4), value.substr(4) + "/" + value.substr(0, 4)}) {
    auto filtered = Shared().Get("/api/search?per_page=1&month=" + written);
    REQUIRE(filtered);
    CHECK(nlohmann::json::parse(filtered->body)["total"] == months[0]["count"]);
  }
  auto none = Shared().Get("/api/search?per_page=1");
  CHECK(nlohmann::json::parse(none->body)["facets"]["month"].empty());  // no year chosen: no months
  auto page = Shared().Get("/search?year=2019");
  CHECK(Has(page, "<desc id=\"chart-time-desc\">Số báo cáo theo tháng năm 2019: T1: "));
  // Hạ Long (193) holds the two wards a sample report merges.
  auto district = Shared().Get("/api/search?per_page=1&district=193");
  REQUIRE(district);
  nlohmann::json communes = nlohmann::json::parse(district->body)["facets"]["commune"];
  REQUIRE(communes.size() == 2);
  CHECK(communes[0]["label"] == "Hồng Hải");
  auto commune = Shared().Get("/api/search?per_page=1&commune=" + communes[0]["value"].get<std::string>());
  CHECK(nlohmann::json::parse(commune->body)["total"] == communes[0]["count"]);
  CHECK(nlohmann::json::parse(none->body)["facets"]["commune"].empty());
}
