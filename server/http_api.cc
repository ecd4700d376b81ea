#include "server/http_api.h"

#include <chrono>
#include <memory>

#include <httplib.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "corpus/corpus_reader.h"
#include "corpus/report_id.h"
#include "indexer/document_writer.h"
#include "index/index_store.h"
#include "index/schema.h"
#include "server/atom_feed.h"
#include "server/csv_export.h"
#include "server/http_errors.h"
#include "server/http_params.h"
#include "server/index_status.h"
#include "server/metrics.h"
#include "search/searcher.h"
#include "server/routes.h"
#include "search/response_json.h"
#include "server/searcher_pool.h"
#include "server/write_token.h"
#include "server_embedded.h"

namespace tinhgon {
namespace {

using json = nlohmann::ordered_json;

constexpr const char* kJson = "application/json; charset=utf-8";

void SendError(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  // Messages quote the request; a quote cut inside a character must not fail the answer.
  res.set_content(json{{"error", {{"code", code}, {"message", message}}}}.dump(-1, ' ', false, json::error_handler_t::replace),
                  kJson);
}

// Writes need the configured token; the answer never says how close a wrong one was.
void Authorize(const httplib::Request& req, const ApiOptions& options) {
  if (options.write_token.empty()) {
    throw HttpError(403, "writes_disabled", "writing through HTTP is off: the server runs without --write-token-file");
  }
  std::string given = BearerToken(req.get_header_value("Authorization"));
  if (given.empty()) throw HttpError(401, "unauthorized", "send the write token as 'Authorization: Bearer <token>'");
  if (!SameToken(given, options.write_token)) throw HttpError(403, "forbidden", "the write token is wrong");
}

// The same rule as the indexer's, so whatever is accepted can be read back.
std::string CheckedId(const std::string& id) {
  if (std::string problem = IdProblem(id); !problem.empty()) throw SearchError("invalid_id", problem);
  return id;
}

std::multimap<std::string, std::string> Params(const httplib::Request& req) {
  return {req.params.begin(), req.params.end()};
}

// Rows go out in chunks of this many, so a large export is never one string.
constexpr std::size_t kCsvRowsPerChunk = 200;

}  // namespace

void RegisterApi(Routes* server, SearcherPool* searchers, const std::filesystem::path& db,
                 Metrics* metrics, const ApiOptions& options) {
  // Every route: timing, metrics, CORS for the API, and errors as JSON.
  auto route = [=](const std::string& name, auto handler) {
    return [=](const httplib::Request& req, httplib::Response& res) {
      auto start = std::chrono::steady_clock::now();
      try {
        handler(req, res, *searchers);
        if (res.status == -1) res.status = 200;  // httplib sets it only after handlers return
      } catch (...) {
        Failure f = CurrentFailure(req.method + " " + req.target);
        if (f.status == 401) res.set_header("WWW-Authenticate", "Bearer");
        if (f.status == 503) res.set_header("Retry-After", "1");
        SendError(res, f.status, f.code, f.message);
        if (!f.error_id.empty()) res.set_header("X-Error-Id", f.error_id);
      }
      if (IsApiPath(req.path)) res.set_header("Access-Control-Allow-Origin", "*");
      res.set_header("X-Content-Type-Options", "nosniff");
      metrics->Record(name, res.status, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    };
  };

  server->Get("/api/search", route("/api/search", [](const auto& req, auto& res, SearcherPool& pool) {
    SearcherPool::Lease s = pool.Acquire();
    res.set_content(ToJson(s->Search(ParseSearchParams(Params(req)))).dump(), kJson);
  }));
  // Every hit up to kMaxResultWindow, in the page's order. The hits are read
  // while a searcher is held, and written out after it is back in the pool,
  // so a slow reader never holds a searcher.
  server->Get("/api/search.csv", route("/api/search.csv", [](const auto& req, auto& res, SearcherPool& pool) {
    SearchRequest r = ParseSearchParams(Params(req));
    auto hits = std::make_shared<const SearchResponse>(pool.Acquire()->Export(r, kMaxResultWindow));
    res.set_header("Content-Disposition", "attachment; filename=\"tinhgon.csv\"");
    res.set_header("X-Total-Count", std::to_string(hits->total));
    res.set_chunked_content_provider("text/csv; charset=utf-8",
                                     [hits, next = std::size_t{0}](std::size_t, httplib::DataSink& sink) mutable {
                                       std::string chunk = next == 0 ? CsvHeader() : std::string();
                                       for (std::size_t end = std::min(next + kCsvRowsPerChunk, hits->results.size());
                                            next < end; ++next) {
                                         chunk += CsvRow(hits->results[next]);
                                       }
                                       if (!chunk.empty() && !sink.write(chunk.data(), chunk.size())) return false;
                                       if (next >= hits->results.size()) sink.done();
                                       return true;
                                     });
  }));
  // Places side by side for one search, as JSON and as CSV.
  auto compare = [](const auto& req, SearcherPool& pool) {
    SearcherPool::Lease s = pool.Acquire();
    std::vector<PlaceFilter> places = ParsePlaces(Params(req), *s);
    return s->Compare(ParseSearchParams(Params(req)), places);
  };
  server->Get("/api/compare", route("/api/compare", [compare](const auto& req, auto& res, SearcherPool& pool) {
    res.set_content(ToJson(compare(req, pool)).dump(), kJson);
  }));
  server->Get("/api/compare.csv", route("/api/compare.csv", [compare](const auto& req, auto& res, SearcherPool& pool) {
    res.set_content(ComparisonCsv(compare(req, pool)), "text/csv; charset=utf-8");
    res.set_header("Content-Disposition", "attachment; filename=\"tinhgon-so-sanh.csv\"");
  }));
  // A feed reader follows a search: its newest hits as Atom, written after
  // the searcher is back in the pool.
  server->Get("/api/search.atom", route("/api/search.atom", [](const auto& req, auto& res, SearcherPool& pool) {
    SearchResponse newest = pool.Acquire()->Search(FeedRequest(Params(req)));
    res.set_content(AtomFeed(newest, {FeedOrigin(req.get_header_value("Host")), req.target}),
                    "application/atom+xml; charset=utf-8");
  }));
  // Ids are paths ("sub/report.txt"), so they may hold slashes; similar first.
  server->Get(R"(/api/documents/(.+)/similar)", route("/api/documents/{id}/similar", [](const auto& req, auto& res, SearcherPool& pool) {
    SearcherPool::Lease s = pool.Acquire();
    res.set_content(ToJson(s->Similar(CheckedId(req.matches[1]))).dump(), kJson);
  }));
  server->Get(R"(/api/documents/(.+))", route("/api/documents/{id}", [](const auto& req, auto& res, SearcherPool& pool) {
    SearcherPool::Lease s = pool.Acquire();
    std::string id = CheckedId(req.matches[1]);
    std::optional<ReportRecord> record = s->Document(id);
    json data = record ? ToJson(*record) : json(nullptr);
    if (data.is_null()) throw NotFoundError("no report with id '" + id.substr(0, 200) + "'");
    res.set_content(data.dump(), kJson);
  }));
  auto writer = std::make_shared<DocumentWriter>(db);
  server->Post("/api/documents", route("POST /api/documents", [options, writer](const auto& req, auto& res, SearcherPool&) {
    Authorize(req, options);
    SourceReport report;
    try {
      report = CorpusReader::ParseRecord(req.body, "");
    } catch (const std::exception& e) {
      throw HttpError(400, "invalid_report", std::string("the body is not a report: ") + e.what());
    }
    report.format = "api";
    CheckedId(report.id);
    WriteOutcome outcome = writer->Put(report);
    const char* result = outcome == WriteOutcome::kAdded      ? "added"
                         : outcome == WriteOutcome::kReplaced ? "replaced"
                                                              : "unchanged";
    res.status = outcome == WriteOutcome::kAdded ? 201 : 200;
    res.set_content(json{{"id", report.id}, {"result", result}}.dump(), kJson);
  }));
  server->Delete(R"(/api/documents/(.+))", route("DELETE /api/documents/{id}", [options, writer](const auto& req, auto& res, SearcherPool&) {
    Authorize(req, options);
    std::string id = CheckedId(req.matches[1]);
    if (!writer->Delete(id)) throw NotFoundError("no report with id '" + id.substr(0, 200) + "'");
    res.set_content(json{{"id", id}, {"result", "deleted"}}.dump(), kJson);
  }));
  server->Get("/api/facets", route("/api/facets", [](const auto&, auto& res, SearcherPool& pool) {
    SearcherPool::Lease s = pool.Acquire();
    res.set_content(ToJson(s->AllFacets()).dump(), kJson);
  }));
  // No searcher: the health check answers while every searcher is busy.
  server->Get("/healthz", route("/healthz", [db](const auto&, auto& res, SearcherPool&) {
    IndexStatus index = ReadIndexStatus(db);
    if (!index.readable) throw IndexUnavailableError(index.error);
    res.set_content(json{{"status", "ok"},
                         {"documents", index.documents},
                         {"generation", index.generation},
                         {"shards", index.shards},
                         {"analysis",
                          {{"index", index.analysis},
                           {"server", std::string(AnalysisFingerprint())},
                           {"current", index.analysis_current()}}},
                         {"schema",
                          {{"index", index.schema},
                           {"server", std::string(schema::kVersion)},
                           {"current", index.schema_current()}}}}
                        .dump(),
                    kJson);
  }));
  server->Get("/metrics", route("/metrics", [metrics](const auto&, auto& res, SearcherPool& pool) {
    SearcherPool::Lease s = pool.Acquire();
    res.set_content(metrics->Render(s->document_count(), s->revision()), "text/plain; version=0.0.4");
  }));
  server->Get("/openapi.json", route("/openapi.json", [](const auto&, auto& res, SearcherPool&) {
    res.set_content(std::string(embedded::server_openapi), kJson);
  }));
}

void RegisterErrorAnswers(httplib::Server* server, Metrics* metrics) {
  server->set_error_handler([metrics](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;  // a route already explained itself
    std::string code = "bad_request", message = "the request could not be read";
    if (res.status == 404) code = "not_found", message = "no route " + req.path.substr(0, 200);
    if (res.status == 413) code = "payload_too_large", message = "the request body is larger than the server accepts";
    if (res.status == 414) code = "uri_too_long", message = "the request URL is longer than the server accepts";
    if (res.status == 500) code = "internal_error", message = "the server failed on this request";
    SendError(res, res.status, code, message);
    metrics->Record("other", res.status, 0);
  });
}

}  // namespace tinhgon
