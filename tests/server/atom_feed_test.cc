// The Atom feed of a search: read back with libxml2's parser, as a feed
// reader would, over an index of more reports than a feed holds.
#include <algorithm>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <nlohmann/json.hpp>

#include "server/atom_feed.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using nlohmann::json;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

constexpr const char* kAtom = "http://www.w3.org/2005/Atom";
constexpr const char* kEpoch = "1970-01-01T00:00:00Z";
constexpr int kBacKanReports = 55;  // more than a feed holds (50)
const std::string kTrickyTitle = "Quảng Ninh sáp nhập <xã> & \"phường\" 'cũ'";

std::string JsonLine(const json& report) { return report.dump() + "\n"; }

// 55 reports on merging communes in Bắc Kạn, a day apart in 2021; three in
// Quảng Ninh, newer, one with a title to escape, an article address and a
// byline, and one without a date.
std::string Corpus() {
  std::string lines;
  for (int i = 0; i < kBacKanReports; ++i) {
    char date[11];
    std::snprintf(date, sizeof date, "2021-%02d-%02d", 1 + i / 28, 1 + i % 28);
    lines += JsonLine({{"id", "bk-" + std::to_string(i)},
                       {"title", "Bắc Kạn sáp nhập xã, tin số " + std::to_string(i)},
                       {"date", date},
                       {"text", "Tỉnh Bắc Kạn sáp nhập xã Cao Kỳ vào xã Hòa Mục, tin số " + std::to_string(i) + "."}});
  }
  lines += JsonLine({{"id", "qn/tricky 1"},
                     {"title", kTrickyTitle},
                     {"date", "2025-03-01"},
                     {"url", "https://baoquangninh.example/sap-nhap"},
                     {"text", "Tỉnh Quảng Ninh sáp nhập xã Quảng Lợi vào xã Đầm Hà.\nHương Lan"}});
  lines += JsonLine({{"id", "qn-2"},
                     {"title", "Quảng Ninh sáp nhập thôn"},
                     {"date", "2024-06-15"},
                     {"text", "Huyện Đầm Hà, tỉnh Quảng Ninh sáp nhập thôn."}});
  lines += JsonLine({{"id", "qn-undated"},
                     {"title", "Quảng Ninh sáp nhập bản"},
                     {"text", "Tỉnh Quảng Ninh sáp nhập bản, chưa rõ ngày."}});
  return lines;
}

class FeedServer {
 public:
  FeedServer() : dir_("atom") {
    WriteFile(dir_ / "in/reports.jsonl", Corpus());
    tinhgon::testing::IndexInputs(dir_);
    server_ = std::make_unique<tinhgon::testing::TestServer>(dir_ / "index");
  }
  const tinhgon::testing::TestServer& server() const { return *server_; }
  std::string origin() const { return "http://127.0.0.1:" + std::to_string(server_->port()); }

 private:
  TempDir dir_;
  std::unique_ptr<tinhgon::testing::TestServer> server_;
};

FeedServer& Shared() {
  static FeedServer server;
  return server;
}

using Document = std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)>;

std::string Name(const xmlNode* node) { return reinterpret_cast<const char*>(node->name); }

bool InAtom(const xmlNode* node) {
  return node->ns && std::string(reinterpret_cast<const char*>(node->ns->href)) == kAtom;
}

// The Atom children of `parent` called `name`.
std::vector<xmlNode*> Children(const xmlNode* parent, const std::string& name) {
  std::vector<xmlNode*> found;
  for (xmlNode* child = parent->children; child; child = child->next) {
    if (child->type == XML_ELEMENT_NODE && InAtom(child) && Name(child) == name) found.push_back(child);
  }
  return found;
}

std::string Text(const xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  std::string text = content ? reinterpret_cast<const char*>(content) : "";
  xmlFree(content);
  return text;
}

// The text of the one child called `name`; fails the test when there is not exactly one.
std::string Only(const xmlNode* parent, const std::string& name) {
  std::vector<xmlNode*> found = Children(parent, name);
  INFO("element " << name);
  REQUIRE(found.size() == 1);
  return Text(found[0]);
}

std::string Attribute(const xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string text = value ? reinterpret_cast<const char*>(value) : "";
  xmlFree(value);
  return text;
}

// The href of the link with relation `rel`; empty when there is none.
std::string Link(const xmlNode* parent, const std::string& rel) {
  for (const xmlNode* link : Children(parent, "link")) {
    if (Attribute(link, "rel") == rel) return Attribute(link, "href");
  }
  return "";
}

// The feed at `path`, checked to be an Atom document served as one.
Document Feed(const std::string& path, const httplib::Headers& headers = {}) {
  httplib::Result r = Shared().server().Client().Get(path.c_str(), headers);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
  Document doc(xmlReadMemory(r->body.data(), static_cast<int>(r->body.size()), "feed.xml", nullptr, XML_PARSE_NONET),
               xmlFreeDoc);
  REQUIRE(doc);
  const xmlNode* root = xmlDocGetRootElement(doc.get());
  REQUIRE(root);
  CHECK(Name(root) == "feed");
  CHECK(InAtom(root));
  return doc;
}

const xmlNode* Root(const Document& doc) { return xmlDocGetRootElement(doc.get()); }

std::vector<xmlNode*> Entries(const Document& doc) { return Children(Root(doc), "entry"); }

std::vector<std::string> EntryIds(const Document& doc) {
  std::vector<std::string> ids;
  for (const xmlNode* entry : Entries(doc)) ids.push_back(Only(entry, "id"));
  return ids;
}

// The exact count of a search's hits, from the JSON API (which counts facets).
std::size_t Total(const std::string& query) {
  httplib::Result r = Shared().server().Get("/api/search?" + query);
  REQUIRE(r);
  REQUIRE(r->status == 200);
  return json::parse(r->body)["total"].get<std::size_t>();
}

const xmlNode* EntryTitled(const Document& doc, const std::string& title) {
  for (const xmlNode* entry : Entries(doc)) {
    if (Only(entry, "title") == title) return entry;
  }
  FAIL("no entry titled " << title);
  return nullptr;
}

}  // namespace

TEST_CASE("the feed is an Atom document with every element Atom requires", "[server][atom]") {
  Document doc = Feed("/api/search.atom?q=sap%20nhap");
  const xmlNode* feed = Root(doc);
  CHECK(Only(feed, "id").rfind("tag:tinhgon,2025:search?", 0) == 0);
  CHECK(Only(feed, "title") == "tinhgon: «sap nhap»");
  CHECK(Only(feed, "updated") == "2025-03-01T00:00:00Z");  // the newest report's date, not the clock
  std::vector<xmlNode*> authors = Children(feed, "author");
  REQUIRE(authors.size() == 1);
  CHECK(Only(authors[0], "name") == "tinhgon");
  CHECK(Link(feed, "self") == Shared().origin() + "/api/search.atom?q=sap%20nhap");
  CHECK(Link(feed, "alternate") == Shared().origin() + "/search?q=sap%20nhap&sort=date");
  std::vector<xmlNode*> entries = Entries(doc);
  REQUIRE(!entries.empty());
  for (const xmlNode* entry : entries) {
    CHECK(Only(entry, "id").rfind("tag:tinhgon,2025:report:", 0) == 0);
    CHECK_FALSE(Only(entry, "title").empty());
    CHECK(Only(entry, "updated").size() == std::string(kEpoch).size());
    CHECK(Link(entry, "alternate").rfind(Shared().origin() + "/documents/", 0) == 0);
  }
}

TEST_CASE("the feed holds the newest hits, 50 at most, whatever sort is asked", "[server][atom]") {
  const std::size_t total = Total("q=sap%20nhap");
  REQUIRE(total == kBacKanReports + 3);
  Document doc = Feed("/api/search.atom?q=sap%20nhap&sort=relevance&page=2");
  std::vector<xmlNode*> entries = Entries(doc);
  CHECK(entries.size() == std::min<std::size_t>(total, tinhgon::kMaxFeedEntries));
  std::vector<std::string> dates;
  for (const xmlNode* entry : entries) dates.push_back(Only(entry, "updated"));
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
  REQUIRE(dates.size() >= 3);
  CHECK(dates[0] == "2025-03-01T00:00:00Z");
  CHECK(dates[1] == "2024-06-15T00:00:00Z");
  CHECK(dates[2] == "2021-02-27T00:00:00Z");  // the newest of Bắc Kạn's; the undated report is not among the 50
  CHECK(Entries(Feed("/api/search.atom?q=sap%20nhap&per_page=5")).size() == 5);
  CHECK(Entries(Feed("/api/search.atom?q=sap%20nhap&per_page=100")).size() == 50);
}

TEST_CASE("a filter narrows the feed and names itself in its title", "[server][atom]") {
  const std::string query = "q=sap%20nhap&province=Qu%E1%BA%A3ng%20Ninh";
  Document doc = Feed("/api/search.atom?" + query);
  std::vector<std::string> ids = EntryIds(doc);
  CHECK(ids.size() == Total(query));
  CHECK(ids == std::vector<std::string>{"tag:tinhgon,2025:report:qn%2Ftricky%201", "tag:tinhgon,2025:report:qn-2",
                                        "tag:tinhgon,2025:report:qn-undated"});
  CHECK(Only(Root(doc), "title") == "tinhgon: «sap nhap» · Tỉnh (trước 2025): Quảng Ninh");
  // One feed, however its parameters are ordered or spaced.
  std::string id = Only(Root(doc), "id");
  CHECK(Only(Root(Feed("/api/search.atom?province=Qu%E1%BA%A3ng%20Ninh&q=sap%20%20nhap%20")), "id") == id);
  CHECK(Only(Root(Feed("/api/search.atom?q=sap%20nhap")), "id") != id);
  Document events = Feed("/api/search.atom?event=merge&event=annex");
  CHECK(Only(Root(events), "title") == "tinhgon: mọi báo cáo · Sự kiện: Hợp nhất, Sáp nhập");
}

TEST_CASE("titles and queries with <, & and quotes survive the feed's escaping", "[server][atom]") {
  Document doc = Feed("/api/search.atom?q=sap%20nhap&province=Qu%E1%BA%A3ng%20Ninh");
  const xmlNode* tricky = EntryTitled(doc, kTrickyTitle);
  CHECK(Only(tricky, "id") == "tag:tinhgon,2025:report:qn%2Ftricky%201");
  // A query of markup, echoed in the feed's title and self link.
  Document echoed = Feed("/api/search.atom?q=%3Cb%3E%20%26%20%22x%22");
  CHECK(Only(Root(echoed), "title") == "tinhgon: «<b> & \"x\"»");
  CHECK(Link(Root(echoed), "self") == Shared().origin() + "/api/search.atom?q=%3Cb%3E%20%26%20%22x%22");
}

TEST_CASE("a feed entry links to its page and its article, with its author, snippet and events", "[server][atom]") {
  Document doc = Feed("/api/search.atom?q=sap%20nhap&province=Qu%E1%BA%A3ng%20Ninh");
  const xmlNode* tricky = EntryTitled(doc, kTrickyTitle);
  CHECK(Link(tricky, "alternate") == Shared().origin() + "/documents/qn%2Ftricky%201");
  CHECK(Link(tricky, "related") == "https://baoquangninh.example/sap-nhap");
  std::vector<xmlNode*> authors = Children(tricky, "author");
  REQUIRE(authors.size() == 1);
  CHECK(Only(authors[0], "name") == "Hương Lan");
  CHECK(Only(tricky, "summary").find("sáp nhập xã Quảng Lợi") != std::string::npos);
  std::vector<xmlNode*> categories = Children(tricky, "category");
  REQUIRE(categories.size() >= 1);
  CHECK(Attribute(categories[0], "term") == "annex");
  CHECK(Attribute(categories[0], "label") == "Sáp nhập");
  const xmlNode* plain = EntryTitled(doc, "Quảng Ninh sáp nhập thôn");
  CHECK(Link(plain, "related").empty());
  CHECK(Children(plain, "author").empty());  // the feed's author stands for it
  CHECK(Only(EntryTitled(doc, "Quảng Ninh sáp nhập bản"), "updated") == kEpoch);
}

TEST_CASE("the same index gives the same feed, and an empty one is dated at the epoch", "[server][atom]") {
  const std::string path = "/api/search.atom?q=sap%20nhap&province=bac%20kan";
  httplib::Result first = Shared().server().Get(path), second = Shared().server().Get(path);
  REQUIRE(first);
  REQUIRE(second);
  CHECK(first->body == second->body);
  Document empty = Feed("/api/search.atom?q=sap%20nhap&from=2099-01-01");
  CHECK(Entries(empty).empty());
  CHECK(Only(Root(empty), "updated") == kEpoch);
  CHECK(Only(Root(empty), "title") == "tinhgon: «sap nhap» · Từ ngày: 2099-01-01");
}

TEST_CASE("the feed's links follow the Host header, or 127.0.0.1 without a usable one", "[server][atom]") {
  Document proxied = Feed("/api/search.atom?q=sap%20nhap", {{"Host", "tin.example.vn:8443"}});
  CHECK(Link(Root(proxied), "self") == "http://tin.example.vn:8443/api/search.atom?q=sap%20nhap");
  CHECK(Link(Entries(proxied).at(0), "alternate") == "http://tin.example.vn:8443/documents/qn%2Ftricky%201");
  CHECK(tinhgon::FeedOrigin("") == "http://127.0.0.1");
  CHECK(tinhgon::FeedOrigin("evil.example/\"><x") == "http://127.0.0.1");
  CHECK(tinhgon::FeedOrigin("[::1]:8080") == "http://[::1]:8080");
}

TEST_CASE("a request /api/search refuses is a 4xx JSON error from the feed too", "[server][atom]") {
  auto get = [](const std::string& path) { return Shared().server().Get(path); };
  tinhgon::testing::CheckError(get("/api/search.atom?per_page=0"), 400, "invalid_per_page");
  tinhgon::testing::CheckError(get("/api/search.atom?sort=random"), 400, "invalid_sort");
  tinhgon::testing::CheckError(get("/api/search.atom?page=0"), 400, "invalid_page");
  tinhgon::testing::CheckError(get("/api/search.atom?from=2021-01-01&to=2020-01-01"), 400, "invalid_date_range");
  httplib::Result r = get("/api/search.atom?per_page=abc");
  REQUIRE(r);
  CHECK(r->get_header_value("Content-Type") == "application/json; charset=utf-8");
}

TEST_CASE("characters XML cannot carry are replaced, so the feed still parses", "[server][atom]") {
  tinhgon::SearchResponse response;
  response.query = "bell\x07";
  tinhgon::Hit hit;
  hit.report.id = "broken";
  hit.report.title = std::string("half a letter \xE1\xBB and a form feed\f");
  hit.report.date = "2020-13";  // not a day: dated at the epoch
  response.results.push_back(hit);
  std::string xml = tinhgon::AtomFeed(response, {"http://127.0.0.1", "/api/search.atom?q=bell%07"});
  Document doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "feed.xml", nullptr, XML_PARSE_NONET),
               xmlFreeDoc);
  REQUIRE(doc);
  CHECK(Only(Root(doc), "title") == "tinhgon: «bell »");  // a control character becomes a space
  std::vector<xmlNode*> entries = Entries(doc);
  REQUIRE(entries.size() == 1);
  CHECK(Only(entries[0], "title") == "half a letter \uFFFD and a form feed ");
  CHECK(Only(entries[0], "updated") == kEpoch);
  CHECK(Only(Root(doc), "updated") == kEpoch);
}
