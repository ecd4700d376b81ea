// The HTTP routes of tinhgon-serve: a thin layer over the search library.
#pragma once

#include <filesystem>
#include <string>

namespace httplib {
class Server;
}

namespace tinhgon {

class Metrics;
class SearcherPool;

struct ApiOptions {
  // Empty: POST /api/documents and DELETE /api/documents/{id} answer 403.
  // Otherwise they need "Authorization: Bearer <write_token>" (401 without
  // it, 403 with another token).
  std::string write_token;
};

// Registers every route on `server`:
//   GET /api/search, /api/search.csv, /api/documents/{id}, /api/documents/{id}/similar,
//   /api/facets, /healthz, /metrics, /openapi.json
//   POST /api/documents, DELETE /api/documents/{id} (see ApiOptions)
// A request borrows a Searcher from `searchers` for as long as it runs;
// writes go to the index in `db`.
// Refused requests answer 4xx with {"error": {"code", "message"}}; unknown
// routes 404 the same way; API answers carry a CORS header.
void RegisterApi(httplib::Server* server, SearcherPool* searchers, const std::filesystem::path& db,
                 Metrics* metrics, const ApiOptions& options = {});

}  // namespace tinhgon
