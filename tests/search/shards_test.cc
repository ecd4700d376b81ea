// The same searches over one database, over its documents split into two
// shards of a generation, over those shards served by xapian-tcpsrv on
// 127.0.0.1, and over one local and one remote shard: the same answers, hit
// for hit and count for count (the JSON the API sends, less the time taken).
// The shards number documents as the single database does
// (SplitIntoShards), so even hits of equal weight come in the same order.
#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

#include "index/schema.h"
#include "indexer/indexer.h"
#include "search/response_json.h"
#include "search/searcher.h"
#include "tests/indexer/test_corpus.h"
#include "tests/support/shard_layouts.h"

using nlohmann::ordered_json;
using tinhgon::SearchRequest;
using tinhgon::Searcher;
using tinhgon::testing::TcpShardServer;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

class Layouts {
 public:
  Layouts() : dir_("shards") {
    tinhgon::IndexOptions options;
    options.db = dir_ / "one";
    options.inputs = {TINHGON_SAMPLES_DIR};
    tinhgon::RunIndex(options);
    tinhgon::testing::SplitIntoShards(tinhgon::schema::LiveGeneration(dir_ / "one"), dir_ / "two", 2);
    one_ = std::make_unique<Searcher>(dir_ / "one");
    two_ = std::make_unique<Searcher>(dir_ / "two");
  }

  Searcher& one() { return *one_; }
  Searcher& two() { return *two_; }
  // The shards of two() behind xapian-tcpsrv, started on first use; the
  // calling test is skipped without xapian-tcpsrv.
  Searcher& remote() { return Serve(), *remote_; }
  // The first shard read from disk, the second through its server.
  Searcher& mixed() { return Serve(), *mixed_; }
  std::filesystem::path shard(int i) const { return dir_ / "two/gen-1" / ("shard-" + std::to_string(i)); }
  std::filesystem::path live() const { return tinhgon::schema::LiveGeneration(dir_ / "one"); }
  const TempDir& dir() const { return dir_; }

 private:
  void Serve() {
    if (remote_) return;
    for (int i = 0; i < 2; ++i) servers_.push_back(std::make_unique<TcpShardServer>(shard(i)));
    WriteFile(dir_ / "remote/XAPIANDB", servers_[0]->StubLine() + "\n" + servers_[1]->StubLine() + "\n");
    WriteFile(dir_ / "mixed/XAPIANDB", "auto ../two/gen-1/shard-0\n" + servers_[1]->StubLine() + "\n");
    remote_ = std::make_unique<Searcher>(dir_ / "remote");
    mixed_ = std::make_unique<Searcher>(dir_ / "mixed");
  }

  // Destroyed in reverse: the searchers close their connections before the
  // servers stop, and the files go last.
  TempDir dir_;
  std::vector<std::unique_ptr<TcpShardServer>> servers_;
  std::unique_ptr<Searcher> one_, two_, remote_, mixed_;
};

Layouts& Shared() {
  static Layouts layouts;
  return layouts;
}

SearchRequest Request(const std::string& q, std::map<std::string, std::vector<std::string>> filters = {}) {
  SearchRequest r;
  r.q = q;
  for (auto& [name, values] : filters) r.filters[*tinhgon::FilterNamed(name)] = std::move(values);
  r.per_page = 20;
  return r;
}

// Every kind of search the service answers, each taking another path
// through counting: bitmaps or the matcher, facets or not, relaxed or not.
std::vector<SearchRequest> Requests() {
  std::vector<SearchRequest> all = {
      Request("sáp nhập"),                                       // words with marks
      Request("sap nhap"),                                       // unaccented: read in context, suggested
      Request("saps nhaapj"),                                    // typed in Telex, corrected
      Request("\"sáp nhập\" thôn"),                              // a phrase: no bitmap, the matcher counts
      Request("biên chế", {{"province", {"Quảng Ninh"}}}),       // a filter; its districts listed
      Request("", {{"event", {"sáp nhập", "giải thể"}}}),       // filters alone
      Request(""),                                               // everything, with every facet
      Request("hợp nhất văn phòng thanh tra"),                   // relaxed: 2 of 6 words
      Request("hợp nhất xyzzyq"),                                // relaxed: a word nobody holds dropped
      Request("giải thể trung tâm văn hóa biên chế", {{"year", {"2019", "2020", "2021"}}}),  // relaxed, filtered
  };
  SearchRequest by_date = Request("văn phòng");
  by_date.sort = tinhgon::SortOrder::kDate;
  all.push_back(by_date);
  SearchRequest relaxed_by_date = Request("hợp nhất văn phòng thanh tra");
  relaxed_by_date.sort = tinhgon::SortOrder::kDateAscending;
  all.push_back(relaxed_by_date);
  SearchRequest in_range = Request("tinh gian");
  in_range.from = "2019-01-01";
  in_range.to = "2021-12-31";
  all.push_back(in_range);
  SearchRequest second_page = Request("hợp nhất");
  second_page.page = 2;
  second_page.per_page = 3;
  all.push_back(second_page);
  SearchRequest no_facets = Request("hợp nhất xyzzyq");
  no_facets.facets = false;
  all.push_back(no_facets);
  return all;
}

// Scores to 12 digits: a shard may add a query's terms up in another order
// than one database, which moves a weight's last bit, never an order.
void RoundScores(ordered_json* hits) {
  for (auto& hit : *hits) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.12g", hit["score"].get<double>());
    hit["score"] = std::stod(digits);
  }
}

ordered_json Answer(Searcher& searcher, const SearchRequest& r) {
  ordered_json answer = tinhgon::ToJson(searcher.Search(r));
  answer.erase("took_ms");
  RoundScores(&answer["results"]);
  return answer;
}

// What a layout answers beyond searches: a report, reports like it, every
// facet, an export, places compared.
ordered_json Others(Searcher& searcher) {
  ordered_json others;
  for (const char* id : {"dam-ha-hop-nhat-van-phong.txt", "dn-2021-003", "no-such-report"}) {
    std::optional<tinhgon::ReportRecord> record = searcher.Document(id);
    others["document"][id] = record ? tinhgon::ToJson(*record) : ordered_json();
  }
  others["similar"] = tinhgon::ToJson(searcher.Similar("dam-ha-hop-nhat-van-phong.txt", 5));
  RoundScores(&others["similar"]["results"]);
  others["all_facets"] = tinhgon::ToJson(searcher.AllFacets());
  ordered_json exported = tinhgon::ToJson(searcher.Export(Request("văn phòng"), 50));
  exported.erase("took_ms");
  RoundScores(&exported["results"]);
  others["export"] = exported;
  others["compare"] = tinhgon::ToJson(searcher.Compare(
      Request("sáp nhập"), {{tinhgon::Filter::kProvince, "Quảng Ninh"}, {tinhgon::Filter::kProvince, "Hà Tĩnh"}}));
  others["documents"] = searcher.document_count();
  return others;
}

// Equal, or the JSON patch from `expected` to `actual` in the failure.
void CheckSame(const ordered_json& actual, const ordered_json& expected) {
  const ordered_json patch = ordered_json::diff(expected, actual);
  INFO(patch.dump(1));
  CHECK(patch.empty());
}

void CheckSameAnswers(Searcher& expected, Searcher& layout) {
  for (const SearchRequest& r : Requests()) {
    INFO("q=" << r.q << " sort=" << static_cast<int>(r.sort) << " page=" << r.page);
    CheckSame(Answer(layout, r), Answer(expected, r));
  }
  CheckSame(Others(layout), Others(expected));
}

}  // namespace

TEST_CASE("the requests compared take the paths they are meant to", "[shards]") {
  ordered_json relaxed = Answer(Shared().one(), Request("hợp nhất văn phòng thanh tra"));
  REQUIRE(relaxed["relaxed"].is_object());
  CHECK(relaxed["relaxed"]["required"] == 2);
  CHECK(relaxed["relaxed"]["of"] == 6);
  CHECK(Answer(Shared().one(), Request("hợp nhất xyzzyq"))["relaxed"]["dropped"] == ordered_json{"xyzzyq"});
  CHECK(Answer(Shared().one(), Request("giải thể trung tâm văn hóa biên chế", {{"year", {"2019", "2020", "2021"}}}))
            ["relaxed"]
                .is_object());
  CHECK(Answer(Shared().one(), Request("sap nhap"))["suggestion"] == "sáp nhập");
  CHECK_FALSE(Answer(Shared().one(), Request("saps nhaapj"))["corrections"].empty());
  CHECK(Answer(Shared().one(), Request(""))["total"] == Shared().one().document_count());
}

TEST_CASE("two shards of a generation answer as one database", "[shards]") {
  CheckSameAnswers(Shared().one(), Shared().two());
  CHECK(Shared().two().revision() == "gen-1@1,1");
}

TEST_CASE("shards served by xapian-tcpsrv answer as one database", "[shards][remote]") {
  CheckSameAnswers(Shared().one(), Shared().remote());
  CHECK(Shared().remote().revision().rfind("shards@", 0) == 0);
}

TEST_CASE("a local and a remote shard together answer as one database", "[shards][remote]") {
  CheckSameAnswers(Shared().one(), Shared().mixed());
}

TEST_CASE("over remote shards, a relaxation too wide to write out counts exactly and says how it ranks",
          "[shards][remote]") {
  // 15 words, 4 of them required: 1,365 ways to hold 4, past what is written
  // out as a query. The set, total and facets are exact; the order goes by
  // the words each report holds first.
  SearchRequest r = Request("sáp nhập thôn xã phường giải thể trung tâm y tế văn phòng đảng ủy");
  r.per_page = 100;
  ordered_json local = Answer(Shared().one(), r), remote = Answer(Shared().remote(), r);
  REQUIRE(local["relaxed"].is_object());
  CHECK(local["relaxed"]["required"] == 4);
  CHECK(remote["relaxed"] == local["relaxed"]);
  CHECK(remote["total"] == local["total"]);
  CHECK(remote["facets"] == local["facets"]);
  auto ids_of = [](const ordered_json& answer) {
    std::set<std::string> ids;
    for (const auto& hit : answer["results"]) ids.insert(hit["id"].get<std::string>());
    return ids;
  };
  CHECK(ids_of(remote) == ids_of(local));
  CHECK(local["warnings"].empty());
  REQUIRE(remote["warnings"].size() == 1);
  CHECK(remote["warnings"][0].get<std::string>().find("remote shards") != std::string::npos);
}

namespace {

// The hits as a set: reports sit in the shard their id hashes to, so their
// docids, and the order of hits of equal weight, differ from one database's.
ordered_json Unordered(ordered_json answer) {
  std::set<std::string> ids;
  for (const auto& hit : answer["results"]) ids.insert(hit["id"].get<std::string>());
  answer["results"] = ids;
  return answer;
}

}  // namespace

TEST_CASE("a generation tinhgon-index kept in shards answers as one database", "[shards]") {
  TempDir dir("shards-indexed");
  tinhgon::IndexOptions options;
  options.db = dir / "index";
  options.inputs = {TINHGON_SAMPLES_DIR};
  options.shards = 2;
  options.compact = false;
  tinhgon::RunIndex(options);
  REQUIRE(std::filesystem::exists(tinhgon::schema::LiveGeneration(dir / "index") / tinhgon::schema::kStubFile));
  Searcher sharded(dir / "index");
  for (SearchRequest r : Requests()) {
    r.page = 1;
    r.per_page = 100;  // every hit of the samples, whatever their order
    INFO("q=" << r.q);
    CheckSame(Unordered(Answer(sharded, r)), Unordered(Answer(Shared().one(), r)));
  }
}

namespace {

// Report 2, the second shard's first, deleted from both layouts.
void DeleteSecondReport(const Layouts& layouts) {
  Xapian::WritableDatabase one(layouts.live().string(), Xapian::DB_OPEN);
  one.delete_document(2);
  one.commit();
  Xapian::WritableDatabase shard(layouts.shard(1).string(), Xapian::DB_OPEN);
  shard.delete_document(1);
  shard.commit();
}

}  // namespace

TEST_CASE("each shard's revision is followed: a change to one shard is seen, facets counted anew", "[shards]") {
  Layouts layouts;  // its own: this test deletes a report
  const ordered_json before = Answer(layouts.two(), Request(""));
  DeleteSecondReport(layouts);
  const ordered_json after = Answer(layouts.two(), Request(""));
  CHECK(after["total"] == before["total"].get<int>() - 1);
  CHECK(after["facets"] != before["facets"]);
  CHECK(after == Answer(layouts.one(), Request("")));
  CHECK(layouts.two().revision() == "gen-1@1,2");
}

TEST_CASE("a change to a remote shard is seen at the next search", "[shards][remote]") {
  Layouts layouts;
  const ordered_json before = Answer(layouts.remote(), Request("sáp nhập"));
  const std::string revision = layouts.remote().revision();
  DeleteSecondReport(layouts);
  CHECK(Answer(layouts.remote(), Request("")) == Answer(layouts.one(), Request("")));
  CHECK(Answer(layouts.remote(), Request("sáp nhập")) == Answer(layouts.one(), Request("sáp nhập")));
  CHECK(layouts.remote().revision() != revision);
}

TEST_CASE("a connection a shard's server dropped while idle is opened again, unseen", "[shards][remote]") {
  Layouts layouts;
  TcpShardServer first(layouts.shard(0), 300), second(layouts.shard(1), 300);
  WriteFile(layouts.dir() / "idle/XAPIANDB", first.StubLine() + "\n" + second.StubLine() + "\n");
  Searcher searcher(layouts.dir() / "idle");
  const ordered_json expected = Answer(layouts.one(), Request("sáp nhập"));
  CHECK(Answer(searcher, Request("sáp nhập")) == expected);
  std::this_thread::sleep_for(std::chrono::milliseconds(800));  // both servers hang up
  CHECK(Answer(searcher, Request("sáp nhập")) == expected);
  CHECK(searcher.Document("dn-2021-003").has_value());
}
