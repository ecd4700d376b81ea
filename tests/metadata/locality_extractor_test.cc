#include "analyzers/metadata/locality_extractor.h"

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"

using tinhgon::AdminLevel;
using tinhgon::Locality;

namespace {
struct Fixture {
  tinhgon::Analyzer analyzer;
  tinhgon::Gazetteer gazetteer{analyzer};
  tinhgon::LocalityExtractor extractor{gazetteer, analyzer};

  // "level name/province" for each locality, primary marked with '*'.
  std::vector<std::string> Run(const std::string& title, const std::string& body) {
    std::string text = title + "\n" + body;
    auto localities = extractor.Extract(analyzer.Analyze(text).tokens, text, 0, title.size());
    std::vector<std::string> out;
    for (const Locality& l : localities) {
      const auto& unit = gazetteer.unit(l.level, l.unit);
      std::string province = l.level == AdminLevel::kProvince
                                 ? unit.name
                                 : gazetteer.province(unit.province).name;
      out.push_back(std::string(l.primary ? "*" : "") + tinhgon::AdminLevelName(l.level) + " " +
                    unit.name + "/" + province);
    }
    return out;
  }
};
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE_METHOD(Fixture, "administrative words introduce places", "[locality]") {
  CHECK(Run("Tinh gọn bộ máy", "HĐND tỉnh Bắc Kạn họp. Tỉnh Bắc Kạn giảm 2 biên chế.") ==
        Strings{"*province Bắc Kạn/Bắc Kạn"});
  CHECK(Run("Hợp nhất văn phòng", "Huyện ủy Yên Sơn và UBND huyện Yên Sơn hợp nhất văn phòng.") ==
        Strings{"*district Yên Sơn/Tuyên Quang"});
}

TEST_CASE_METHOD(Fixture, "a place named at the head of the title is the primary", "[locality]") {
  CHECK(Run("Đầm Hà: Hiệu quả tinh giản", "Huyện đã giảm 3 phòng.") ==
        Strings{"*district Đầm Hà/Quảng Ninh"});
}

TEST_CASE_METHOD(Fixture, "an ambiguous name is settled by the places around it", "[locality]") {
  // Châu Thành is a district of ten provinces.
  CHECK(Run("Sắp xếp bộ máy", "Huyện Châu Thành, tỉnh Tiền Giang giảm 5 đầu mối.") ==
        Strings{"*district Châu Thành/Tiền Giang", "province Tiền Giang/Tiền Giang"});
  // "xã Yên Sơn" alone is one of many communes; in Đô Lương it is that one.
  Strings in_do_luong = Run("Đô Lương: sáp nhập xã", "Xã Yên Sơn thuộc huyện Đô Lương hợp nhất văn phòng.");
  CHECK(in_do_luong.front() == "*district Đô Lương/Nghệ An");
  CHECK(std::find(in_do_luong.begin(), in_do_luong.end(), "commune Yên Sơn/Nghệ An") != in_do_luong.end());
}

TEST_CASE_METHOD(Fixture, "a name that stays ambiguous is left out", "[locality]") {
  CHECK(Run("Tin vắn", "Huyện Châu Thành giảm 5 đầu mối.").empty());
}

TEST_CASE_METHOD(Fixture, "common words and people are not places", "[locality]") {
  CHECK(Run("Công tác xã hội", "Các tổ chức chính trị - xã hội cùng tham gia.").empty());
  CHECK(Run("Học tập", "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.").empty());
  // The city, with its city word; the only place named, so the primary.
  CHECK(Run("Đô thị", "TP. Hồ Chí Minh giảm 20 phòng.") == Strings{"*province Hồ Chí Minh/Hồ Chí Minh"});
}

TEST_CASE_METHOD(Fixture, "national reports and comparisons have no primary", "[locality]") {
  CHECK(Run("Bộ Nội vụ ban hành thông tư", "Thông tư hướng dẫn chức năng của Sở Nội vụ.").empty());
  Strings compared = Run("So sánh hai tỉnh", "Tỉnh Bắc Kạn giảm 2 biên chế; tỉnh Cao Bằng giảm 3 biên chế.");
  CHECK(compared.size() == 2);
  for (const std::string& l : compared) CHECK(l[0] != '*');
}
