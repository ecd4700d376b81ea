#include "server/guarded_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace tinhgon {
namespace {

using Clock = std::chrono::steady_clock;

thread_local Clock::time_point request_start;

std::string AddressOf(const sockaddr_storage& address) {
  char text[INET6_ADDRSTRLEN] = "";
  if (address.ss_family == AF_INET) {
    inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(address).sin_addr, text, sizeof text);
  } else if (address.ss_family == AF_INET6) {
    inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6&>(address).sin6_addr, text, sizeof text);
  }
  return text;
}

int PortOf(const sockaddr_storage& address) {
  if (address.ss_family == AF_INET) return ntohs(reinterpret_cast<const sockaddr_in&>(address).sin_port);
  if (address.ss_family == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6&>(address).sin6_port);
  return -1;
}

void Endpoint(socket_t sock, bool peer, std::string& ip, int& port) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  int rc = peer ? getpeername(sock, reinterpret_cast<sockaddr*>(&address), &length)
                : getsockname(sock, reinterpret_cast<sockaddr*>(&address), &length);
  ip = rc == 0 ? AddressOf(address) : std::string();
  port = rc == 0 ? PortOf(address) : -1;
}

// Waits until `sock` is ready for `events`, at most `timeout`; true if ready.
bool Ready(socket_t sock, short events, Clock::duration timeout) {
  // Rounded up: a poll cut short by the rounding would end before the deadline it waits for.
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(timeout).count();
  pollfd fd{sock, events, 0};
  int rc;
  do {
    rc = ::poll(&fd, 1, static_cast<int>(std::max<long long>(0, ms)));
  } while (rc < 0 && errno == EINTR);
  return rc > 0;
}

// A connection's byte stream with the guard's limits: every read gives up
// at the request's deadline, whatever the client keeps sending. One stream
// lives as long as its connection, so bytes of a pipelined next request that
// arrive with this one stay buffered for it.
class DeadlineStream final : public httplib::Stream {
 public:
  DeadlineStream(socket_t sock, const ConnectionLimits& limits, std::atomic<unsigned long long>* timed_out)
      : sock_(sock), limits_(limits), timed_out_(timed_out), buffer_(16 * 1024) {}

  // Waits for the first byte of the next request, at most the idle timeout,
  // looking every 200 ms whether the server is stopping (`running()`).
  template <typename Running>
  bool WaitForRequest(Running running) {
    if (offset_ < size_) return true;
    const Clock::time_point until = Clock::now() + limits_.idle_timeout;
    while (running()) {
      Clock::duration left = until - Clock::now();
      if (left <= Clock::duration::zero()) return false;
      if (Ready(sock_, POLLIN, std::min<Clock::duration>(left, std::chrono::milliseconds(200)))) return true;
    }
    return false;
  }
  void StartRequest() {
    deadline_ = Clock::now() + limits_.request_timeout;
    written_ = 0;
  }
  void EndRequest() { deadline_ = Clock::time_point::max(); }
  // The request was not received by its deadline: nothing more is read.
  // httplib may still answer what it decided (a 400 for a header cut short,
  // a 413); when it wrote nothing, the guard answers 408.
  bool expired() const { return expired_; }
  bool answered() const { return written_ > 0; }
  // A read found nothing for the stall timeout: the connection is dropped.
  bool stalled() const { return stalled_; }

  bool is_readable() const override { return offset_ < size_ || Ready(sock_, POLLIN, ReadWait()); }
  bool is_writable() const override { return Ready(sock_, POLLOUT, limits_.stall_timeout); }

  ssize_t read(char* ptr, std::size_t size) override {
    if (expired_ || stalled_) return -1;
    if (offset_ == size_) {
      if (!Ready(sock_, POLLIN, ReadWait())) {
        // The poll waited up to the deadline, or for the stall timeout.
        if (Clock::now() + std::chrono::milliseconds(1) >= deadline_) {
          expired_ = true;
          timed_out_->fetch_add(1);
        } else {
          stalled_ = true;
        }
        return -1;
      }
      ssize_t n;
      do {
        n = ::recv(sock_, buffer_.data(), buffer_.size(), 0);
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return n;
      offset_ = 0;
      size_ = static_cast<std::size_t>(n);
    }
    std::size_t n = std::min(size, size_ - offset_);
    std::memcpy(ptr, buffer_.data() + offset_, n);
    offset_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, std::size_t size) override {
    if (stalled_ || !is_writable()) return -1;
    ssize_t n;
    do {
      n = ::send(sock_, ptr, size, MSG_NOSIGNAL);
    } while (n < 0 && errno == EINTR);
    if (n > 0) written_ += static_cast<std::size_t>(n);
    return n;
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override { Endpoint(sock_, true, ip, port); }
  void get_local_ip_and_port(std::string& ip, int& port) const override { Endpoint(sock_, false, ip, port); }
  socket_t socket() const override { return sock_; }

 private:
  // A read waits for the stall timeout, and never past the deadline.
  Clock::duration ReadWait() const {
    if (deadline_ == Clock::time_point::max()) return limits_.stall_timeout;
    return std::min<Clock::duration>(limits_.stall_timeout, deadline_ - Clock::now());
  }

  const socket_t sock_;
  const ConnectionLimits& limits_;
  std::atomic<unsigned long long>* timed_out_;
  Clock::time_point deadline_ = Clock::time_point::max();
  bool expired_ = false, stalled_ = false;
  std::size_t written_ = 0;  // bytes answered to the current request
  std::vector<char> buffer_;
  std::size_t offset_ = 0, size_ = 0;
};

}  // namespace

GuardedServer::GuardedServer(ConnectionLimits limits) : limits_(limits) {}

void GuardedServer::WidenBacklog() {
  if (svr_sock_ != INVALID_SOCKET) ::listen(svr_sock_, SOMAXCONN);  // on a listening socket: a new backlog
}

Clock::time_point GuardedServer::RequestStart() { return request_start; }

bool GuardedServer::Admit(const std::string& address) {
  if (limits_.max_per_client == 0) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t& held = per_client_[address];
  if (held >= limits_.max_per_client) return false;
  ++held;
  return true;
}

void GuardedServer::Leave(const std::string& address) {
  if (limits_.max_per_client == 0) return;
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = per_client_.find(address);
  if (it != per_client_.end() && --it->second == 0) per_client_.erase(it);
}

// A short answer written without reading (more of) the request, then the
// close: the client learns why at once, and no thread waits on it.
void GuardedServer::Answer(socket_t sock, int status, const char* reason, const char* code, const char* message) {
  const std::string body = std::string(R"({"error":{"code":")") + code + R"(","message":")" + message + "\"}}";
  const std::string answer = "HTTP/1.1 " + std::to_string(status) + " " + reason +
                             "\r\nContent-Type: application/json; charset=utf-8\r\n"
                             "Retry-After: 1\r\nConnection: close\r\nContent-Length: " +
                             std::to_string(body.size()) + "\r\n\r\n" + body;
  ::send(sock, answer.data(), answer.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
  ::shutdown(sock, SHUT_WR);
  char drain[4096];
  while (::recv(sock, drain, sizeof drain, MSG_DONTWAIT) > 0) {
  }
}

bool GuardedServer::process_and_close_socket(socket_t sock) {
  std::string ip;
  int port = -1;
  Endpoint(sock, true, ip, port);
  bool ret = false;
  if (Admit(ip)) {
    DeadlineStream stream(sock, limits_, &timed_out_);
    auto running = [this] { return svr_sock_ != INVALID_SOCKET; };
    for (std::size_t served = 0; served < limits_.max_requests_per_connection; ++served) {
      if (!stream.WaitForRequest(running)) break;
      request_start = Clock::now();
      stream.StartRequest();
      bool closed = false;
      ret = process_request(stream, served + 1 == limits_.max_requests_per_connection, closed, nullptr);
      stream.EndRequest();
      if (stream.expired()) {
        if (!stream.answered()) Answer(sock, 408, "Request Timeout", "request_timeout",
               "the request was not received in time: send it whole, at once");
        break;
      }
      if (!ret || closed || stream.stalled()) break;
    }
    Leave(ip);
  } else {
    refused_.fetch_add(1);
    Answer(sock, 429, "Too Many Requests", "too_many_connections",
           "this address holds as many connections as the server allows one client: close one and retry");
  }
  ::shutdown(sock, SHUT_RDWR);
  ::close(sock);
  return ret;
}

}  // namespace tinhgon
