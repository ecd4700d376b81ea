// The 2025 communes as a filter and a facet: the reports about a new commune
// and about the old units it was formed from, in the library, the query
// language, the API and the web form.
#include <cstdio>
#include <map>
#include <set>

#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "server/http_params.h"
#include "search/query_parser.h"
#include "search/response_json.h"
#include "search/searcher.h"
#include "tests/indexer/test_corpus.h"
#include "tests/server/test_server.h"

using nlohmann::json;
using nlohmann::ordered_json;
using tinhgon::SearchRequest;
using tinhgon::Searcher;
using tinhgon::testing::TempDir;

namespace {

// Since 1 July 2025 phường Sài Gòn (26740) holds the old phường Bến Nghé of
// Quận 1, and Quận 1's communes make up Tân Định (26737), Sài Gòn, Bến Thành
// (26743) and Cầu Ông Lãnh (26758). Huyện Yên Sơn's communes went to 13
// communes of the 2025 Tuyên Quang.
class Fixture {
 public:
  Fixture() : dir_("commune-2025") {
    auto write = [&](auto&&... report) { tinhgon::testing::WriteDatedReport(dir_, report...); };
    write("old-ward", "Bến Nghé tinh gọn bộ máy", "12/03/2019", "UBND phường Bến Nghé, Quận 1, TP.HCM giảm 2 đầu mối.");
    write("new-ward", "Phường Sài Gòn sau sắp xếp", "02/07/2025", "UBND phường Sài Gòn, TP.HCM giảm 3 đầu mối.");
    write("tan-dinh", "Tân Định tinh gọn", "05/05/2019", "UBND phường Tân Định, Quận 1, TP.HCM giảm 1 đầu mối.");
    write("two-places", "Hai địa phương trao đổi", "06/06/2020",
          "UBND Quận 1, TP.HCM và UBND huyện Yên Sơn, tỉnh Tuyên Quang trao đổi kinh nghiệm sắp xếp.");
    write("yen-son", "Yên Sơn hợp nhất văn phòng", "07/07/2020", "Huyện Yên Sơn, tỉnh Tuyên Quang hợp nhất văn phòng.");
    tinhgon::testing::IndexInputs(dir_);
    searcher_ = std::make_unique<Searcher>(dir_ / "index");
  }

  // The response as the API writes it, so the tests read what users get.
  ordered_json Search(const std::string& q, std::map<std::string, std::vector<std::string>> filters = {}) {
    SearchRequest r;
    r.q = q;
    for (auto& [name, values] : filters) r.filters[*tinhgon::FilterNamed(name)] = std::move(values);
    r.per_page = 20;
    return tinhgon::ToJson(searcher_->Search(r));
  }
  std::set<std::string> Ids(const ordered_json& response) {
    std::set<std::string> ids;
    for (const auto& hit : response["results"]) ids.insert(hit["id"].get<std::string>());
    return ids;
  }
  Searcher& searcher() { return *searcher_; }
  std::filesystem::path index() const { return dir_ / "index"; }

 private:
  TempDir dir_;
  std::unique_ptr<Searcher> searcher_;
};

Fixture& Shared() {
  static Fixture fixture;
  return fixture;
}

std::set<std::string> Values(const ordered_json& facet) {
  std::set<std::string> values;
  for (const auto& v : facet) values.insert(v["value"].get<std::string>());
  return values;
}

const std::set<std::string> kQuan1 = {"26737", "26740", "26743", "26758"};

}  // namespace

TEST_CASE("a 2025 commune finds the reports about it and about the old units it was formed from",
          "[search][commune_2025]") {
  // The new ward, the old ward it absorbed, and the old district it came from.
  const std::set<std::string> sai_gon = {"new-ward.txt", "old-ward.txt", "two-places.txt"};
  for (const char* value : {"Sài Gòn", "sai gon", "SÀI GÒN", "phường Sài Gòn", "26740"}) {
    INFO(value);
    CHECK(Shared().Ids(Shared().Search("", {{"commune_2025", {value}}})) == sai_gon);
  }
  // The same in the query language, Vietnamese field name and English alias.
  for (const char* q : {"xa2025:\"Sài Gòn\"", "xa2025:26740", "commune2025:\"sai gon\""}) {
    INFO(q);
    CHECK(Shared().Ids(Shared().Search(q)) == sai_gon);
  }
  // Several values are alternatives.
  std::set<std::string> either = Shared().Ids(Shared().Search("", {{"commune_2025", {"Sài Gòn", "Tân Định"}}}));
  CHECK(either == std::set<std::string>{"new-ward.txt", "old-ward.txt", "two-places.txt", "tan-dinh.txt"});
  // A ward of Quận 1 named with its district is no report about the other wards.
  CHECK(Shared().Ids(Shared().Search("", {{"commune_2025", {"Bến Thành"}}})) ==
        std::set<std::string>{"two-places.txt"});
}

TEST_CASE("an unknown 2025 commune finds nothing and says why", "[search][commune_2025]") {
  ordered_json r = Shared().Search("", {{"commune_2025", {"Atlantis"}}});
  CHECK(r["total"] == 0);
  REQUIRE(r["warnings"].size() == 1);
  CHECK(r["warnings"][0] == "no commune_2025 called 'Atlantis'");
  ordered_json q = Shared().Search("xa2025:Atlantis");
  CHECK(q["total"] == 0);
  CHECK(q["warnings"].dump().find("Atlantis") != std::string::npos);
}

TEST_CASE("the 2025 commune facet lists the communes of the 2025 province filtered on", "[search][commune_2025]") {
  // Not listed without a 2025-province filter, nor under an old-province one
  // (which lists that province's districts instead).
  CHECK(Shared().Search("")["facets"]["commune_2025"].empty());
  ordered_json old_province = Shared().Search("", {{"province", {"Hồ Chí Minh"}}});
  CHECK(old_province["facets"]["commune_2025"].empty());
  CHECK_FALSE(old_province["facets"]["district"].empty());
  // A district named by a number is labelled with its kind.
  bool quan_1 = false;
  for (const auto& v : old_province["facets"]["district"]) quan_1 = quan_1 || (v["value"] == "760" && v["label"] == "Quận 1");
  CHECK(quan_1);

  ordered_json hcm = Shared().Search("", {{"province_2025", {"ho chi minh"}}});
  const ordered_json& facet = hcm["facets"]["commune_2025"];
  // two-places.txt is counted under Yên Sơn's communes too, which are not
  // Hồ Chí Minh's and are not listed.
  CHECK(Values(facet) == kQuan1);
  std::map<std::string, std::string> labels;
  for (const auto& v : facet) {
    labels[v["value"]] = v["label"];
    // A value's count is what its filter finds.
    ordered_json filtered = Shared().Search("", {{"province_2025", {"ho chi minh"}}, {"commune_2025", {v["value"]}}});
    CHECK(v["count"] == filtered["total"]);
  }
  CHECK(labels["26740"] == "Phường Sài Gòn");
  CHECK(labels["26737"] == "Phường Tân Định");
  CHECK(facet[0]["value"] == "26740");  // three reports, the most

  // Two provinces: the communes of both.
  ordered_json both = Shared().Search("", {{"province_2025", {"Hồ Chí Minh", "Tuyên Quang"}}});
  CHECK(both["facets"]["commune_2025"].size() == kQuan1.size() + 13);
  // Every one, over the whole index, for clients that want them all.
  CHECK(tinhgon::ToJson(Shared().searcher().AllFacets())["facets"]["commune_2025"].size() == kQuan1.size() + 13);
}

TEST_CASE("hits carry the 2025 communes of their place", "[search][commune_2025]") {
  ordered_json r = Shared().Search("Bến Nghé");
  REQUIRE(r["results"].size() == 1);
  const ordered_json& place = r["results"][0]["locality"];
  CHECK(place["system"] == "before_2025");
  CHECK(place["kind"] == "phường");
  CHECK(place["commune_2025_code"] == ordered_json::array({"26740"}));
  CHECK(place["commune_2025_name"] == ordered_json::array({"Sài Gòn"}));
  ordered_json now = Shared().Search("Phường Sài Gòn sau sắp xếp");
  REQUIRE_FALSE(now["results"].empty());
  CHECK(now["results"][0]["locality"]["system"] == "2025");
}

TEST_CASE("the parameter, its query fields and its CLI flag", "[search][commune_2025]") {
  CHECK(tinhgon::FilterOfQueryField("xa2025") == tinhgon::Filter::kCommune2025);
  CHECK(tinhgon::FilterOfQueryField("commune2025") == tinhgon::Filter::kCommune2025);
  SearchRequest r = tinhgon::ParseSearchParams({{"commune_2025", "Sài Gòn"}, {"commune_2025", "26737"}});
  CHECK(r.filters[tinhgon::Filter::kCommune2025] == std::vector<std::string>{"Sài Gòn", "26737"});
  const std::string command = std::string(TINHGON_SEARCH_BINARY) + " --db '" + Shared().index().string() +
                              "' --commune-2025 'sai gon' 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe);
  std::string printed;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) printed.append(buffer, n);
  CHECK(WEXITSTATUS(pclose(pipe)) == 0);
  CHECK(printed.rfind("3 results", 0) == 0);
  CHECK(printed.find("Bến Nghé, Hồ Chí Minh → 2025: Sài Gòn") != std::string::npos);
  CHECK(printed.find("Sài Gòn (2025), Hồ Chí Minh") != std::string::npos);
}

TEST_CASE("the web form lists the facet, shows its chip and the 2025 communes of a report's places",
          "[search][commune_2025][web]") {
  tinhgon::testing::TestServer server(Shared().index());
  auto page = server.Get("/search?province_2025=79");
  REQUIRE(page);
  CHECK(page->body.find("Xã/phường (từ 1/7/2025)") != std::string::npos);
  CHECK(page->body.find("href=\"/search?province_2025=79&amp;commune_2025=26740\"") != std::string::npos);
  auto filtered = server.Get("/search?province_2025=79&commune_2025=26740");
  CHECK(filtered->body.find("Xã/phường (từ 1/7/2025): Phường Sài Gòn") != std::string::npos);
  // The API documents every field of the hit's place.
  json spec = json::parse(server.Get("/openapi.json")->body);
  json hit = json::parse(server.Get("/api/search?commune_2025=26740")->body)["results"][0];
  for (const auto& key : spec["components"]["schemas"]["Hit"]["properties"]["locality"]["required"]) {
    CHECK(hit["locality"].contains(key.get<std::string>()));
  }
  json place = json::parse(server.Get("/api/documents/old-ward.txt")->body)["localities"][0];
  for (const auto& key : spec["components"]["schemas"]["Locality"]["required"]) {
    CHECK(place.contains(key.get<std::string>()));
  }
  // A report's page: the old ward, the 2025 ward holding it now, a link to
  // everything about that area.
  auto doc = server.Get("/documents/old-ward.txt");
  REQUIRE(doc);
  CHECK(doc->body.find("Bến Nghé</a> (phường)") != std::string::npos);
  CHECK(doc->body.find("nay thuộc xã/phường <a class=\"now\" href=\"/search?province_2025=79&amp;commune_2025=26740\">Sài "
                       "Gòn</a>") != std::string::npos);
  auto now = server.Get("/documents/new-ward.txt");
  CHECK(now->body.find("Sài Gòn</a> (phường từ 1/7/2025)") != std::string::npos);
}
