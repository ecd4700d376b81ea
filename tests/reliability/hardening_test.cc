// The attacks of docs/RELIABILITY.md, each as a test: slow clients, costly
// queries, hostile numbers, ids and dates, wrong methods, and what the
// server says about itself (access log, analysis fingerprint).
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "analyzers/metadata/metadata_extractor.h"
#include "indexer/indexer.h"
#include "index/schema.h"
#include "server/http_api.h"
#include "server/http_errors.h"
#include "server/metrics.h"
#include "server/routes.h"
#include "server/searcher_pool.h"
#include "search/searcher.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using json = nlohmann::json;
using tinhgon::testing::Report;
using tinhgon::testing::TempDir;
using tinhgon::testing::TestServer;
using tinhgon::testing::WriteFile;
using Clock = std::chrono::steady_clock;

namespace {

struct Index {
  explicit Index(const std::string& extra_jsonl = "") : dir("hardening") {
    WriteFile(dir / "in/a.txt", Report("Bắc Kạn tách văn phòng", "HĐND tỉnh Bắc Kạn tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh."));
    WriteFile(dir / "in/b.txt", Report("Đầm Hà giảm đầu mối", "Huyện Đầm Hà, tỉnh Quảng Ninh hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ."));
    if (!extra_jsonl.empty()) WriteFile(dir / "in/c.jsonl", extra_jsonl);
    result = tinhgon::testing::IndexInputs(dir);
  }
  std::filesystem::path db() const { return dir / "index"; }
  TempDir dir;
  tinhgon::IndexResult result;
};

// A TCP connection to the server from `source` (any 127.x.y.z address:
// the whole 127.0.0.0/8 range is loopback), or -1.
int Connect(int port, const char* source = "127.0.0.1") {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  inet_pton(AF_INET, source, &from.sin_addr);
  if (std::string(source) != "127.0.0.1" && bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) {
    close(fd);
    return -1;
  }
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&to), sizeof to) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// True once the server has closed `fd` (or answered and closed it).
bool ClosedByServer(int fd) {
  pollfd p{fd, POLLIN, 0};
  if (poll(&p, 1, 0) <= 0) return false;
  char buffer[4096];
  ssize_t n = recv(fd, buffer, sizeof buffer, MSG_DONTWAIT);
  return n == 0 || (n < 0 && errno != EAGAIN);
}

std::string Json(const json& value) { return value.dump(); }

tinhgon::ApiOptions Writable() {
  tinhgon::ApiOptions api;
  api.write_token = "a-test-token-of-some-length";
  return api;
}

httplib::Headers Auth() { return {{"Authorization", "Bearer a-test-token-of-some-length"}}; }

}  // namespace

TEST_CASE("a request trickled in is dropped at its deadline, not at the client's pace", "[hardening][slow]") {
  Index index;
  tinhgon::ConnectionLimits limits;
  limits.request_timeout = std::chrono::seconds(1);
  TestServer server(index.db(), {}, 64, limits);
  int fd = Connect(server.port());
  REQUIRE(fd >= 0);
  send(fd, "GET /healthz HTTP/1.1\r\n", 23, MSG_NOSIGNAL);
  const Clock::time_point start = Clock::now();
  bool closed = false;
  // One header line every 300 ms: never silent long enough for a read timeout.
  for (int i = 0; i < 20 && !closed; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    closed = ClosedByServer(fd);
    if (!closed) send(fd, "X-A: b\r\n", 8, MSG_NOSIGNAL);
  }
  close(fd);
  CHECK(closed);
  CHECK(Clock::now() - start < std::chrono::seconds(4));
  CHECK(server.server().timed_out() >= 1);
}

TEST_CASE("300 slow clients leave normal requests answered within a second", "[hardening][slow]") {
  Index index;
  tinhgon::ConnectionLimits limits;
  limits.request_timeout = std::chrono::seconds(2);
  limits.max_per_client = 16;
  TestServer server(index.db(), {}, /*max_connections=*/256, limits);
  // 300 clients over 10 addresses (30 each, more than the cap of 16), each
  // sending one more header line every second and never finishing: without a
  // deadline each would hold a connection thread for as long as it likes.
  std::vector<int> slow;
  for (int c = 0; c < 300; ++c) {
    const std::string source = "127.0.0." + std::to_string(10 + c % 10);
    int fd = Connect(server.port(), source.c_str());
    if (fd < 0) continue;
    send(fd, "GET /api/search?q=hop HTTP/1.1\r\nHost: x\r\n", 41, MSG_NOSIGNAL);
    slow.push_back(fd);
  }
  REQUIRE(slow.size() == 300);
  const Clock::time_point start = Clock::now();
  int answered = 0, slow_answers = 0;
  std::vector<bool> closed(slow.size(), false);
  for (int round = 0; Clock::now() - start < std::chrono::seconds(6) && round < 600; ++round) {
    // Normal requests, from another address, each on a new connection.
    const Clock::time_point asked = Clock::now();
    auto r = server.Get("/api/search?q=h%E1%BB%A3p%20nh%E1%BA%A5t");
    const auto took = Clock::now() - asked;
    REQUIRE(r);
    CHECK(r->status == 200);
    ++answered;
    if (took > std::chrono::seconds(1)) ++slow_answers;
    for (std::size_t i = 0; i < slow.size(); ++i) {
      if (closed[i]) continue;
      if (ClosedByServer(slow[i])) {
        closed[i] = true;
      } else if (round % 5 == 0) {
        send(slow[i], "X-More: 1\r\n", 11, MSG_NOSIGNAL);
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
  for (int fd : slow) close(fd);
  std::printf("normal requests: %d answered, %d over a second; slow clients: %llu refused, %llu dropped at the deadline\n",
              answered, slow_answers, server.server().refused(), server.server().timed_out());
  CHECK(answered >= 10);
  CHECK(slow_answers == 0);
  // Over the cap, refused at once; under it, dropped at the deadline.
  CHECK(server.server().refused() >= 100);
  CHECK(server.server().timed_out() >= 100);
  CHECK(server.server().refused() + server.server().timed_out() >= 300);  // none of them is held still
  CHECK(server.Get("/healthz")->status == 200);
}

TEST_CASE("one address holds at most its cap of connections, one more gets a 429 with a JSON body", "[hardening]") {
  Index index;
  tinhgon::ConnectionLimits limits;
  limits.max_per_client = 4;
  TestServer server(index.db(), {}, 64, limits);
  std::vector<int> held;
  for (int i = 0; i < 4; ++i) held.push_back(Connect(server.port(), "127.0.0.7"));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));  // accepted and counted
  int extra = Connect(server.port(), "127.0.0.7");
  REQUIRE(extra >= 0);
  std::string received;
  char buffer[4096];
  timeval timeout{3, 0};
  setsockopt(extra, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  for (ssize_t n; (n = recv(extra, buffer, sizeof buffer, 0)) > 0;) received.append(buffer, static_cast<std::size_t>(n));
  close(extra);
  CHECK(received.rfind("HTTP/1.1 429", 0) == 0);
  json body = json::parse(received.substr(received.find("\r\n\r\n") + 4), nullptr, false);
  REQUIRE_FALSE(body.is_discarded());
  CHECK(body["error"]["code"] == "too_many_connections");
  // Other addresses are not affected, and a closed connection frees its place.
  CHECK(server.Get("/healthz")->status == 200);
  for (int fd : held) close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int again = Connect(server.port(), "127.0.0.7");
  send(again, "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", 54, MSG_NOSIGNAL);
  received.clear();
  setsockopt(again, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  for (ssize_t n; (n = recv(again, buffer, sizeof buffer, 0)) > 0;) received.append(buffer, static_cast<std::size_t>(n));
  close(again);
  CHECK(received.rfind("HTTP/1.1 200", 0) == 0);
}

TEST_CASE("a query of many short words is cut to the word budget with a warning, and still answered", "[hardening]") {
  Index index;
  tinhgon::Searcher searcher(index.db());
  tinhgon::SearchRequest request;
  for (int i = 0; request.q.size() < 990; ++i) request.q += std::string(1, "aeiouy"[i % 6]) + " ";
  tinhgon::SearchResponse response = searcher.Search(request);
  REQUIRE(response.warnings.size() == 1);
  CHECK(response.warnings[0].code == tinhgon::Warning::Code::kQueryCut);
  CHECK(response.warnings[0].count == tinhgon::kMaxQueryWords);
  CHECK(tinhgon::EnglishText(response.warnings[0]).find("words") != std::string::npos);
  // 334 characters of three bytes each are within the 1,000-character limit.
  request.q.clear();
  for (int i = 0; i < 334; ++i) request.q += "ệ";
  CHECK_NOTHROW(searcher.Search(request));
  request.q = std::string(1001, 'a');
  CHECK_THROWS_AS(searcher.Search(request), tinhgon::SearchError);
}

TEST_CASE("suggestions come from the per-revision table: one look-up per word", "[hardening][suggest]") {
  Index index;
  Xapian::Database db(index.db().string());
  tinhgon::SuggestionTable table(db);
  CHECK(table.Best("van") == "văn");
  CHECK(table.Best("phong") == "phòng");
  CHECK(table.Best("zzz").empty());
  tinhgon::Searcher searcher(index.db());
  tinhgon::SearchRequest request;
  request.q = "tach van phong zzzz";  // few hits: a suggestion is offered
  CHECK(searcher.Search(request).suggestion == "tách văn phòng zzzz");
}

TEST_CASE("a figure of hundreds of digits is no figure, and nothing aborts", "[hardening][numbers]") {
  tinhgon::MetadataExtractor extractor;
  const std::string text = "Huyện Đầm Hà giảm " + std::string(400, '9') + " đầu mối và giảm 1" + std::string(30, '0') +
                           " biên chế.\nTỉnh giảm 12 đầu mối.";
  tinhgon::ReportMetadata m;
  REQUIRE_NOTHROW(m = extractor.Extract(text));
  for (const auto& f : m.figures) CHECK(f.value < 1e16);

  Index index;
  TestServer server(index.db(), Writable());
  auto r = server.Client().Post("/api/documents", Auth(),
                                Json({{"id", "long-number"}, {"title", "Giảm đầu mối"}, {"text", text}}),
                                "application/json");
  REQUIRE(r);
  CHECK(r->status == 201);
}

TEST_CASE("ids up to 1,000 characters of any length in bytes are stored, read and deleted", "[hardening][ids]") {
  std::string long_id;
  for (int i = 0; i < 400; ++i) long_id += "ệ";  // 1,200 bytes: far past Xapian's 245-byte terms
  const std::string jsonl = Json({{"id", long_id}, {"title", "Hợp nhất"}, {"text", "Hợp nhất văn phòng."}}) + "\n" +
                            Json({{"id", "short"}, {"title", "Giải thể"}, {"text", "Giải thể trung tâm."}}) + "\n" +
                            Json({{"id", "bad\nid"}, {"text", "x"}}) + "\n" +
                            Json({{"id", "d"}, {"date", "2021-02-30"}, {"text", "x"}}) + "\n";
  Index index(jsonl);
  CHECK(index.result.added == 4);  // a.txt, b.txt, the long id and "short": the bad lines cost nothing else
  CHECK(index.result.failed == 2);
  TestServer server(index.db(), Writable());
  auto got = server.Get("/api/documents/" + httplib::detail::encode_query_param(long_id));
  REQUIRE(got);
  CHECK(got->status == 200);
  CHECK(json::parse(got->body)["id"] == long_id);

  std::string other = std::string(300, 'x');
  auto posted = server.Client().Post("/api/documents", Auth(), Json({{"id", other}, {"text", "Sáp nhập xã."}}),
                                     "application/json");
  REQUIRE(posted);
  CHECK(posted->status == 201);
  auto deleted = server.Client().Delete(("/api/documents/" + other).c_str(), Auth());
  REQUIRE(deleted);
  CHECK(deleted->status == 200);
  CHECK(server.Get("/api/documents/" + other)->status == 404);
  // Ids that could not be read back are refused with a reason.
  for (const std::string& bad : {std::string(1001, 'y'), std::string("a\nb"), std::string("x/similar")}) {
    INFO(bad.substr(0, 20));
    auto refused = server.Client().Post("/api/documents", Auth(), Json({{"id", bad}, {"text", "Sáp nhập."}}),
                                        "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 400);
  }
  auto late = server.Client().Post("/api/documents", Auth(),
                                   Json({{"id", "late"}, {"date", "2021-02-30"}, {"text", "Sáp nhập."}}), "application/json");
  REQUIRE(late);
  CHECK(late->status == 400);
}

TEST_CASE("wrong methods get 405 with Allow, OPTIONS and HEAD are answered", "[hardening][methods]") {
  Index index;
  TestServer server(index.db());
  httplib::Client client = server.Client();
  auto put = client.Put("/api/search", "x", "text/plain");
  REQUIRE(put);
  CHECK(put->status == 405);
  CHECK(put->get_header_value("Allow").find("GET") != std::string::npos);
  CHECK(json::parse(put->body)["error"]["code"] == "method_not_allowed");
  auto post = client.Post("/healthz", "", "text/plain");
  REQUIRE(post);
  CHECK(post->status == 405);
  auto del = client.Delete("/search");
  REQUIRE(del);
  CHECK(del->status == 405);
  auto options = client.Options("/api/documents");
  REQUIRE(options);
  CHECK(options->status == 204);
  CHECK(options->get_header_value("Access-Control-Allow-Origin") == "*");
  CHECK(options->get_header_value("Access-Control-Allow-Methods").find("POST") != std::string::npos);
  CHECK(options->get_header_value("Access-Control-Allow-Headers").find("Authorization") != std::string::npos);
  auto head = client.Head("/api/search?q=van");
  REQUIRE(head);
  CHECK(head->status == 200);
  CHECK(head->body.empty());
  CHECK(server.Get("/favicon.ico")->status == 204);
}

TEST_CASE("a bug is a 500 with an error id, an unreadable index a 503", "[hardening][errors]") {
  auto failure = [](auto thrower) {
    try {
      thrower();
    } catch (...) {
      return tinhgon::CurrentFailure("GET /test");
    }
    return tinhgon::Failure{};
  };
  tinhgon::Failure bug = failure([] { throw std::logic_error("a bug"); });
  CHECK(bug.status == 500);
  CHECK_FALSE(bug.error_id.empty());
  CHECK(bug.message.find(bug.error_id) != std::string::npos);
  CHECK(bug.message.find("a bug") == std::string::npos);  // the details go to the log only
  CHECK(failure([] { throw Xapian::DatabaseCorruptError("broken"); }).status == 503);
  CHECK(failure([] { throw Xapian::InvalidArgumentError("bad"); }).status == 500);
  CHECK(failure([] { throw tinhgon::IndexUnavailableError("gone"); }).status == 503);
  CHECK(failure([] { throw tinhgon::SearchError("invalid_sort", "x"); }).status == 400);

  // An index that disappears under the server: 503, not 500, and not a crash.
  Index index;
  TestServer server(index.db());
  CHECK(server.Get("/healthz")->status == 200);
  std::filesystem::remove(index.db() / tinhgon::schema::kStubFile);
  auto health = server.Get("/healthz");
  REQUIRE(health);
  CHECK(health->status == 503);
  CHECK(json::parse(health->body)["error"]["code"] == "index_unavailable");
}

TEST_CASE("CSV cells a spreadsheet would run as formulas are neutralized", "[hardening][csv]") {
  Index index(Json({{"id", "f"}, {"title", "=HYPERLINK(\"http://x\") sáp nhập"}, {"text", "Sáp nhập xã."}}) + "\n");
  TestServer server(index.db());
  auto csv = server.Get("/api/search.csv?q=s%C3%A1p%20nh%E1%BA%ADp");
  REQUIRE(csv);
  CHECK(csv->status == 200);
  CHECK(csv->body.find("\"'=HYPERLINK") != std::string::npos);
  CHECK(csv->body.find(",\"=HYPERLINK") == std::string::npos);
}

TEST_CASE("every request leaves one access log line", "[hardening][log]") {
  Index index;
  TempDir logs("access-log");
  tinhgon::ServiceOptions options;
  options.db = index.db();
  options.access_log = (logs / "access.log").string();
  {
    tinhgon::Service service(options);
    int port = service.Bind("127.0.0.1", 0);
    std::thread thread([&] { service.Listen(); });
    for (int i = 0; i < 5000 && !service.running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    httplib::Client client("127.0.0.1", port);
    CHECK(client.Get("/healthz")->status == 200);
    CHECK(client.Get("/nope")->status == 404);
    service.Stop();
    thread.join();
  }
  std::ifstream in(logs / "access.log");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  REQUIRE(lines.size() == 2);
  // A line is written once its answer is sent, on its connection's thread:
  // the two may land in either order.
  std::sort(lines.begin(), lines.end(), [](const std::string& a, const std::string& b) {
    return a.find("/healthz") != std::string::npos && b.find("/healthz") == std::string::npos;
  });
  CHECK(lines[0].find("127.0.0.1 GET /healthz 200 ") != std::string::npos);
  CHECK(lines[0].find("ms") != std::string::npos);
  CHECK(lines[1].find("GET /nope 404") != std::string::npos);
}

TEST_CASE("an index written by another analysis chain is analyzed again and reported", "[hardening][fingerprint]") {
  Index index;
  {
    Xapian::WritableDatabase db(tinhgon::schema::LiveGeneration(index.db()).string(), Xapian::DB_OPEN);
    CHECK(db.get_metadata(std::string(tinhgon::schema::kAnalysisKey)) == tinhgon::AnalysisFingerprint());
    db.set_metadata(std::string(tinhgon::schema::kAnalysisKey), "another-chain");
    db.commit();
  }
  {
    TestServer server(index.db());
    json health = json::parse(server.Get("/healthz")->body);
    CHECK(health["analysis"]["current"] == false);
    CHECK(health["analysis"]["index"] == "another-chain");
  }
  tinhgon::IndexResult again = tinhgon::testing::IndexInputs(index.dir);
  CHECK(again.unchanged == 0);
  CHECK(again.updated == 2);
  tinhgon::IndexResult third = tinhgon::testing::IndexInputs(index.dir);
  CHECK(third.unchanged == 2);  // written by this chain now: skipped
  TestServer server(index.db());
  CHECK(json::parse(server.Get("/healthz")->body)["analysis"]["current"] == true);
}

TEST_CASE("an index written with another schema still answers, and every search and /healthz say so",
          "[hardening][schema]") {
  Index index;
  auto set_schema = [&](const std::string& version) {
    Xapian::WritableDatabase db(tinhgon::schema::LiveGeneration(index.db()).string(), Xapian::DB_OPEN);
    db.set_metadata(std::string(tinhgon::schema::kVersionKey), version);
    db.commit();
  };
  set_schema("8");
  TestServer server(index.db());
  json health = json::parse(server.Get("/healthz")->body);
  CHECK(health["schema"]["current"] == false);
  CHECK(health["schema"]["index"] == "8");
  CHECK(health["schema"]["server"] == std::string(tinhgon::schema::kVersion));
  auto stale = server.Get("/api/search?q=van");
  REQUIRE(stale);
  CHECK(stale->status == 200);
  json body = json::parse(stale->body);
  CHECK(body["total"].get<int>() > 0);
  REQUIRE(body["warnings"].size() == 1);
  CHECK(body["warnings"][0].get<std::string>().find("schema version 8") != std::string::npos);
  CHECK(body["warnings"][0].get<std::string>().find("--rebuild") != std::string::npos);
  set_schema(std::string(tinhgon::schema::kVersion));  // the same searchers move to the new revision
  auto current = server.Get("/api/search?q=van");
  REQUIRE(current);
  CHECK(json::parse(current->body)["warnings"].empty());
  CHECK(json::parse(server.Get("/healthz")->body)["schema"]["current"] == true);
}

TEST_CASE("/healthz answers while every searcher is in use", "[hardening][health]") {
  Index index;
  tinhgon::SearcherPool pool(index.db(), 1);
  tinhgon::Metrics metrics;
  httplib::Server server;
  tinhgon::Routes routes(&server);
  tinhgon::RegisterApi(&routes, &pool, index.db(), &metrics);
  routes.Finish();
  const int port = server.bind_to_any_port("127.0.0.1");
  std::thread thread([&] { server.listen_after_bind(); });
  for (int i = 0; i < 5000 && !server.is_running(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  {
    tinhgon::SearcherPool::Lease busy = pool.Acquire();  // the only searcher, held as a long search would
    httplib::Client client("127.0.0.1", port);
    client.set_read_timeout(3, 0);
    auto health = client.Get("/healthz");
    REQUIRE(health);
    CHECK(health->status == 200);
    CHECK(json::parse(health->body)["documents"] == 2);
  }
  server.stop();
  thread.join();
}
