// Writing through HTTP: off without a token, 401/403 with a wrong or missing
// one, and real changes to the index with the right one.
#include <string>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "index/index_store.h"
#include "indexer/indexer.h"
#include "server/write_token.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using nlohmann::json;
using tinhgon::testing::CheckError;
using tinhgon::testing::TempDir;
using tinhgon::testing::TestServer;
using tinhgon::testing::WriteFile;

namespace {

const std::string kToken = "s3cret-token-for-tests-0123456789";

httplib::Headers Bearer(const std::string& token) { return {{"Authorization", "Bearer " + token}}; }

std::string ReportJson(const std::string& id, const std::string& text) {
  return json{{"id", id}, {"title", "Sáp nhập phòng ban"}, {"text", text}, {"date", "2025-03-01"}}.dump();
}

std::size_t Total(const TestServer& server, const std::string& query) {
  auto r = server.Get("/api/search?q=" + query);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return json::parse(r->body)["total"].get<std::size_t>();
}

void IndexOneFile(const TempDir& dir) {
  WriteFile(dir / "in/a.txt", tinhgon::testing::Report("Bắc Kạn tách văn phòng", "HĐND tỉnh Bắc Kạn tách Văn phòng."));
  tinhgon::testing::IndexInputs(dir);
}

}  // namespace

TEST_CASE("writing is off unless a token is configured", "[server][write]") {
  TempDir dir("write-off");
  IndexOneFile(dir);
  TestServer server(dir / "index");
  auto client = server.Client();
  CheckError(client.Post("/api/documents", Bearer(kToken), ReportJson("x", "văn bản"), "application/json"), 403,
             "writes_disabled");
  CheckError(client.Delete("/api/documents/a.txt", Bearer(kToken)), 403, "writes_disabled");
  CHECK(Total(server, "tach") == 1);
}

TEST_CASE("writes need the right bearer token", "[server][write]") {
  TempDir dir("write-auth");
  IndexOneFile(dir);
  TestServer server(dir / "index", {kToken});
  auto client = server.Client();
  auto missing = client.Post("/api/documents", ReportJson("x", "văn bản"), "application/json");
  CheckError(missing, 401, "unauthorized");
  CHECK(missing->get_header_value("WWW-Authenticate") == "Bearer");
  CheckError(client.Post("/api/documents", {{"Authorization", "Basic " + kToken}}, ReportJson("x", "văn bản"),
                         "application/json"),
             401, "unauthorized");
  // Wrong tokens of every length, a prefix of the right one included.
  for (const std::string& wrong : {kToken.substr(0, 10), kToken + "x", std::string(kToken.size(), 'a')}) {
    CheckError(client.Post("/api/documents", Bearer(wrong), ReportJson("x", "văn bản"), "application/json"), 403,
               "forbidden");
    CheckError(client.Delete("/api/documents/a.txt", Bearer(wrong)), 403, "forbidden");
  }
  CHECK(Total(server, "tach") == 1);  // nothing was deleted
  // Reading needs no token.
  CHECK(server.Get("/api/documents/a.txt")->status == 200);
}

TEST_CASE("POST adds, replaces and leaves unchanged, DELETE removes", "[server][write]") {
  TempDir dir("write-ok");
  IndexOneFile(dir);
  TestServer server(dir / "index", {kToken});
  auto client = server.Client();

  auto added = client.Post("/api/documents", Bearer(kToken),
                           ReportJson("api-1", "UBND huyện Yên Thế hợp nhất Phòng Nội vụ với Phòng Lao động."),
                           "application/json");
  REQUIRE(added);
  CHECK(added->status == 201);
  CHECK(json::parse(added->body) == json{{"id", "api-1"}, {"result", "added"}});
  CHECK(Total(server, "%22hop%20nhat%20phong%20noi%20vu%22") == 1);  // searchable at once, without diacritics
  json document = json::parse(server.Get("/api/documents/api-1")->body);
  CHECK(document["date"] == "2025-03-01");
  CHECK(document["format"] == "api");

  auto same = client.Post("/api/documents", Bearer(kToken),
                          ReportJson("api-1", "UBND huyện Yên Thế hợp nhất Phòng Nội vụ với Phòng Lao động."),
                          "application/json");
  REQUIRE(same);
  CHECK(same->status == 200);
  CHECK(json::parse(same->body)["result"] == "unchanged");

  auto replaced = client.Post("/api/documents", Bearer(kToken),
                              ReportJson("api-1", "UBND huyện Yên Thế giải thể Trung tâm Văn hóa."), "application/json");
  REQUIRE(replaced);
  CHECK(replaced->status == 200);
  CHECK(json::parse(replaced->body)["result"] == "replaced");
  CHECK(Total(server, "%22hop%20nhat%20phong%20noi%20vu%22") == 0);
  CHECK(Total(server, "giai%20the") == 1);

  // A re-run of the indexer with --prune keeps what the API wrote: it has no file.
  tinhgon::IndexOptions prune;
  prune.db = dir / "index";
  prune.inputs = {(dir / "in").string()};
  prune.prune = true;
  CHECK(tinhgon::RunIndex(prune).removed == 0);
  CHECK(Total(server, "giai%20the") == 1);

  auto deleted = client.Delete("/api/documents/api-1", Bearer(kToken));
  REQUIRE(deleted);
  CHECK(deleted->status == 200);
  CHECK(json::parse(deleted->body)["result"] == "deleted");
  CHECK(Total(server, "giai%20the") == 0);
  CheckError(client.Delete("/api/documents/api-1", Bearer(kToken)), 404, "not_found");
  // Files indexed by tinhgon-index can be deleted too.
  CHECK(client.Delete("/api/documents/a.txt", Bearer(kToken))->status == 200);
  CHECK(Total(server, "tach") == 0);
}

TEST_CASE("a body that is not a report is refused and changes nothing", "[server][write]") {
  TempDir dir("write-bad");
  IndexOneFile(dir);
  TestServer server(dir / "index", {kToken});
  auto client = server.Client();
  for (const std::string& body : {std::string(), std::string("{"), std::string("[1,2]"), std::string("{\"id\":\"x\"}"),
                                  std::string("{\"id\":\"x\",\"text\":5}"), std::string("{\"text\":\"văn bản\"}"),
                                  std::string("{\"id\":\"x\",\"text\":\"a\",\"date\":\"2025-13-40\"}"),
                                  std::string("{\"id\":\"") + std::string(2000, 'x') + "\",\"text\":\"a\"}"}) {
    auto r = client.Post("/api/documents", Bearer(kToken), body, "application/json");
    REQUIRE(r);
    CHECK(r->status == 400);
    CHECK(json::parse(r->body).contains("error"));
  }
  CHECK(server.Get("/healthz") != nullptr);
  CHECK(json::parse(server.Get("/healthz")->body)["documents"] == 1);
}

TEST_CASE("a body over the size limit gets a 413 with a JSON error", "[server][write]") {
  TempDir dir("write-large");
  IndexOneFile(dir);
  TestServer server(dir / "index", {kToken});
  std::string body = ReportJson("big", std::string(9 * 1024 * 1024, 'a'));
  CheckError(server.Client().Post("/api/documents", Bearer(kToken), body, "application/json"), 413,
             "payload_too_large");
}

TEST_CASE("a write while another writer holds the index gets a 503 to retry", "[server][write]") {
  TempDir dir("write-busy");
  IndexOneFile(dir);
  TestServer server(dir / "index", {kToken});
  {
    tinhgon::IndexStore holder(dir / "index", /*rebuild=*/false);
    auto r = server.Client().Post("/api/documents", Bearer(kToken), ReportJson("x", "văn bản"), "application/json");
    CheckError(r, 503, "index_busy");
    CHECK(r->get_header_value("Retry-After") == "1");
  }
  auto r = server.Client().Post("/api/documents", Bearer(kToken), ReportJson("x", "văn bản"), "application/json");
  REQUIRE(r);
  CHECK(r->status == 201);
}

TEST_CASE("tokens compare by content, not by prefix", "[write]") {
  CHECK(tinhgon::SameToken("abcdef", "abcdef"));
  CHECK_FALSE(tinhgon::SameToken("abcde", "abcdef"));
  CHECK_FALSE(tinhgon::SameToken("abcdefg", "abcdef"));
  CHECK_FALSE(tinhgon::SameToken("abcdeF", "abcdef"));
  CHECK_FALSE(tinhgon::SameToken("", ""));
  CHECK(tinhgon::BearerToken("Bearer abc") == "abc");
  CHECK(tinhgon::BearerToken("bearer  abc ") == "abc");
  CHECK(tinhgon::BearerToken("Basic abc").empty());
  CHECK(tinhgon::BearerToken("Bearer").empty());
}

TEST_CASE("a token file must hold a long enough token", "[write]") {
  TempDir dir("token-file");
  WriteFile(dir / "short", "abc\n");
  WriteFile(dir / "empty", "\n");
  WriteFile(dir / "good", "  " + kToken + "\n");
  CHECK_THROWS_WITH(tinhgon::ReadWriteToken(dir / "short"), Catch::Contains("shorter than 16"));
  CHECK_THROWS_WITH(tinhgon::ReadWriteToken(dir / "empty"), Catch::Contains("shorter than 16"));
  CHECK_THROWS_WITH(tinhgon::ReadWriteToken(dir / "missing"), Catch::Contains("cannot read"));
  CHECK(tinhgon::ReadWriteToken(dir / "good") == kToken);
}
