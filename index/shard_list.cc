#include "index/shard_list.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "index/schema.h"

namespace tinhgon {
namespace {

// Stubs naming stubs: deeper than this is a loop, not a layout.
constexpr int kMaxStubDepth = 8;

struct Reader {
  ShardList list;
  std::string error;
  std::string top;  // the text of the directory's own stub

  bool Fail(const std::string& why) {
    error = why;
    return false;
  }

  // What Xapian opens for "auto PATH": a database directory, or a stub in a
  // directory or a file of its own.
  bool Auto(const std::filesystem::path& path, int depth) {
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) {
      if (std::filesystem::exists(path / "iamglass", ignored)) {
        list.shards.push_back(Shard{Shard::Kind::kLocal, path, "", 0, "", ""});
        return true;
      }
      if (std::filesystem::exists(path / schema::kStubFile, ignored)) return Stub(path / schema::kStubFile, depth + 1);
      return Fail(path.string() + " is neither a glass database nor a directory holding a stub");
    }
    if (std::filesystem::is_regular_file(path, ignored)) return Stub(path, depth + 1);
    return Fail(path.string() + " does not exist");
  }

  // "HOST:PORT" or "[IPV6]:PORT", as Xapian splits it.
  bool Tcp(const std::string& where, const std::string& at) {
    const std::size_t colon = where.rfind(':');
    if (colon == std::string::npos || colon + 1 == where.size()) return Fail(at + ": a remote shard needs HOST:PORT");
    const std::string port = where.substr(colon + 1);
    if (!std::all_of(port.begin(), port.end(), [](unsigned char c) { return std::isdigit(c) != 0; }) ||
        port.size() > 5 || std::stoul(port) == 0 || std::stoul(port) > 65535) {
      return Fail(at + ": '" + port + "' is not a port");
    }
    std::string host = where.substr(0, colon);
    if (host.size() >= 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host.empty()) return Fail(at + ": a remote shard needs a host");
    list.shards.push_back(Shard{Shard::Kind::kRemoteTcp, {}, host, static_cast<unsigned>(std::stoul(port)), "", ""});
    return true;
  }

  bool Line(const std::filesystem::path& stub, const std::string& line, int number, int depth) {
    const std::string at = stub.string() + ":" + std::to_string(number);
    const std::size_t space = line.find(' ');
    const std::string type = line.substr(0, space);
    const std::string rest = space == std::string::npos ? std::string() : line.substr(space + 1);
    auto resolved = [&] {
      std::filesystem::path path(rest);
      return path.is_absolute() ? path : stub.parent_path() / path;
    };
    if (type == "auto" && !rest.empty()) return Auto(resolved(), depth);
    if (type == "glass" && !rest.empty()) {
      list.shards.push_back(Shard{Shard::Kind::kLocal, resolved(), "", 0, "", ""});
      return true;
    }
    if (type == "remote" && !rest.empty() && rest[0] == ':') {
      const std::size_t gap = rest.find(' ');
      Shard shard{Shard::Kind::kRemoteProgram, {}, "", 0, rest.substr(1, gap == std::string::npos ? gap : gap - 1), ""};
      if (gap != std::string::npos) shard.args = rest.substr(gap + 1);
      list.shards.push_back(std::move(shard));
      return true;
    }
    if (type == "remote" && !rest.empty()) return Tcp(rest, at);
    return Fail(at + ": not a line tinhgon reads (auto PATH, glass PATH, remote HOST:PORT, remote :PROGRAM ARGS)");
  }

  bool Stub(const std::filesystem::path& stub, int depth) {
    if (depth > kMaxStubDepth) return Fail(stub.string() + ": stubs nested too deep (a loop?)");
    std::ifstream in(stub);
    if (!in) return Fail(stub.string() + " cannot be read");
    std::stringstream text;
    text << in.rdbuf();
    if (depth == 0) top = text.str();
    list.stubs += text.str();
    list.stubs += '\n';
    std::string line;
    for (int number = 1; std::getline(text, line); ++number) {
      if (line.empty() || line[0] == '#') continue;
      if (!Line(stub, line, number, depth)) return false;
    }
    return true;
  }
};

// The generation a top-level stub names: its only line, "auto NAME" with a
// relative NAME (what IndexStore writes).
std::string Generation(const std::string& stub) {
  std::istringstream lines(stub);
  std::string line, name;
  int listed = 0;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    ++listed;
    if (line.rfind("auto ", 0) == 0) name = line.substr(5);
  }
  if (listed != 1 || name.empty() || std::filesystem::path(name).is_absolute()) return {};
  return std::filesystem::path(name).filename().string();
}

}  // namespace

std::string Shard::Name() const {
  switch (kind) {
    case Kind::kLocal: return path.string();
    case Kind::kRemoteTcp: return (host.find(':') == std::string::npos ? host : "[" + host + "]") + ":" + std::to_string(port);
    case Kind::kRemoteProgram: return ":" + program + (args.empty() ? "" : " " + args);
  }
  return {};
}

bool ShardList::any_remote() const {
  return std::any_of(shards.begin(), shards.end(), [](const Shard& s) { return s.remote(); });
}

std::optional<ShardList> ReadShardList(const std::filesystem::path& dir, std::string* error) {
  Reader reader;
  const std::filesystem::path stub = dir / schema::kStubFile;
  std::error_code ignored;
  bool read = std::filesystem::is_regular_file(stub, ignored) ? reader.Stub(stub, 0)
                                                               : reader.Fail(dir.string() + " holds no stub " +
                                                                             schema::kStubFile);
  if (read && reader.list.shards.empty()) read = reader.Fail(stub.string() + " lists no database");
  if (!read) {
    if (error != nullptr) *error = reader.error;
    return std::nullopt;
  }
  reader.list.generation = Generation(reader.top);
  return std::move(reader.list);
}

Xapian::Database OpenShard(const Shard& shard) {
  switch (shard.kind) {
    case Shard::Kind::kLocal: return Xapian::Database(shard.path.string());
    case Shard::Kind::kRemoteTcp: return Xapian::Remote::open(shard.host, shard.port);
    case Shard::Kind::kRemoteProgram: return Xapian::Remote::open(shard.program, shard.args);
  }
  throw Xapian::InvalidArgumentError("unknown kind of shard");
}

}  // namespace tinhgon
