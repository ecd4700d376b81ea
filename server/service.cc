#include "server/service.h"

#include <chrono>

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "analyzers/metadata/analysis_fingerprint.h"
#include "index/schema.h"
#include "server/connection_pool.h"
#include "server/index_status.h"
#include "server/routes.h"
#include "server/web_ui.h"

namespace tinhgon {
namespace {

// A report posted as JSON may be large; nothing else has a body.
constexpr std::size_t kMaxBodyBytes = 8 * 1024 * 1024;

std::shared_ptr<spdlog::logger> AccessLogger(const std::string& where) {
  if (where == "off") return nullptr;
  std::shared_ptr<spdlog::sinks::sink> sink;
  if (where.empty()) {
    sink = std::make_shared<spdlog::sinks::stderr_sink_mt>();
  } else {
    try {
      sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(where);
    } catch (const spdlog::spdlog_ex& e) {
      throw std::runtime_error("cannot open the access log " + where + ": " + e.what());
    }
  }
  auto logger = std::make_shared<spdlog::logger>("access", sink);
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e%z %v");
  logger->flush_on(spdlog::level::info);
  return logger;
}

}  // namespace

Service::Service(ServiceOptions options)
    : options_(std::move(options)),
      server_(options_.limits),
      pool_(options_.db, options_.searchers),
      access_(AccessLogger(options_.access_log)) {
  const std::size_t max_connections = options_.max_connections;
  server_.new_task_queue = [max_connections] { return new ConnectionPool(max_connections); };
  const auto stall = std::chrono::duration_cast<std::chrono::seconds>(options_.limits.stall_timeout).count();
  server_.set_read_timeout(std::max<long long>(1, stall), 0);
  server_.set_write_timeout(std::max<long long>(1, stall), 0);
  server_.set_payload_max_length(kMaxBodyBytes);
  // Answers go out in two writes (headers, body); without this, Nagle and
  // delayed ACKs hold every keep-alive answer back by 40 ms.
  server_.set_tcp_nodelay(true);
  server_.set_logger([this](const httplib::Request& req, const httplib::Response& res) { LogRequest(req, res); });

  Routes routes(&server_);
  RegisterApi(&routes, &pool_, options_.db, &metrics_, options_.api);
  RegisterWebUi(&routes, &pool_, &metrics_);
  routes.Finish();
  RegisterErrorAnswers(&server_, &metrics_);

  IndexStatus index = ReadIndexStatus(options_.db);
  if (index.readable && !index.analysis_current()) {
    spdlog::warn("the index in {} was written by another analysis chain ({}, this server runs {}): "
                 "queries may miss what they should find until tinhgon-index runs again",
                 options_.db.string(), index.analysis.empty() ? "unknown" : index.analysis,
                 std::string(AnalysisFingerprint()));
  }
  if (index.readable && !index.schema_current()) {
    spdlog::warn("the index in {} was written with schema version {} and this server reads version {}: "
                 "counts and ranking may be wrong until tinhgon-index --rebuild runs",
                 options_.db.string(), index.schema, std::string(schema::kVersion));
  }
}

Service::~Service() = default;

int Service::Bind(const std::string& host, int port) {
  int bound = port == 0 ? server_.bind_to_any_port(host) : (server_.bind_to_port(host, port) ? port : -1);
  if (bound > 0) server_.WidenBacklog();
  return bound;
}

void Service::Listen() { server_.listen_after_bind(); }

void Service::Stop() { server_.stop(); }

void Service::LogRequest(const httplib::Request& req, const httplib::Response& res) {
  if (!access_) return;
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - GuardedServer::RequestStart())
          .count();
  // The target is the client's, so it is cut and never trusted as text.
  std::string target = req.target.substr(0, 2000);
  for (char& c : target) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = '?';
  }
  access_->info("{} {} {} {} {} {:.1f}ms{}", req.remote_addr, req.method, target, res.status, res.body.size(), ms,
                res.has_header("X-Error-Id") ? " error=" + res.get_header_value("X-Error-Id") : "");
}

}  // namespace tinhgon
