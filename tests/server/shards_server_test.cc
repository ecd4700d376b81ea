// The server over a sharded generation and over shards served by
// xapian-tcpsrv: health, metrics and searches say what one database would,
// and a shard whose server is gone makes a 503, not a crash.
#include <memory>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "index/schema.h"
#include "indexer/indexer.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"
#include "tests/support/shard_layouts.h"

using nlohmann::json;
using tinhgon::testing::TcpShardServer;
using tinhgon::testing::TempDir;
using tinhgon::testing::TestServer;
using tinhgon::testing::WriteFile;

namespace {

// The samples as one database (one/) and as two shards of a generation (two/).
class Shards {
 public:
  Shards() : dir_("shards-server") {
    tinhgon::IndexOptions options;
    options.db = dir_ / "one";
    options.inputs = {TINHGON_SAMPLES_DIR};
    tinhgon::RunIndex(options);
    tinhgon::testing::SplitIntoShards(tinhgon::schema::LiveGeneration(dir_ / "one"), dir_ / "two", 2);
  }
  const TempDir& dir() const { return dir_; }
  std::filesystem::path shard(int i) const { return dir_ / "two/gen-1" / ("shard-" + std::to_string(i)); }

 private:
  TempDir dir_;
};

json Get(const TestServer& server, const std::string& path, int status = 200) {
  httplib::Result r = server.Get(path);
  REQUIRE(r);
  CHECK(r->status == status);
  return r->get_header_value("Content-Type").find("json") != std::string::npos ? json::parse(r->body) : json(r->body);
}

json Search(const TestServer& server, const std::string& query) {
  json answer = Get(server, "/api/search?" + query);
  answer.erase("took_ms");
  for (auto& hit : answer["results"]) hit.erase("score");  // equal to rounding; shards_test compares them
  return answer;
}

}  // namespace

TEST_CASE("a sharded generation: health, metrics and searches", "[server][shards]") {
  Shards shards;
  TestServer one(shards.dir() / "one"), two(shards.dir() / "two");
  json health = Get(two, "/healthz");
  CHECK(health["generation"] == "gen-1");
  CHECK(health["shards"] == 2);
  CHECK(health["documents"] == Get(one, "/healthz")["documents"]);
  CHECK(Get(one, "/healthz")["shards"] == 1);
  CHECK(health["analysis"]["current"] == true);  // the first shard's metadata
  const std::string metrics = Get(two, "/metrics");
  CHECK(metrics.find("tinhgon_index_info{revision=\"gen-1@1,1\"} 1") != std::string::npos);
  for (const char* query : {"q=s%C3%A1p+nh%E1%BA%ADp", "q=hop+nhat+xyzzyq", "province=22", "q=van+phong&sort=date"}) {
    INFO(query);
    CHECK(Search(two, query) == Search(one, query));
  }
}

TEST_CASE("remote shards: health, metrics and searches, and a 503 once a shard is gone", "[server][shards][remote]") {
  Shards shards;
  auto first = std::make_unique<TcpShardServer>(shards.shard(0));
  TcpShardServer second(shards.shard(1));
  WriteFile(shards.dir() / "remote/XAPIANDB", first->StubLine() + "\n" + second.StubLine() + "\n");
  TestServer one(shards.dir() / "one"), remote(shards.dir() / "remote");
  json health = Get(remote, "/healthz");
  CHECK(health["generation"] == "");
  CHECK(health["shards"] == 2);
  CHECK(health["documents"] == Get(one, "/healthz")["documents"]);
  CHECK(Get(remote, "/metrics").get<std::string>().find("tinhgon_index_info{revision=\"shards@") != std::string::npos);
  for (const char* query : {"q=s%C3%A1p+nh%E1%BA%ADp", "q=hop+nhat+xyzzyq", "province=22", "q=van+phong&sort=date"}) {
    INFO(query);
    CHECK(Search(remote, query) == Search(one, query));
  }
  first->Stop();
  CHECK(Get(remote, "/healthz", 503)["error"]["code"] == "index_unavailable");
  CHECK(Get(remote, "/api/search?q=van+phong", 503)["error"]["code"] == "index_unavailable");
}
