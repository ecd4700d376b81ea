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

#include "server/service.h"

namespace tinhgon::testing {

class TestServer {
 public:
  explicit TestServer(const std::filesystem::path& index, ApiOptions options = {}, std::size_t max_connections = 64,
                      ConnectionLimits limits = {})
      : service_(Options(index, std::move(options), max_connections, limits)) {
    port_ = service_.Bind("127.0.0.1", 0);
    thread_ = std::thread([this] { service_.Listen(); });
    // cpp-httplib 0.11 has no wait_until_ready: poll, for at most five seconds.
    for (int i = 0; i < 5000 && !service_.running(); ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
  }
  ~TestServer() {
    service_.Stop();
    thread_.join();
  }
  int port() const { return port_; }
  const GuardedServer& server() const { return service_.server(); }
  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(10, 0);
    return client;
  }
  httplib::Result Get(const std::string& path) const { return Client().Get(path.c_str()); }

 private:
  static ServiceOptions Options(const std::filesystem::path& index, ApiOptions api, std::size_t max_connections,
                                ConnectionLimits limits) {
    ServiceOptions o;
    o.db = index;
    o.searchers = 4;
    o.max_connections = max_connections;
    o.limits = limits;
    o.api = std::move(api);
    o.access_log = "off";  // tests that read the log turn it on
    return o;
  }

  Service service_;
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
