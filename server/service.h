// tinhgon-serve as one object: the guarded HTTP server, its routes, the
// searchers, the metrics and the logs, set up the same way for the program
// and for the tests that speak HTTP to it.
//
// Thread-safe: Listen() blocks serving; Stop() may be called from any
// thread (or a signal handler's thread) and makes Listen() return.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "server/guarded_server.h"
#include "server/http_api.h"
#include "server/metrics.h"
#include "server/searcher_pool.h"

namespace spdlog {
class logger;
}

namespace tinhgon {

struct ServiceOptions {
  std::filesystem::path db;
  std::size_t searchers = 4;
  std::size_t max_connections = 256;  // connections served at once; more wait
  ConnectionLimits limits;
  ApiOptions api;
  // One line per request (time, client, method, target, status, bytes,
  // milliseconds): "" for standard error, "off" for none, or a file to append to.
  std::string access_log;
};

class Service {
 public:
  // Throws std::runtime_error when the access log cannot be opened.
  explicit Service(ServiceOptions options);
  ~Service();

  // Binds to `host`:`port` (0: any free port); returns the port, or -1.
  int Bind(const std::string& host, int port);
  void Listen();
  void Stop();
  bool running() const { return server_.is_running(); }
  const GuardedServer& server() const { return server_; }

 private:
  void LogRequest(const httplib::Request& req, const httplib::Response& res);

  const ServiceOptions options_;
  GuardedServer server_;
  Metrics metrics_;
  SearcherPool pool_;
  std::shared_ptr<spdlog::logger> access_;
};

}  // namespace tinhgon
