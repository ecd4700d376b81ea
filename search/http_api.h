// The HTTP routes of tinhgon-serve: a thin layer over the search library.
#pragma once

#include <filesystem>

namespace httplib {
class Server;
}

namespace tinhgon {

class Metrics;
class Searcher;

// The calling thread's Searcher for `db`: one per worker thread, and so one
// Xapian::Database per thread, created on the thread's first request.
Searcher& ThreadSearcher(const std::filesystem::path& db);

// Registers every route on `server`:
//   GET /api/search, /api/search.csv, /api/documents/{id}, /api/documents/{id}/similar,
//   /api/facets, /healthz, /metrics, /openapi.json
// Each worker thread gets its own Searcher (and so its own Xapian::Database).
// Refused requests answer 4xx with {"error": {"code", "message"}}; unknown
// routes 404 the same way; API answers carry a CORS header.
void RegisterApi(httplib::Server* server, const std::filesystem::path& db, Metrics* metrics);

}  // namespace tinhgon
