// tinhgon-serve: the HTTP API and web form over an index.
//
//   tinhgon-serve --db DIR [--host 127.0.0.1] [--port 8080] [--searchers N]
//                 [--max-connections N] [--write-token-file FILE]
//
// Binds to 127.0.0.1 unless told otherwise. Index changes made by
// tinhgon-index are picked up without a restart.

#include <malloc.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <thread>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include "indexer/schema.h"
#include "search/connection_pool.h"
#include "search/http_api.h"
#include "search/metrics.h"
#include "search/searcher_pool.h"
#include "search/web_ui.h"
#include "search/write_token.h"

namespace {
httplib::Server* running = nullptr;
void Stop(int) {
  if (running != nullptr) running->stop();
}

// A report posted as JSON may be large; nothing else has a body.
constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;
}  // namespace

int main(int argc, char** argv) {
  // Connections each have a thread (up to --max-connections), and glibc
  // gives threads arenas of their own, up to 8 per core. Memory one thread
  // frees and another allocates (a facet table per index revision, search
  // results) then stays spread over arenas that never shrink: over bench/load
  // the server grew 32% (60 -> 79 MiB); with one arena per core, 12%.
  mallopt(M_ARENA_MAX, static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  CLI::App app{"tinhgon-serve: search API and web form over a tinhgon index"};
  std::string db, host = "127.0.0.1", token_file;
  int port = 8080;
  unsigned searchers = std::max(2u, 2 * std::thread::hardware_concurrency());
  unsigned max_connections = 256;
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("--host", host, "Address to bind (default 127.0.0.1)");
  app.add_option("--port", port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  app.add_option("--searchers", searchers, "Searches run at once, each with its own index handle (default 2 per core)")
      ->check(CLI::Range(1u, 256u));
  app.add_option("--max-connections", max_connections, "Connections served at once; more wait (default 256)")
      ->check(CLI::Range(1u, 4096u));
  app.add_option("--write-token-file", token_file,
                 "Turn on POST/DELETE /api/documents for clients sending this file's token");
  CLI11_PARSE(app, argc, argv);
  if (tinhgon::schema::LiveGeneration(db).empty()) {
    std::fprintf(stderr, "tinhgon-serve: %s is not a tinhgon index (build one with tinhgon-index)\n", db.c_str());
    return 1;
  }
  tinhgon::ApiOptions api;
  if (!token_file.empty()) {
    try {
      api.write_token = tinhgon::ReadWriteToken(token_file);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "tinhgon-serve: %s\n", e.what());
      return 1;
    }
  }

  httplib::Server server;
  tinhgon::Metrics metrics;
  tinhgon::SearcherPool pool(db, searchers);
  server.new_task_queue = [max_connections] { return new tinhgon::ConnectionPool(max_connections); };
  // A client that stalls for 5 s, while sending or receiving, is dropped.
  server.set_read_timeout(5, 0);
  server.set_write_timeout(5, 0);
  server.set_keep_alive_max_count(100);
  server.set_keep_alive_timeout(5);
  server.set_payload_max_length(kMaxBodyBytes);
  // Answers go out in two writes (headers, body); without this, Nagle and
  // delayed ACKs hold every keep-alive answer back by 40 ms.
  server.set_tcp_nodelay(true);
  tinhgon::RegisterApi(&server, &pool, db, &metrics, api);
  tinhgon::RegisterWebUi(&server, &pool, &metrics);

  int bound = port == 0 ? server.bind_to_any_port(host) : (server.bind_to_port(host, port) ? port : -1);
  if (bound < 0) {
    std::fprintf(stderr, "tinhgon-serve: cannot listen on %s:%d\n", host.c_str(), port);
    return 1;
  }
  running = &server;
  std::signal(SIGINT, Stop);
  std::signal(SIGTERM, Stop);
  std::printf("tinhgon-serve: serving %s on http://%s:%d/%s\n", db.c_str(), host.c_str(), bound,
              api.write_token.empty() ? "" : " (writes on)");
  std::fflush(stdout);
  server.listen_after_bind();
  return 0;
}
