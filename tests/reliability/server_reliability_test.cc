// The server under hostile requests, slow clients and an index that changes
// while it answers: every answer is a 2xx or a 4xx with a JSON error body
// (an HTML page for the web form), never a 5xx, a crash or a hang.
#include <atomic>
#include <chrono>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "indexer/indexer.h"
#include "server/connection_pool.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using nlohmann::json;
using tinhgon::testing::Report;
using tinhgon::testing::TempDir;
using tinhgon::testing::TestServer;
using tinhgon::testing::WriteFile;

namespace {

struct Index {
  Index() : dir("reliability") {
    WriteFile(dir / "in/a.txt", Report("Bắc Kạn tách văn phòng", "HĐND tỉnh Bắc Kạn tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh."));
    WriteFile(dir / "in/b.txt", Report("Đầm Hà giảm đầu mối", "Huyện Đầm Hà, tỉnh Quảng Ninh hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ."));
    tinhgon::testing::IndexInputs(dir);
  }
  TempDir dir;
};

// Sends raw bytes on a new connection and returns the status line's code, or
// 0 when the server closed the connection (or stayed silent for 10 s) without answering.
int RawRequest(int port, const std::string& bytes, std::string* response = nullptr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  timeval timeout{10, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
  std::string received;
  char buffer[4096];
  // Up to the end of the headers: after an error httplib may keep the
  // connection open until its read timeout.
  for (ssize_t n; received.find("\r\n\r\n") == std::string::npos && (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) {
    received.append(buffer, static_cast<std::size_t>(n));
  }
  close(fd);
  if (response != nullptr) *response = received;
  if (received.rfind("HTTP/1.1 ", 0) != 0) return 0;
  return std::stoi(received.substr(9, 3));
}

}  // namespace

TEST_CASE("hostile queries get a clear error or a sensible empty result", "[server][hostile]") {
  Index index;
  TestServer server(index.dir / "index");
  // Each target, and the status it must get.
  const std::vector<std::pair<std::string, int>> cases = {
      {"/api/search?q=" + std::string(1500, 'x'), 400},                       // over 1,000 characters
      {"/api/search?q=" + std::string(999, 'a'), 200},                        // just under
      {"/api/search?q=AND%20OR%20NOT%20(%20)%20%22%20-%20%2B", 200},          // only operators
      {"/api/search?q=%22hop%20nhat", 200},                                   // unbalanced quote
      {"/api/search?q=((hop%20nhat", 200},                                    // unbalanced parentheses
      {"/api/search?q=hop)%20nhat))", 200},
      {"/api/search?q=hop%00nhat%01%02%1B%7F", 200},                          // NUL and control characters
      {"/api/search?q=%ZZ%41", 200},                                          // broken percent-encoding
      {"/api/search?q=%ZZ%E0%A4%", 400},                                      // ... that decodes to invalid UTF-8
      {"/api/search?q=%C3%28%FF%FE", 400},
      {"/api/search?province=%FF", 400},
      {"/api/search?%FF=%FF", 200},                                           // an unknown name is ignored
      {"/api/search?page=999999999", 400},
      {"/api/search?page=-5", 400},
      {"/api/search?page=abc", 400},
      {"/api/search?page=1e3", 400},
      {"/api/search?per_page=0", 400},
      {"/api/search?per_page=99999999999999999999", 400},
      {"/api/search?from=2021-01-01&to=2020-01-01", 400},                     // from after to
      {"/api/search?from=yesterday", 400},
      {"/api/search?from=2021-02-30", 400},                                   // a day that does not exist
      {"/api/search?to=2023-02-29", 400},
      {"/api/search?from=2024-02-29", 200},                                   // a leap day does
      {"/api/search?nonsense=1&filter[x]=2", 200},                            // unknown parameters
      {"/api/search?province=Atlantis", 200},                                 // a place that does not exist
      {"/api/search?year=abcd", 200},
      {"/api/search?q=tinh:Atlantis%20huyen:", 200},
      {"/api/documents/..%2F..%2Fetc%2Fpasswd", 404},                         // traversal, encoded
      {"/api/documents/../../etc/passwd", 404},
      {"/api/documents/a.txt%2F..%2Fb.txt", 404},                             // encoded slashes
      {"/api/documents/" + std::string(5000, 'x'), 400},                      // a very long id
      {"/api/documents/%00", 400},                                            // an id that could never be stored
      {"/api/documents/%FF%FE", 400},
      {"/static/../../etc/passwd", 404},                                      // no file serving
      {"/static/", 404},
      {"/etc/passwd", 404},
  };
  for (const auto& [target, status] : cases) {
    INFO(target.substr(0, 120));
    auto r = server.Get(target);
    REQUIRE(r);
    CHECK(r->status == status);
    if (target.rfind("/api/", 0) == 0 || status == 404) {
      json body = json::parse(r->body, nullptr, false);
      REQUIRE_FALSE(body.is_discarded());
      if (status != 200) CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
      if (status == 200) CHECK(body["total"].is_number());
    }
    // The same query through the web form: a page, never a server error.
    if (target.rfind("/api/search?", 0) == 0) {
      auto page = server.Get("/search?" + target.substr(std::string("/api/search?").size()));
      REQUIRE(page);
      CHECK(page->status < 500);
      CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
    }
  }
  // A place that does not exist: empty, and the answer says why.
  json atlantis = json::parse(server.Get("/api/search?province=Atlantis")->body);
  CHECK(atlantis["total"] == 0);
  CHECK_FALSE(atlantis["warnings"].empty());
}

TEST_CASE("malformed requests and oversized URLs or headers are refused", "[server][hostile]") {
  Index index;
  TestServer server(index.dir / "index");
  CHECK(RawRequest(server.port(), "GET /api/search?q=" + std::string(9000, 'a') + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") == 414);
  CHECK(RawRequest(server.port(), "GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n") == 400);
  CHECK(RawRequest(server.port(), "NONSENSE\r\n\r\n") == 400);
  const int negative_length = RawRequest(server.port(), "GET /api/search HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: -1\r\n\r\n");
  CHECK(negative_length > 0);
  CHECK(negative_length < 500);
  std::string response;
  CHECK(RawRequest(server.port(), "POST /api/documents HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 99999999999\r\n\r\n",
                   &response) == 413);
  // None of it disturbed the server.
  CHECK(server.Get("/healthz")->status == 200);
}

TEST_CASE("HTML pages carry the security headers", "[server][hostile]") {
  Index index;
  TestServer server(index.dir / "index");
  for (const char* target : {"/", "/search?q=%3Cscript%3E", "/documents/a.txt", "/documents/nope"}) {
    INFO(target);
    auto r = server.Get(target);
    REQUIRE(r);
    const std::string csp = r->get_header_value("Content-Security-Policy");
    CHECK(csp.find("script-src 'none'") != std::string::npos);
    CHECK(csp.find("frame-ancestors 'none'") != std::string::npos);
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(r->body.find("<script>") == std::string::npos);
  }
}

TEST_CASE("the connection pool runs connections at once up to its limit", "[server][connections]") {
  tinhgon::ConnectionPool pool(3);
  std::atomic<int> running{0}, most{0}, done{0};
  std::atomic<bool> release{false};
  for (int i = 0; i < 5; ++i) {
    pool.enqueue([&] {
      int now = ++running;
      for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {
      }
      while (!release) std::this_thread::sleep_for(std::chrono::milliseconds(1));
      --running;
      ++done;
    });
  }
  for (int i = 0; i < 2000 && running < 3; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(running == 3);  // three at once, the other two wait
  release = true;
  pool.shutdown();
  CHECK(done == 5);  // the waiting ones ran too
  CHECK(most == 3);
}

TEST_CASE("slow clients do not starve the others", "[server][connections]") {
  Index index;
  TestServer server(index.dir / "index", {}, /*max_connections=*/64);
  // More trickling clients than a fixed pool of one thread per core would
  // have: each sends a byte of its request line every 500 ms for 3 s.
  std::atomic<bool> stop{false};
  std::vector<std::thread> slow;
  for (int c = 0; c < 16; ++c) {
    slow.emplace_back([&] {
      int fd = socket(AF_INET, SOCK_STREAM, 0);
      // From another loopback address than the normal requests: one address
      // may hold only 16 connections, and these 16 hold them all.
      sockaddr_in from{};
      from.sin_family = AF_INET;
      inet_pton(AF_INET, "127.0.0.2", &from.sin_addr);
      if (bind(fd, reinterpret_cast<sockaddr*>(&from), sizeof from) != 0) return;
      sockaddr_in address{};
      address.sin_family = AF_INET;
      address.sin_port = htons(static_cast<uint16_t>(server.port()));
      inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
      if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
      const std::string request = "GET /api/search?q=hop HTTP/1.1\r\n";
      for (std::size_t i = 0; i < request.size() && i < 6 && !stop; ++i) {
        send(fd, &request[i], 1, MSG_NOSIGNAL);
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      }
      close(fd);
    });
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  // Meanwhile normal requests are answered promptly.
  for (int i = 0; i < 20; ++i) {
    auto start = std::chrono::steady_clock::now();
    auto r = server.Get("/api/search?q=hop%20nhat");
    auto took = std::chrono::steady_clock::now() - start;
    REQUIRE(r);
    CHECK(r->status == 200);
    CHECK(took < std::chrono::seconds(2));
  }
  stop = true;
  for (std::thread& t : slow) t.join();
}

TEST_CASE("a client that stalls mid-request is dropped after the read timeout", "[server][connections]") {
  Index index;
  TestServer server(index.dir / "index");
  auto start = std::chrono::steady_clock::now();
  // Half a request line, then nothing: at the request's deadline (5 s) the
  // server answers 408 and closes.
  int status = RawRequest(server.port(), "GET /api/sea");
  auto took = std::chrono::steady_clock::now() - start;
  CHECK(status == 408);
  CHECK(took >= std::chrono::seconds(4));
  CHECK(took < std::chrono::seconds(9));
}

TEST_CASE("no request fails while the index is updated and rebuilt", "[server][live]") {
  Index index;
  TestServer server(index.dir / "index");
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0}, failed{0};
  std::vector<std::thread> clients;
  for (int c = 0; c < 4; ++c) {
    clients.emplace_back([&, c] {
      auto client = server.Client();
      // Bounded: stops when the index work ends, or after 20,000 requests.
      for (int i = 0; i < 5000 && !stop; ++i) {
        auto r = client.Get(c % 2 == 0 ? "/api/search?q=van%20phong&per_page=5" : "/search?q=hop%20nhat");
        if (r && r->status == 200) {
          ++answered;
        } else {
          ++failed;
        }
      }
    });
  }
  // Updates, additions, removals and rebuilds while the clients search.
  for (int round = 0; round < 12; ++round) {
    for (int i = 0; i < 20; ++i) {
      WriteFile(index.dir / ("in/r" + std::to_string(i) + ".txt"),
                Report("Báo cáo " + std::to_string(i), "Văn phòng huyện hợp nhất, vòng " + std::to_string(round) + "."));
    }
    if (round % 3 == 2) std::filesystem::remove(index.dir / "in/r0.txt");
    tinhgon::testing::IndexInputs(index.dir, /*rebuild=*/round % 4 == 3);
  }
  stop = true;
  for (std::thread& t : clients) t.join();
  INFO(answered << " requests answered");
  CHECK(failed == 0);
  CHECK(answered > 0);
}
