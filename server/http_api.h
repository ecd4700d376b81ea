// The HTTP routes of tinhgon-serve: a thin layer over the search library.
#pragma once

#include <filesystem>
#include <string>

namespace httplib {
class Server;
}

namespace tinhgon {

class Metrics;
class Routes;
class SearcherPool;

struct ApiOptions {
  // Empty: POST /api/documents and DELETE /api/documents/{id} answer 403.
  // Otherwise they need "Authorization: Bearer <write_token>" (401 without
  // it, 403 with another token).
  std::string write_token;
};

// Registers every API route in `server`:
//   GET /api/search, /api/search.csv, /api/search.atom, /api/compare,
//   /api/compare.csv, /api/documents/{id}, /api/documents/{id}/similar,
//   /api/facets, /healthz, /metrics, /openapi.json
//   POST /api/documents, DELETE /api/documents/{id} (see ApiOptions)
// A request borrows a Searcher from `searchers` for as long as it runs;
// writes go to the index in `db`.
// Refused requests answer 4xx with {"error": {"code", "message"}}, an
// index that cannot be read 503, a bug 500 with an error id that the log
// line carries (server/http_errors.h); API answers carry a CORS header.
// /healthz borrows no searcher: it answers while all are busy.
void RegisterApi(Routes* server, SearcherPool* searchers, const std::filesystem::path& db,
                 Metrics* metrics, const ApiOptions& options = {});

// Answers what no route answered (unknown paths, unreadable requests) with
// the same JSON error body.
void RegisterErrorAnswers(httplib::Server* server, Metrics* metrics);

}  // namespace tinhgon
