// tinhgon-serve's routes on an ephemeral 127.0.0.1 port, set up as the
// program sets them up, for tests that speak HTTP.
#pragma once

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/connection_pool.h"
#include "search/http_api.h"
#include "search/metrics.h"
#include "search/searcher_pool.h"
#include "search/web_ui.h"

namespace tinhgon::testing {

class TestServer {
 public:
  explicit TestServer(const std::filesystem::path& index, ApiOptions options = {}, std::size_t max_connections = 64)
      : pool_(index, 4) {
    server_.new_task_queue = [max_connections] { return new ConnectionPool(max_connections); };
    server_.set_read_timeout(5, 0);
    server_.set_write_timeout(5, 0);
    server_.set_payload_max_length(8 * 1024 * 1024);
    server_.set_tcp_nodelay(true);
    RegisterApi(&server_, &pool_, index, &metrics_, options);
    RegisterWebUi(&server_, &pool_, &metrics_);
    port_ = server_.bind_to_any_port("127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    // cpp-httplib 0.11 has no wait_until_ready: poll, for at most five seconds.
    for (int i = 0; i < 5000 && !server_.is_running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~TestServer() {
    server_.stop();
    thread_.join();
  }
  int port() const { return port_; }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }
  httplib::Result Get(const std::string& path) const { return Client().Get(path.c_str()); }

 private:
  SearcherPool pool_;
  httplib::Server server_;
  Metrics metrics_;
  int port_ = 0;
  std::thread thread_;
};

// The error body every refusal carries: the status, a code and a message.
inline void CheckError(const httplib::Result& r, int status, const std::string& code) {
  REQUIRE(r);
  CHECK(r->status == status);
  nlohmann::json body = nlohmann::json::parse(r->body);
  CHECK(body["error"]["code"] == code);
  CHECK_FALSE(body["error"]["message"].get<std::string>().empty());
}

}  // namespace tinhgon::testing
