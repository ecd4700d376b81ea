// The HTTP API on an ephemeral 127.0.0.1 port: every route and its errors.
#include <chrono>
#include <memory>
#include <set>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "index/index_store.h"
#include "indexer/indexer.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using nlohmann::json;
using tinhgon::testing::CheckError;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

// The index the shared server answers from.
class Server {
 public:
  Server() : dir_("server") {
    WriteFile(dir_ / "in/a.txt", "Bắc Kạn tách văn phòng\n20/11/2020\n\nHĐND tỉnh Bắc Kạn tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh.");
    WriteFile(dir_ / "in/sub/b.txt", "Đầm Hà giảm đầu mối\n28/07/2020\n\nHuyện Đầm Hà, tỉnh Quảng Ninh hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ, giảm 1 đầu mối.");
    tinhgon::testing::IndexInputs(dir_);
    server_ = std::make_unique<tinhgon::testing::TestServer>(dir_ / "index");
  }
  httplib::Result Get(const std::string& path) { return server_->Get(path); }

 private:
  TempDir dir_;
  std::unique_ptr<tinhgon::testing::TestServer> server_;
};

Server& Shared() {
  static Server server;
  return server;
}

}  // namespace

TEST_CASE("GET /api/search answers JSON with results and facets", "[server]") {
  auto r = Shared().Get("/api/search?q=hop+nhat&per_page=5");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->get_header_value("Access-Control-Allow-Origin") == "*");
  json body = json::parse(r->body);
  for (const char* key : {"query", "total", "page", "per_page", "sort", "filters", "results", "facets", "suggestion", "took_ms"}) {
    CHECK(body.contains(key));
  }
  REQUIRE(body["results"].size() >= 1);
  CHECK(body["results"][0]["id"] == "sub/b.txt");
}

TEST_CASE("filters repeat as OR and unknown parameters are ignored", "[server]") {
  json both = json::parse(Shared().Get("/api/search?province=bac+kan&province=22&colour=blue")->body);
  CHECK(both["total"] == 2);
  json one = json::parse(Shared().Get("/api/search?province=Qu%E1%BA%A3ng+Ninh")->body);
  CHECK(one["total"] == 1);
}

TEST_CASE("bad parameters are 400s with a reason", "[server]") {
  CheckError(Shared().Get("/api/search?per_page=abc"), 400, "invalid_per_page");
  CheckError(Shared().Get("/api/search?per_page=-1"), 400, "invalid_per_page");
  CheckError(Shared().Get("/api/search?page=999999999"), 400, "page_too_deep");
  CheckError(Shared().Get("/api/search?from=2021-01-01&to=2020-01-01"), 400, "invalid_date_range");
  CheckError(Shared().Get("/api/search?q=" + std::string(1200, 'a')), 400, "query_too_long");
  CheckError(Shared().Get("/api/search?sort=random"), 400, "invalid_sort");
}

TEST_CASE("documents by id, slashes included, unknown ids are 404", "[server]") {
  auto r = Shared().Get("/api/documents/sub/b.txt");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(json::parse(r->body)["title"] == "Đầm Hà giảm đầu mối");
  CheckError(Shared().Get("/api/documents/nope.txt"), 404, "not_found");
  CheckError(Shared().Get("/api/documents/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd"), 404, "not_found");
  CheckError(Shared().Get("/api/documents/" + std::string(1500, 'x')), 400, "invalid_id");
  auto similar = Shared().Get("/api/documents/a.txt/similar");
  REQUIRE(similar);
  CHECK(similar->status == 200);
  CheckError(Shared().Get("/api/documents/nope.txt/similar"), 404, "not_found");
}

TEST_CASE("CSV has a BOM and the same hits", "[server]") {
  auto r = Shared().Get("/api/search.csv?q=tach");
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.rfind("\xEF\xBB\xBF" "id,title,date", 0) == 0);
  CHECK(r->body.find("\"a.txt\",\"Bắc Kạn tách văn phòng\",\"2020-11-20\"") != std::string::npos);
}

TEST_CASE("facets, health, metrics and unknown routes", "[server]") {
  json facets = json::parse(Shared().Get("/api/facets")->body);
  CHECK(facets["total"] == 2);
  CHECK(facets["facets"]["province"].size() == 2);
  CHECK(facets["facets"]["district"].size() == 1);  // every district, no province selected
  json health = json::parse(Shared().Get("/healthz")->body);
  CHECK(health["documents"] == 2);
  Shared().Get("/api/search?q=x");
  std::string metrics = Shared().Get("/metrics")->body;
  CHECK(metrics.find("tinhgon_requests_total{route=\"/api/search\",status=\"200\"}") != std::string::npos);
  CHECK(metrics.find("tinhgon_request_duration_seconds_bucket") != std::string::npos);
  CHECK(metrics.find("tinhgon_documents 2") != std::string::npos);
  CheckError(Shared().Get("/no/such/route"), 404, "not_found");
}

TEST_CASE("a read replica is healthy once its first copy has arrived, not before", "[server][replica]") {
  // Before its first copy, xapian-replicate leaves an empty database behind
  // the stub: a balancer must not send searches there.
  TempDir dir("server-replica");
  const std::filesystem::path replica = dir / "replica";
  std::filesystem::create_directories(replica);
  Xapian::WritableDatabase((replica / "replica_0").string(), Xapian::DB_CREATE).commit();
  WriteFile(replica / "XAPIANDB", "# Automatically generated by Xapian::DatabaseReplica v1.4.22.\n"
                                  "# Do not manually edit - replication operations may regenerate this file.\n"
                                  "auto replica_0\n");
  tinhgon::testing::TestServer server(replica);
  CheckError(server.Get("/healthz"), 503, "index_unavailable");

  // The first copy: a tinhgon index written beside it, then the stub switched.
  WriteFile(dir / "in/a.txt", "Bắc Kạn tách văn phòng\n20/11/2020\n\nHĐND tỉnh Bắc Kạn tách Văn phòng HĐND và UBND tỉnh.");
  tinhgon::testing::IndexInputs(dir);
  std::filesystem::copy(tinhgon::IndexStore::LiveGeneration(dir / "index"), replica / "replica_1");
  WriteFile(replica / "XAPIANDB", "# banner\nauto replica_1\n");
  auto health = server.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(json::parse(health->body)["generation"] == "replica_1");
  CHECK(json::parse(server.Get("/api/search?q=b%E1%BA%AFc+k%E1%BA%A1n")->body)["total"] == 1);
}

TEST_CASE("the OpenAPI description matches what the routes return", "[server][openapi]") {
  json spec = json::parse(Shared().Get("/openapi.json")->body);
  CHECK(spec["openapi"] == "3.0.3");
  // Every documented route answers, and every field it marks required is there.
  const std::map<std::string, std::string> examples = {
      {"/api/search", "/api/search?q=tach"}, {"/api/documents/{id}", "/api/documents/a.txt"},
      {"/api/documents/{id}/similar", "/api/documents/a.txt/similar"}, {"/api/facets", "/api/facets"},
      {"/healthz", "/healthz"}, {"/api/compare", "/api/compare?place=province:06&place=province:22"}};
  for (const auto& [path, url] : examples) {
    INFO(path);
    REQUIRE(spec["paths"].contains(path));
    json schema = spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"];
    if (schema.contains("$ref")) schema = spec["components"]["schemas"][schema["$ref"].get<std::string>().substr(21)];
    json body = json::parse(Shared().Get(url)->body);
    for (const auto& key : schema.value("required", json::array())) CHECK(body.contains(key.get<std::string>()));
  }
  for (const char* path : {"/api/search.csv", "/api/search.atom", "/api/compare.csv", "/metrics", "/openapi.json"}) {
    CHECK(spec["paths"].contains(path));
  }
  // Every query parameter the search takes is documented, for its feed too.
  for (const char* route : {"/api/search", "/api/search.atom"}) {
    INFO(route);
    std::set<std::string> documented;
    for (const auto& p : spec["paths"][route]["get"]["parameters"]) documented.insert(p["name"]);
    for (const char* name : {"q", "province", "province_2025", "district", "commune", "commune_2025", "agency",
                             "event", "year", "from", "to", "sort", "page", "per_page"}) {
      CHECK(documented.count(name));
    }
  }
  // The error responses follow the documented Error schema.
  json error = json::parse(Shared().Get("/api/search?page=0")->body);
  CHECK(error["error"].contains("code"));
  CHECK(error["error"].contains("message"));
}

TEST_CASE("the web form searches, filters and escapes what users type", "[server][web]") {
  auto page = Shared().Get("/search?q=hop%20nhat");  // the test client would re-encode a +
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  std::string csp = page->get_header_value("Content-Security-Policy");
  CHECK(csp.find("default-src 'none'") != std::string::npos);
  CHECK(csp.find("script-src 'none'") != std::string::npos);  // no script is allowed at all
  CHECK(page->body.find("<mark>") != std::string::npos);
  CHECK(page->body.find("<script") == std::string::npos);
  // A facet link adds its filter; the page then shows it as a removable chip.
  std::size_t link = page->body.find("href=\"/search?q=hop%20nhat&amp;province=22\"");
  CHECK(link != std::string::npos);
  auto filtered = Shared().Get("/search?q=hop%20nhat&province=22");
  CHECK(filtered->body.find("class=\"chips\"") != std::string::npos);
  CHECK(filtered->body.find("Tỉnh (trước 2025): Quảng Ninh") != std::string::npos);

  auto hostile = Shared().Get("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E+%22%3E%3Cimg+onerror%3Dx%3E");
  REQUIRE(hostile);
  CHECK(hostile->body.find("<script>alert") == std::string::npos);
  CHECK(hostile->body.find("<img onerror") == std::string::npos);
  CHECK(hostile->body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);

  auto refused = Shared().Get("/search?page=0");
  CHECK(refused->status == 400);
  CHECK(refused->body.find("role=\"alert\"") != std::string::npos);
}

TEST_CASE("the document page shows metadata and text, unknown ids are 404", "[server][web]") {
  auto doc = Shared().Get("/documents/sub%2Fb.txt");
  REQUIRE(doc);
  CHECK(doc->status == 200);
  CHECK(doc->body.find("<h1>Đầm Hà giảm đầu mối</h1>") != std::string::npos);
  CHECK(doc->body.find(">Đầm Hà</a> (huyện), Quảng Ninh") != std::string::npos);  // a link to its reports
  CHECK(doc->body.find("Phòng Nội vụ") != std::string::npos);
  CHECK(Shared().Get("/documents/nope.txt")->status == 404);
  auto css = Shared().Get("/static/style.css");
  CHECK(css->status == 200);
  CHECK(css->get_header_value("Content-Type").find("text/css") == 0);
}

TEST_CASE("the web form says in Vietnamese what it searched for a mistyped word", "[server][web][typing]") {
  // 21 reports hold "huyện"; one holds "huyeb", a slip of it (b beside n):
  // far rarer, so searched as either, and the page says so.
  TempDir dir("server-typing");
  for (int i = 0; i < 21; ++i) {
    WriteFile(dir / ("in/h" + std::to_string(i) + ".txt"), "Tin số " + std::to_string(i) + "\n\nUBND huyện họp.");
  }
  WriteFile(dir / "in/slip.txt", "Tin gõ nhầm\n\nUBND huyeb họp.");
  tinhgon::testing::IndexInputs(dir);
  tinhgon::testing::TestServer server(dir / "index");
  auto api = server.Get("/api/search?q=huyeb");
  REQUIRE(api);
  json response = json::parse(api->body);
  REQUIRE(response["corrections"].size() == 1);
  CHECK(response["corrections"][0]["expanded"] == true);
  CHECK(response["corrections"][0]["to"] == "huyen");
  CHECK(response["searched_for"].is_null());  // the word itself is still searched
  CHECK(response["total"] == 22);
  // Typed with a capital, as a name or the first word of a sentence is.
  auto capital = server.Get("/api/search?q=Huyeb");
  REQUIRE(capital);
  CHECK(json::parse(capital->body)["total"] == 22);
  auto page = server.Get("/search?q=huyeb");
  REQUIRE(page);
  CHECK(page->body.find("Đã tìm cả «huyen» cho «huyeb».") != std::string::npos);
  auto telex = server.Get("/search?q=huyeenj");  // "huyện" in Telex
  REQUIRE(telex);
  CHECK(telex->body.find("Đã tìm «huyện» thay cho «huyeenj».") != std::string::npos);
}
