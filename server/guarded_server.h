// An HTTP server that no single client can hold up.
//
// cpp-httplib's timeouts are per read: a client that sends one header line
// every second never trips them, and ~256 such clients hold every connection
// thread. GuardedServer runs each connection itself, over httplib's request
// processing, and adds two limits:
//   - a deadline for receiving each request, header and body together,
//     counted from its first byte; a request not received in time is
//     answered 408 and its connection closed;
//   - a cap on the connections one client address holds at once; one more is
//     answered 429 at once and closed, before any thread waits on it.
// Behind a reverse proxy every client has the proxy's address: set the cap
// to 0 there and let the proxy enforce its own (README says how).
//
// Thread-safe as httplib::Server is: configure, then listen; the counters
// may be read from any thread.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

#include <httplib.h>

namespace tinhgon {

struct ConnectionLimits {
  std::chrono::milliseconds request_timeout{5000};  // to receive one request's header and body
  std::chrono::milliseconds idle_timeout{5000};     // a kept-alive connection waits this long for the next
  std::chrono::milliseconds stall_timeout{5000};    // one read or write that makes no progress
  std::size_t max_per_client = 16;                  // connections per client address; 0: no cap
  std::size_t max_requests_per_connection = 100;
};

class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(ConnectionLimits limits);

  const ConnectionLimits& limits() const { return limits_; }

  // httplib listens with a backlog of 5: a burst of connections (or a few
  // clients that open many) then has its SYNs dropped and retried seconds
  // later. Call after binding, before listening, for the kernel's maximum.
  void WidenBacklog();
  // Connections refused for their address's cap, and requests dropped at
  // their deadline, since the start.
  unsigned long long refused() const { return refused_.load(); }
  unsigned long long timed_out() const { return timed_out_.load(); }

  // The time the request being handled on this thread began to arrive, for
  // the access log (valid inside handlers and the logger).
  static std::chrono::steady_clock::time_point RequestStart();

 private:
  bool process_and_close_socket(socket_t sock) override;
  bool Admit(const std::string& address);
  void Leave(const std::string& address);
  static void Answer(socket_t sock, int status, const char* reason, const char* code, const char* message);

  const ConnectionLimits limits_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::size_t> per_client_;
  std::atomic<unsigned long long> refused_{0};
  std::atomic<unsigned long long> timed_out_{0};
};

}  // namespace tinhgon
