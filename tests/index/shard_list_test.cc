// The shards a stub lists, read as Xapian 1.4 reads stubs: nested stubs of
// a sharded generation, remote shards over TCP or a program, and every line
// Xapian would refuse refused too.
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <catch2/catch.hpp>

#include "index/shard_list.h"

using tinhgon::ReadShardList;
using tinhgon::Shard;
using tinhgon::ShardList;

namespace {

class Dir {
 public:
  Dir() : path_(std::filesystem::path(TINHGON_BUILD_DIR) / "test-tmp" /
                ("shard-list-" + std::to_string(std::random_device{}()))) {
    std::filesystem::create_directories(path_);
  }
  ~Dir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  // A directory that looks like a glass database to the reader.
  void Glass(const std::string& name) const {
    std::filesystem::create_directories(path_ / name);
    std::ofstream(path_ / name / "iamglass");
  }
  void Write(const std::string& name, const std::string& text) const {
    std::filesystem::create_directories((path_ / name).parent_path());
    std::ofstream(path_ / name) << text;
  }

 private:
  std::filesystem::path path_;
};

std::string Error(const Dir& dir) {
  std::string error;
  CHECK_FALSE(ReadShardList(dir.path(), &error));
  return error;
}

}  // namespace

TEST_CASE("a stub naming one generation: one local shard", "[shards]") {
  Dir dir;
  dir.Glass("gen-3");
  dir.Write("XAPIANDB", "auto gen-3\n");
  std::optional<ShardList> list = ReadShardList(dir.path());
  REQUIRE(list);
  CHECK(list->generation == "gen-3");
  REQUIRE(list->shards.size() == 1);
  CHECK(list->shards[0].kind == Shard::Kind::kLocal);
  CHECK(list->shards[0].path == dir.path() / "gen-3");
  CHECK_FALSE(list->any_remote());
}

TEST_CASE("a sharded generation: its own stub lists the shards, relative to it", "[shards]") {
  Dir dir;
  dir.Glass("gen-2/shard-0");
  dir.Glass("gen-2/shard-1");
  dir.Write("gen-2/XAPIANDB", "auto shard-0\n# a comment, and a blank line\n\nauto shard-1\n");
  dir.Write("XAPIANDB", "auto gen-2\n");
  std::optional<ShardList> list = ReadShardList(dir.path());
  REQUIRE(list);
  CHECK(list->generation == "gen-2");
  REQUIRE(list->shards.size() == 2);
  CHECK(list->shards[0].path == dir.path() / "gen-2" / "shard-0");
  CHECK(list->shards[1].path == dir.path() / "gen-2" / "shard-1");
  // Rewriting the inner stub changes what was read, so readers open afresh.
  const std::string before = list->stubs;
  dir.Write("gen-2/XAPIANDB", "auto shard-0\n");
  CHECK(ReadShardList(dir.path())->stubs != before);
}

TEST_CASE("remote shards: HOST:PORT over TCP, :PROGRAM ARGS, beside local ones", "[shards]") {
  Dir dir;
  dir.Glass("here");
  dir.Write("XAPIANDB",
            "remote 127.0.0.1:7001\nremote [::1]:7002\nremote search-3.example:7003\n"
            "remote :xapian-progsrv /srv/index\nglass here\n");
  std::optional<ShardList> list = ReadShardList(dir.path());
  REQUIRE(list);
  CHECK(list->generation.empty());  // the stub lists shards itself
  CHECK(list->any_remote());
  REQUIRE(list->shards.size() == 5);
  CHECK(list->shards[0].kind == Shard::Kind::kRemoteTcp);
  CHECK(list->shards[0].host == "127.0.0.1");
  CHECK(list->shards[0].port == 7001);
  CHECK(list->shards[0].Name() == "127.0.0.1:7001");
  CHECK(list->shards[1].host == "::1");
  CHECK(list->shards[1].Name() == "[::1]:7002");
  CHECK(list->shards[2].host == "search-3.example");
  CHECK(list->shards[3].kind == Shard::Kind::kRemoteProgram);
  CHECK(list->shards[3].program == "xapian-progsrv");
  CHECK(list->shards[3].args == "/srv/index");
  CHECK(list->shards[4].kind == Shard::Kind::kLocal);
  CHECK(list->shards[4].path == dir.path() / "here");
}

TEST_CASE("a stub Xapian would refuse, or that lists nothing, is not an index", "[shards]") {
  Dir dir;
  CHECK(Error(dir).find("holds no stub") != std::string::npos);
  dir.Write("XAPIANDB", "# nothing but a comment\n");
  CHECK(Error(dir).find("lists no database") != std::string::npos);
  for (const char* line : {"remote 127.0.0.1", "remote 127.0.0.1:http", "remote 127.0.0.1:0",
                           "remote 127.0.0.1:70000", "chert gen-1", "inmemory", "auto", "gen-1"}) {
    dir.Write("XAPIANDB", std::string(line) + "\n");
    INFO(line);
    CHECK_FALSE(Error(dir).empty());
  }
  dir.Write("XAPIANDB", "auto gen-9\n");
  CHECK(Error(dir).find("does not exist") != std::string::npos);
}

TEST_CASE("a stub naming itself is a loop, not a layout", "[shards]") {
  Dir dir;
  dir.Write("XAPIANDB", "auto .\n");
  CHECK(Error(dir).find("too deep") != std::string::npos);
}
