#include "analyzers/metadata/gazetteer.h"

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"

using tinhgon::AdminLevel;
using tinhgon::Gazetteer;

namespace {
struct Fixture {
  tinhgon::Analyzer analyzer;
  Gazetteer gazetteer{analyzer};
  std::string Key(const char* name) { return Gazetteer::Key(analyzer, name); }
  std::string Province2025Of(AdminLevel level, const char* name) {
    const auto& found = gazetteer.Find(level, Key(name));
    REQUIRE(found.size() == 1);
    return gazetteer.province_2025(gazetteer.unit(level, found[0]).province_2025).name;
  }
};
}  // namespace

TEST_CASE_METHOD(Fixture, "both administrative systems are complete", "[gazetteer]") {
  CHECK(gazetteer.province_count() == 63);
  CHECK(gazetteer.district_count() == 705);
  CHECK(gazetteer.commune_count() == 10599);
  CHECK(gazetteer.province_2025_count() == 34);
}

TEST_CASE_METHOD(Fixture, "each old unit knows the 2025 province containing it", "[gazetteer]") {
  CHECK(Province2025Of(AdminLevel::kProvince, "Bắc Kạn") == "Thái Nguyên");
  CHECK(Province2025Of(AdminLevel::kProvince, "Bắc Giang") == "Bắc Ninh");
  CHECK(Province2025Of(AdminLevel::kProvince, "Quảng Ninh") == "Quảng Ninh");
  CHECK(Province2025Of(AdminLevel::kDistrict, "Đô Lương") == "Nghệ An");
  CHECK(Province2025Of(AdminLevel::kDistrict, "Đầm Hà") == "Quảng Ninh");
}

TEST_CASE_METHOD(Fixture, "names are found in any tone style and case", "[gazetteer]") {
  CHECK(gazetteer.Find(AdminLevel::kProvince, Key("HOÀ BÌNH")).size() == 1);
  CHECK(gazetteer.Find(AdminLevel::kProvince, Key("Hòa Bình")).size() == 1);
}

TEST_CASE_METHOD(Fixture, "ambiguous names list every unit", "[gazetteer]") {
  // Yên Sơn: one district (Tuyên Quang), communes in many places, one in Đô Lương.
  const auto& districts = gazetteer.Find(AdminLevel::kDistrict, Key("Yên Sơn"));
  REQUIRE(districts.size() == 1);
  CHECK(gazetteer.province(gazetteer.district(districts[0]).province).name == "Tuyên Quang");
  const auto& communes = gazetteer.Find(AdminLevel::kCommune, Key("Yên Sơn"));
  CHECK(communes.size() >= 10);
  bool in_do_luong = false;
  for (auto c : communes) {
    in_do_luong = in_do_luong || gazetteer.district(gazetteer.commune(c).district).name == "Đô Lương";
  }
  CHECK(in_do_luong);
  CHECK(gazetteer.Find(AdminLevel::kDistrict, Key("Châu Thành")).size() >= 10);
}
