// tinhgon-serve: the HTTP API and web form over an index.
//
//   tinhgon-serve --db DIR [--host 127.0.0.1] [--port 8080] [--searchers N]
//                 [--max-connections N] [--max-connections-per-client N]
//                 [--request-timeout S] [--access-log FILE|off]
//                 [--write-token-file FILE [--changesets N]]
//
// Binds to 127.0.0.1 unless told otherwise. Index changes made by
// tinhgon-index are picked up without a restart, and so are those
// xapian-replicate brings to a read replica (docs/REPLICAS.md).

#include <malloc.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <optional>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "index/index_store.h"
#include "index/schema.h"
#include "index/shard_list.h"
#include "server/service.h"
#include "server/write_token.h"

namespace {
tinhgon::Service* running = nullptr;
void Stop(int) {
  if (running != nullptr) running->Stop();
}
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
  int port = 8080, changesets = -1;
  tinhgon::ServiceOptions options;
  options.searchers = std::max(2u, 2 * std::thread::hardware_concurrency());
  double request_timeout = 5, idle_timeout = 5;
  app.add_option("--db", db, "Index directory")->required();
  app.add_option("--host", host, "Address to bind (default 127.0.0.1)");
  app.add_option("--port", port, "Port (default 8080; 0 picks a free one)")->check(CLI::Range(0, 65535));
  app.add_option("--searchers", options.searchers,
                 "Searches run at once, each with its own index handle (default 2 per core)")
      ->check(CLI::Range(1, 256));
  app.add_option("--max-connections", options.max_connections, "Connections served at once; more wait (default 256)")
      ->check(CLI::Range(1, 4096));
  app.add_option("--max-connections-per-client", options.limits.max_per_client,
                 "Connections one client address may hold; more are refused with 429 (default 16; 0: no cap, "
                 "behind a reverse proxy)")
      ->check(CLI::Range(0, 4096));
  app.add_option("--request-timeout", request_timeout,
                 "Seconds allowed to receive a request's header and body, however the client trickles them "
                 "(default 5)")
      ->check(CLI::Range(0.1, 600.0));
  app.add_option("--idle-timeout", idle_timeout, "Seconds a kept-alive connection may wait for its next request (default 5)")
      ->check(CLI::Range(0.1, 600.0));
  app.add_option("--access-log", options.access_log,
                 "Where the line per request goes: a file to append to, or 'off' (default: standard error)");
  auto* writes = app.add_option("--write-token-file", token_file,
                                 "Turn on POST/DELETE /api/documents for clients sending this file's token");
  app.add_option("--changesets", changesets,
                 "With writes on: write a changeset at every write and keep the last N, for read replicas")
      ->check(CLI::Range(0, 1000000))
      ->needs(writes);
  CLI11_PARSE(app, argc, argv);
  // Warnings and errors (with the error ids clients see) go to standard
  // error; standard output has only the line saying where the server listens.
  spdlog::set_default_logger(spdlog::stderr_logger_mt("tinhgon"));
  std::string not_an_index;
  std::optional<tinhgon::ShardList> shards = tinhgon::ReadShardList(db, &not_an_index);
  if (!shards) {
    std::fprintf(stderr, "tinhgon-serve: %s is not a tinhgon index (%s; build one with tinhgon-index)\n", db.c_str(),
                 not_an_index.c_str());
    return 1;
  }
  // The write routes write a generation in `db`: a stub listing shards
  // itself has none (writing would replace it), and remote shards are
  // indexed on their own machines.
  if (!token_file.empty() && (shards->generation.empty() || shards->any_remote())) {
    std::fprintf(stderr,
                 "tinhgon-serve: --write-token-file needs an index on this machine; %s lists shards (index each "
                 "where it is, with tinhgon-index)\n",
                 db.c_str());
    return 1;
  }
  if (!token_file.empty() && tinhgon::schema::IsReplica(db)) {
    std::fprintf(stderr, "tinhgon-serve: %s is a read replica: turn writes on at its master\n", db.c_str());
    return 1;
  }
  if (changesets >= 0) tinhgon::IndexStore::KeepChangesets(changesets);
  options.db = db;
  options.limits.request_timeout = std::chrono::milliseconds(static_cast<long long>(request_timeout * 1000));
  options.limits.idle_timeout = std::chrono::milliseconds(static_cast<long long>(idle_timeout * 1000));
  try {
    if (!token_file.empty()) options.api.write_token = tinhgon::ReadWriteToken(token_file);
    tinhgon::Service service(options);
    int bound = service.Bind(host, port);
    if (bound < 0) {
      std::fprintf(stderr, "tinhgon-serve: cannot listen on %s:%d\n", host.c_str(), port);
      return 1;
    }
    running = &service;
    std::signal(SIGINT, Stop);
    std::signal(SIGTERM, Stop);
    std::printf("tinhgon-serve: serving %s on http://%s:%d/%s\n", db.c_str(), host.c_str(), bound,
                options.api.write_token.empty() ? "" : " (writes on)");
    std::fflush(stdout);
    service.Listen();
    running = nullptr;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "tinhgon-serve: %s\n", e.what());
    return 1;
  }
  return 0;
}
