// tinhgon-serve: the HTTP API over an index.
//
//   tinhgon-serve --db DIR [--host 127.0.0.1] [--port 8080] [--threads N]
//
// Binds to 127.0.0.1 unless told otherwise. Index changes made by
// tinhgon-index are picked up without a restart.

#include <csignal>
#include <cstdio>
#include <thread>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include "indexer/schema.h"
#include "search/http_api.h"
#include "search/metrics.h"
#include "search/web_ui.h"

namespace {
httplib::Server* running = nullptr;
void Stop(int) {
  if (running != nullptr) running->stop();
}
}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tinhgon-serve: search API over a tinhgon index"};
  std::string db, host = "127.0.0.1";
  int port = 8080;
  unsigned threads = std::max(4u, 2 * std::thread::hardware_concurrency());
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("--host", host, "Address to bind (default 127.0.0.1)");
  app.add_option("--port", port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  app.add_option("--threads", threads, "Worker threads, each with its own index handle")->check(CLI::Range(1u, 1024u));
  CLI11_PARSE(app, argc, argv);
  if (tinhgon::schema::LiveGeneration(db).empty()) {
    std::fprintf(stderr, "tinhgon-serve: %s is not a tinhgon index (build one with tinhgon-index)\n", db.c_str());
    return 1;
  }

  httplib::Server server;
  tinhgon::Metrics metrics;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Slow or stalled clients time out instead of holding a worker.
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_max_count(100);
  server.set_keep_alive_timeout(5);
  server.set_payload_max_length(64 * 1024);
  tinhgon::RegisterApi(&server, db, &metrics);
  tinhgon::RegisterWebUi(&server, db, &metrics);

  int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    std::fprintf(stderr, "tinhgon-serve: cannot listen on %s:%d\n", host.c_str(), port);
    return 1;
  }
  running = &server;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  std::printf("tinhgon-serve: serving %s on http://%s:%d/\n", db.c_str(), host.c_str(), bound);
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
