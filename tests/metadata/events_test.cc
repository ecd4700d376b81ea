#include <catch2/catch.hpp>

#include "analyzers/metadata/metadata_extractor.h"

using tinhgon::Figure;
using tinhgon::RestructuringEvent;

namespace {
tinhgon::MetadataExtractor& Extractor() {
  static tinhgon::MetadataExtractor extractor;
  return extractor;
}
tinhgon::ReportMetadata Extract(const std::string& body) {
  return Extractor().Extract("Tiêu đề bản tin\n" + body);
}
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("each clause of a merge list is its own event, with before and after", "[events]") {
  auto m = Extract(
      "Theo đó, hợp nhất: Ban Tổ chức Huyện ủy với Phòng Nội vụ huyện thành Cơ quan Tổ chức - Nội vụ "
      "huyện; Ủy ban Kiểm tra Huyện ủy với Thanh tra huyện thành Cơ quan Ủy ban Kiểm tra - Thanh tra huyện.");
  REQUIRE(m.events.size() == 2);
  CHECK(m.events[0].type == tinhgon::EventType::kMerge);
  CHECK(m.events[0].from == Strings{"ban-to-chuc", "phong-noi-vu"});
  CHECK(m.events[0].to == Strings{"co-quan-to-chuc-noi-vu"});
  CHECK(m.events[1].from == Strings{"uy-ban-kiem-tra", "thanh-tra"});
  CHECK(m.events[1].to == Strings{"co-quan-ubkt-thanh-tra"});
}

TEST_CASE("every event type is recognized", "[events]") {
  auto type_of = [](const std::string& body) {
    auto m = Extract(body);
    return m.events.empty() ? std::string() : std::string(tinhgon::ApiName(m.events.front().type));
  };
  CHECK(type_of("Huyện sáp nhập Phòng Y tế vào Phòng Lao động - Thương binh và Xã hội.") == "annex");
  CHECK(type_of("Tỉnh sẽ tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh thành hai văn phòng.") == "split");
  CHECK(type_of("Huyện giải thể Ban Quản lý dự án.") == "dissolve");
  CHECK(type_of("Thực hiện nhất thể hóa Trưởng Ban Dân vận đồng thời là Chủ tịch Ủy ban MTTQ.") == "unify_roles");
  CHECK(type_of("UBND huyện thành lập Trung tâm Hành chính công.") == "establish");
  CHECK(type_of("Tỉnh quyết định dừng thí điểm hợp nhất Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh.") == "pilot_stop");
}

TEST_CASE("trigger words used of other things are not events", "[events]") {
  CHECK(Extract("Ngân hàng sẽ hợp nhất dữ liệu khách hàng.").events.empty());
  CHECK(Extract("Dự lễ kỷ niệm 90 năm ngày thành lập Đảng.").events.empty());
  CHECK(Extract("Công tác thanh tra không thể tách rời công tác kiểm tra.").events.empty());
}

TEST_CASE("reductions and savings with their numbers", "[figures]") {
  auto m = Extract(
      "Sau hợp nhất đã giảm 3 đầu mối cơ quan, giảm 3 cấp trưởng và 2 cấp phó. Cấp phó giảm 20 đồng chí. "
      "Việc hợp nhất đã tiết kiệm kinh phí hoạt động với tổng số tiền gần 1,2 tỷ đồng/năm.");
  REQUIRE(m.figures.size() == 5);
  auto is = [](const Figure& f, const char* kind, double value, const char* unit) {
    return f.kind == kind && f.value == Approx(value) && f.unit == unit;
  };
  CHECK(is(m.figures[0], "units_cut", 3, "đầu mối"));
  CHECK(is(m.figures[1], "staff_cut", 3, "cấp trưởng"));
  CHECK(is(m.figures[2], "staff_cut", 2, "cấp phó"));
  CHECK(is(m.figures[3], "staff_cut", 20, "Cấp phó"));
  CHECK(is(m.figures[4], "savings", 1.2, "tỷ đồng/năm"));
  CHECK(m.figures[4].sentence.find("tiết kiệm") != std::string::npos);
}

TEST_CASE("numbers without a unit are not figures", "[figures]") {
  CHECK(Extract("Tỷ lệ hộ nghèo giảm 2 điểm phần trăm.").figures.empty());
  CHECK(Extract("Rút ngắn được 40% các bước tham mưu.").figures.empty());
}

TEST_CASE("changes of administrative units name the units, not who makes them", "[events]") {
  auto m = Extract("UBND huyện Yên Thế, tỉnh Bắc Giang sáp nhập xã Đồng Hưu vào xã Tiến Thắng.");
  REQUIRE(m.events.size() == 1);
  const RestructuringEvent& e = m.events[0];
  CHECK(e.type == tinhgon::EventType::kAnnex);
  CHECK(e.scope == "administrative_unit");
  CHECK(e.from.empty());  // the UBND is the actor
  const auto& g = Extractor().gazetteer();
  REQUIRE(e.from_units.size() == 1);
  REQUIRE(e.to_units.size() == 1);
  CHECK(g.unit(e.from_units[0].level, e.from_units[0].unit).name == "Đồng Hưu");
  CHECK(g.unit(e.to_units[0].level, e.to_units[0].unit).name == "Tiến Thắng");
  CHECK(g.unit(e.to_units[0].level, e.to_units[0].unit).code == "07264");
  // A unit that only says where the change happens is no party to it.
  auto located = Extract("Ở huyện Yên Thế, tỉnh Bắc Giang, UBND sáp nhập xã Đồng Hưu vào xã Tiến Thắng.");
  REQUIRE(located.events.size() == 1);
  CHECK(located.events[0].from_units.size() == 1);
}

TEST_CASE("changes of agencies keep their scope, and a passive subject is what changes", "[events]") {
  auto m = Extract("Phòng Y tế và Phòng Nội vụ huyện được hợp nhất.");
  REQUIRE(m.events.size() == 1);
  CHECK(m.events[0].scope == "agency");
  CHECK(m.events[0].from == Strings{"phong-y-te", "phong-noi-vu"});
  // An active subject is the actor.
  auto active = Extract("UBND tỉnh quyết định hợp nhất hai phòng.");
  REQUIRE(active.events.size() == 1);
  CHECK(active.events[0].from.empty());
}

TEST_CASE("plans are told apart from what was done", "[events][figures]") {
  auto m = Extract("Đến hết năm 2020 sẽ giảm 5 cấp phó. Năm 2018 huyện đã giảm 3 cấp trưởng.");
  REQUIRE(m.figures.size() == 2);
  CHECK(m.figures[0].planned);
  CHECK_FALSE(m.figures[1].planned);
  auto planned = Extract("Tỉnh dự kiến hợp nhất Sở Nội vụ với Ban Tổ chức Tỉnh ủy.");
  REQUIRE(planned.events.size() == 1);
  CHECK(planned.events[0].planned);
  auto done = Extract("Tỉnh đã hợp nhất Sở Nội vụ với Ban Tổ chức Tỉnh ủy.");
  REQUIRE(done.events.size() == 1);
  CHECK_FALSE(done.events[0].planned);
}
