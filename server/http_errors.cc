#include "server/http_errors.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <exception>

#include <spdlog/spdlog.h>
#include <xapian.h>

#include "index/index_store.h"
#include "search/searcher.h"

namespace tinhgon {
namespace {

// Unique within a run and unlikely to repeat across runs: the start time's
// low bits, then a counter.
std::string NewErrorId() {
  static const unsigned long long base =
      static_cast<unsigned long long>(std::chrono::system_clock::now().time_since_epoch().count()) & 0xFFFFFF;
  static std::atomic<unsigned long long> next{0};
  char id[32];
  std::snprintf(id, sizeof id, "E%06llx-%llu", base, next.fetch_add(1) + 1);
  return id;
}

Failure Bug(const std::string& what, const std::string& what_request) {
  Failure f{500, "internal_error", "", NewErrorId()};
  f.message = "the server failed on this request (error id " + f.error_id + ", in its log)";
  spdlog::error("{} {}: {}", f.error_id, what_request, what);
  return f;
}

}  // namespace

Failure CurrentFailure(const std::string& what_request) {
  try {
    throw;
  } catch (const NotFoundError& e) {
    return {404, e.code, e.what(), ""};
  } catch (const SearchError& e) {
    return {400, e.code, e.what(), ""};
  } catch (const HttpError& e) {
    return {e.status, e.code, e.what(), ""};
  } catch (const IndexBusyError& e) {
    return {503, "index_busy", e.what(), ""};
  } catch (const IndexUnavailableError& e) {
    return {503, "index_unavailable", std::string("the index cannot be read: ") + e.what(), ""};
  } catch (const Xapian::DatabaseError& e) {
    spdlog::warn("{}: the index cannot be read: {}", what_request, e.get_description());
    return {503, "index_unavailable", "the index cannot be read: " + e.get_description(), ""};
  } catch (const Xapian::NetworkError& e) {  // a remote shard's server is down or unreachable
    spdlog::warn("{}: a remote shard cannot be read: {}", what_request, e.get_description());
    return {503, "index_unavailable", "the index cannot be read: " + e.get_description(), ""};
  } catch (const Xapian::Error& e) {
    return Bug(e.get_description(), what_request);
  } catch (const std::exception& e) {
    return Bug(e.what(), what_request);
  } catch (...) {
    return Bug("an exception of unknown type", what_request);
  }
}

}  // namespace tinhgon
