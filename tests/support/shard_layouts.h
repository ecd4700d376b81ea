// The same documents laid out as an index can be: one database, shards of a
// generation on this machine, shards served by xapian-tcpsrv on 127.0.0.1.
// Tests search each and expect the same answers.
#pragma once

#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "tests/support/shared_fixtures.h"

namespace tinhgon::testing {

// Copies every document and the metadata of the index in `source` into
// `count` glass databases dir/gen-1/shard-I, with the stubs of a sharded
// generation (dir/XAPIANDB: "auto gen-1"; dir/gen-1/XAPIANDB: "auto shard-I"
// per shard). Document d goes to shard (d - 1) % count as its document
// (d - 1) / count + 1, which the combined database numbers d again: docids,
// and so the order of hits of equal weight, are the source's.
inline void SplitIntoShards(const std::filesystem::path& source, const std::filesystem::path& dir, int count) {
  Xapian::Database from(source.string());
  const std::filesystem::path generation = dir / "gen-1";
  std::filesystem::create_directories(generation);
  std::vector<Xapian::WritableDatabase> shards;
  std::ofstream stub(generation / "XAPIANDB");
  for (int i = 0; i < count; ++i) {
    const std::string name = "shard-" + std::to_string(i);
    shards.emplace_back((generation / name).string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
    stub << "auto " << name << "\n";
    for (auto key = from.metadata_keys_begin(); key != from.metadata_keys_end(); ++key) {
      shards.back().set_metadata(*key, from.get_metadata(*key));
    }
  }
  for (auto it = from.postlist_begin(""); it != from.postlist_end(""); ++it) {
    const Xapian::docid did = *it;
    shards[(did - 1) % count].replace_document((did - 1) / count + 1, from.get_document(did));
  }
  for (Xapian::WritableDatabase& shard : shards) shard.commit();
  std::ofstream(dir / "XAPIANDB") << "auto gen-1\n";
}

// The program's path on $PATH, or empty.
inline std::string OnPath(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    const std::filesystem::path candidate = std::filesystem::path(dir) / program;
    if (!dir.empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return {};
}

// xapian-tcpsrv serving one database on a free 127.0.0.1 port, stopped when
// this is destroyed, or when the test process dies (PR_SET_PDEATHSIG).
class TcpShardServer {
 public:
  // Skips the calling test (exit code 77) when xapian-tcpsrv is not
  // installed (Debian: xapian-tools). `idle_ms`: when the server drops an
  // idle connection (0: its default).
  explicit TcpShardServer(const std::filesystem::path& db, int idle_ms = 0) : idle_ms_(idle_ms) {
    const std::string program = OnPath("xapian-tcpsrv");
    if (program.empty()) Skip("xapian-tcpsrv not found (Debian: xapian-tools)");
    for (int attempt = 0; attempt < 3 && pid_ <= 0; ++attempt) Start(program, db);
    if (pid_ <= 0) throw std::runtime_error("xapian-tcpsrv did not start serving " + db.string());
  }
  ~TcpShardServer() { Stop(); }
  TcpShardServer(const TcpShardServer&) = delete;
  TcpShardServer& operator=(const TcpShardServer&) = delete;

  int port() const { return port_; }
  // The stub line naming this server.
  std::string StubLine() const { return "remote 127.0.0.1:" + std::to_string(port_); }
  void Stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
  }

 private:
  static int FreePort() {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    bind(s, reinterpret_cast<sockaddr*>(&address), sizeof address);
    getsockname(s, reinterpret_cast<sockaddr*>(&address), &length);
    close(s);
    return ntohs(address.sin_port);
  }

  static bool Accepts(int port) {
    const int s = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    close(s);
    return connected;
  }

  // Starts the server on a free port and waits, for at most five seconds,
  // until it accepts; pid_ stays -1 if it exited (the port was taken meanwhile).
  void Start(const std::string& program, const std::filesystem::path& db) {
    const int port = FreePort();
    const pid_t pid = fork();
    if (pid == 0) {
      // A group of its own: on SIGTERM, xapian-tcpsrv signals its whole
      // process group, to stop the children serving connections.
      setpgid(0, 0);
      prctl(PR_SET_PDEATHSIG, SIGTERM);
      const int null = open("/dev/null", O_WRONLY);
      dup2(null, 1);
      dup2(null, 2);
      const std::string port_text = std::to_string(port), path = db.string();
      const std::string idle = idle_ms_ > 0 ? std::to_string(idle_ms_) : "";
      if (idle.empty()) {
        execl(program.c_str(), "xapian-tcpsrv", "--port", port_text.c_str(), "--interface", "127.0.0.1", "--quiet",
              path.c_str(), static_cast<char*>(nullptr));
      } else {
        execl(program.c_str(), "xapian-tcpsrv", "--port", port_text.c_str(), "--interface", "127.0.0.1", "--quiet",
              "--idle-timeout", idle.c_str(), path.c_str(), static_cast<char*>(nullptr));
      }
      _exit(127);
    }
    for (int i = 0; i < 100; ++i) {
      if (waitpid(pid, nullptr, WNOHANG) == pid) return;
      if (Accepts(port)) {
        pid_ = pid;
        port_ = port;
        return;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }

  int idle_ms_ = 0;
  pid_t pid_ = -1;
  int port_ = 0;
};

}  // namespace tinhgon::testing
