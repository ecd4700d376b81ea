// The stored-report codec: the metadata as JSON, a NUL, the text; read back
// by a hit without touching the text, and damaged data refused, not thrown.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "index/stored_report.h"

using nlohmann::ordered_json;

namespace {

ordered_json Metadata() {
  return {{"id", "a.txt"},
          {"source", "a.txt"},
          {"url", "https://example.vn/a"},
          {"title", "Đầm Hà hợp nhất văn phòng"},
          {"byline", nullptr},
          {"date", "2020-07-28"},
          {"localities",
           {{{"code", "06"}, {"name", "Bắc Kạn"}, {"level", "province"}, {"kind", "tỉnh"}, {"system", "before_2025"},
             {"primary", false}},
            {{"code", "200"}, {"name", "Đầm Hà"}, {"level", "district"}, {"kind", "huyện"}, {"system", "before_2025"},
             {"primary", true}, {"province_name", "Quảng Ninh"}, {"commune_2025_code", {"06895"}},
             {"commune_2025_name", {"Đầm Hà"}}}}},
          {"agencies", {{{"slug", "phong-noi-vu"}, {"label", "Phòng Nội vụ"}, {"level", "huyện"}}}},
          {"events", {{{"type", "merge"}}, {{"type", "merge"}}, {{"type", "no-such-type"}}, {{"type", "annex"}}}},
          {"figures", {{{"kind", "staff_cut"}, {"value", 4}, {"unit", "biên chế"}, {"planned", false}}}}};
}

}  // namespace

TEST_CASE("a record keeps the text outside the metadata and reads back what a hit shows", "[index][codec]") {
  const std::string text = "Đầm Hà hợp nhất văn phòng\nHuyện Đầm Hà giảm 4 biên chế.";
  const std::string data = tinhgon::EncodeStoredRecord(Metadata(), text);
  REQUIRE(data.find('\0') != std::string::npos);
  CHECK(tinhgon::StoredText(data) == text);
  CHECK(tinhgon::StoredMetadata(data).value().find("Đầm Hà giảm") == std::string::npos);
  std::optional<tinhgon::StoredReport> report = tinhgon::DecodeStoredReport(data);
  REQUIRE(report);
  CHECK(report->id == "a.txt");
  CHECK(report->url == "https://example.vn/a");
  CHECK_FALSE(report->byline);
  REQUIRE(report->locality);
  CHECK(report->locality->name == "Đầm Hà");
  CHECK(report->locality->commune_2025_names == std::vector<std::string>{"Đầm Hà"});
  REQUIRE(report->places.size() == 2);
  CHECK(report->places.front().code == "200");  // the primary first
  CHECK(report->events == std::vector<tinhgon::EventType>{tinhgon::EventType::kMerge, tinhgon::EventType::kAnnex});
  REQUIRE(report->figures.size() == 1);
  CHECK(report->figures[0].value == 4);
  std::optional<ordered_json> whole = tinhgon::DecodeStoredRecord(data);
  REQUIRE(whole);
  CHECK((*whole)["text"] == text);
}

TEST_CASE("a text holding what looks like JSON or control bytes stays outside the metadata", "[index][codec]") {
  const std::string text = std::string("}{\"id\": \"forged\"}\x01\x1f") + '\0' + "more";
  const std::string data = tinhgon::EncodeStoredRecord(Metadata(), text);
  CHECK(tinhgon::DecodeStoredReport(data)->id == "a.txt");
  CHECK(tinhgon::StoredText(data) == text);
  ordered_json control = Metadata();
  control["title"] = std::string("a\0b", 3);  // escaped in the JSON, so no early separator
  CHECK(tinhgon::DecodeStoredReport(tinhgon::EncodeStoredRecord(control, "x"))->title == std::string("a\0b", 3));
}

TEST_CASE("damaged records are refused, never thrown", "[index][codec]") {
  for (const std::string& damaged : {std::string(), std::string("not json"), std::string("[1,2]"),
                                     std::string("{\"id\": 5}"), std::string("{\"localities\": [3]}"),
                                     std::string("{\"agencies\": [{\"label\": \"no slug\"}]}"),
                                     std::string("{\"figures\": [{\"kind\": \"staff_cut\"}]}")}) {
    INFO(damaged);
    CHECK_NOTHROW(tinhgon::DecodeStoredReport(damaged));
    CHECK_FALSE(tinhgon::DecodeStoredReport(damaged));
    CHECK_FALSE(tinhgon::StoredMetadata(damaged));
  }
  CHECK(tinhgon::StoredText("{\"id\": \"x\"}").empty());  // no separator: no text
}
