#include "analyzers/metadata/gazetteer.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "analyzers/analyzer.h"
#include "analyzers/data_file.h"
#include "metadata_embedded.h"

namespace tinhgon {
namespace {

// The name key of a 2025 province: "Thành phố Hà Nội" is listed under "Hà Nội".
std::string_view WithoutCityPrefix(std::string_view name) {
  constexpr std::string_view kCity = "Thành phố ";
  return name.substr(0, kCity.size()) == kCity ? name.substr(kCity.size()) : name;
}

// A 2025 commune is listed with its administrative word ("Phường Ba Đình");
// the name and the type are kept apart, as for the old units.
std::pair<std::string, std::string> SplitType2025(std::string_view name) {
  static const std::pair<std::string_view, const char*> kTypes[] = {
      {"Phường ", "phuong"}, {"Xã ", "xa"}, {"Đặc khu ", "dac-khu"}, {"Thị trấn ", "thi-tran"}};
  for (const auto& [prefix, type] : kTypes) {
    if (name.substr(0, prefix.size()) == prefix) return {std::string(name.substr(prefix.size())), type};
  }
  return {std::string(name), "xa"};
}

AdminLevel LevelNamed(std::string_view name) {
  if (name == "province") return AdminLevel::kProvince;
  if (name == "district") return AdminLevel::kDistrict;
  if (name == "commune") return AdminLevel::kCommune;
  throw std::runtime_error("place_names.tsv: unknown level " + std::string(name));
}

}  // namespace

const char* AdminLevelName(AdminLevel level) {
  switch (level) {
    case AdminLevel::kProvince: return "province";
    case AdminLevel::kDistrict: return "district";
    case AdminLevel::kCommune:
    case AdminLevel::kCommune2025: return "commune";
  }
  return "province";
}

const char* AdminKindName(const AdminUnit& unit) {
  static const std::map<std::string, const char*> kKinds = {
      {"tinh", "tỉnh"},       {"huyen", "huyện"},   {"quan", "quận"},   {"thi-xa", "thị xã"},
      {"xa", "xã"},           {"phuong", "phường"}, {"thi-tran", "thị trấn"},
      {"dac-khu", "đặc khu"}};
  if (unit.type == "thanh-pho") {
    return unit.level == AdminLevel::kProvince ? "thành phố trực thuộc trung ương" : "thành phố thuộc tỉnh";
  }
  auto it = kKinds.find(unit.type);
  return it == kKinds.end() ? "" : it->second;
}

std::string Gazetteer::Key(const Analyzer& analyzer, std::string_view text) {
  std::string key;
  for (const Token& t : analyzer.Analyze(text).tokens) {
    if (t.expansion) continue;
    if (!key.empty()) key += ' ';
    key += t.term;
  }
  return key;
}

std::string Gazetteer::Canonical(const std::string& key) const {
  if (syllables_.empty()) return key;
  std::string out;
  std::size_t from = 0;
  while (from <= key.size()) {
    std::size_t space = key.find(' ', from);
    if (space == std::string::npos) space = key.size();
    std::string syllable = key.substr(from, space - from);
    auto it = syllables_.find(syllable);
    if (!out.empty()) out += ' ';
    out += it == syllables_.end() ? syllable : it->second;
    from = space + 1;
  }
  return out;
}

Gazetteer::Gazetteer(const Analyzer& analyzer) {
  for (DataLine& line : ReadDataLines(embedded::metadata_gazetteer)) rows_.push_back(std::move(line.fields));
  std::unordered_map<std::string, std::int32_t> index_2025;
  Load(&index_2025);
  LoadCommunes2025(index_2025);
  rows_.clear();
  if (provinces_.empty() || districts_.empty() || communes_.empty() || communes_2025_.empty()) {
    throw std::runtime_error("the embedded gazetteer is empty or malformed");
  }
  // Syllable variants first: the names are indexed in their canonical form.
  for (const DataLine& line : ReadDataLines(embedded::metadata_place_names)) {
    if (line.fields.size() >= 3 && line.fields[0] == "syllable") {
      syllables_[Key(analyzer, line.fields[1])] = Key(analyzer, line.fields[2]);
    }
  }
  Index(analyzer, AdminLevel::kProvince, provinces_);
  Index(analyzer, AdminLevel::kDistrict, districts_);
  Index(analyzer, AdminLevel::kCommune, communes_);
  Index(analyzer, AdminLevel::kCommune2025, communes_2025_);
  LoadWrittenForms(analyzer);
}

void Gazetteer::Load(std::unordered_map<std::string, std::int32_t>* index_2025) {
  std::unordered_map<std::string, std::int32_t> province_index, district_index;
  // 2025 provinces first: the old units point at them.
  for (const auto& f : rows_) {
    if (f[0] != "N" || f.size() < 3) continue;
    (*index_2025)[std::string(f[1])] = static_cast<std::int32_t>(provinces_2025_.size());
    provinces_2025_.push_back({std::string(f[1]), std::string(WithoutCityPrefix(f[2]))});
  }
  auto to_2025 = [&](std::string_view code) {
    auto it = index_2025->find(std::string(code));
    return it == index_2025->end() ? -1 : it->second;
  };
  for (const auto& f : rows_) {
    if (f[0] == "P" && f.size() >= 5) {
      province_index[std::string(f[1])] = static_cast<std::int32_t>(provinces_.size());
      provinces_.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]),
                            AdminLevel::kProvince, -1, -1, to_2025(f[4]), {}});
    }
  }
  for (const auto& f : rows_) {
    if (f[0] == "D" && f.size() >= 6) {
      district_index[std::string(f[1])] = static_cast<std::int32_t>(districts_.size());
      auto p = province_index.find(std::string(f[4]));
      districts_.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]),
                            AdminLevel::kDistrict, -1,
                            p == province_index.end() ? -1 : p->second, to_2025(f[5]), {}});
    }
  }
  for (const auto& f : rows_) {
    if (f[0] == "C" && f.size() >= 6) {
      auto d = district_index.find(std::string(f[4]));
      std::int32_t district = d == district_index.end() ? -1 : d->second;
      communes_.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]),
                           AdminLevel::kCommune, district,
                           district < 0 ? -1 : districts_[district].province, to_2025(f[5]), {}});
    }
  }
}

// The 2025 communes, and for every old unit the 2025 communes holding it
// today (the official old→new mapping, one row per old commune).
void Gazetteer::LoadCommunes2025(const std::unordered_map<std::string, std::int32_t>& index_2025) {
  std::unordered_map<std::string, std::int32_t> by_code;
  for (const auto& f : rows_) {
    if (f[0] != "W" || f.size() < 4) continue;
    auto [name, type] = SplitType2025(f[2]);
    auto p = index_2025.find(std::string(f[3]));
    std::int32_t index = static_cast<std::int32_t>(communes_2025_.size());
    by_code[std::string(f[1])] = index;
    communes_2025_.push_back({std::string(f[1]), name, type, AdminLevel::kCommune2025, -1, -1,
                              p == index_2025.end() ? -1 : p->second, {index}});
  }
  std::vector<std::map<std::int32_t, int>> old_provinces(communes_2025_.size());
  std::size_t c = 0;
  for (const auto& f : rows_) {
    if (f[0] != "C" || f.size() < 6) continue;
    AdminUnit& commune = communes_[c++];
    if (f.size() < 7) continue;
    for (std::string_view code : SplitAndTrim(f[6], ",")) {
      auto it = by_code.find(std::string(code));
      if (it == by_code.end()) continue;
      commune.communes_2025.push_back(it->second);
      if (commune.province >= 0) ++old_provinces[it->second][commune.province];
      if (commune.district < 0) continue;
      auto& of_district = districts_[commune.district].communes_2025;
      if (std::find(of_district.begin(), of_district.end(), it->second) == of_district.end()) {
        of_district.push_back(it->second);
      }
    }
  }
  // A 2025 commune belongs to the old province most of it came from, so that
  // the old-province facet still finds reports about it.
  for (std::size_t i = 0; i < communes_2025_.size(); ++i) {
    AdminUnit& unit = communes_2025_[i];
    int most = 0;
    for (const auto& [province, count] : old_provinces[i]) {
      if (count > most) unit.province = province, most = count;
    }
    // A few 2025 communes have no mapping row the old list matches: they
    // belong to the old province that gave their 2025 province its name.
    for (std::size_t p = 0; unit.province < 0 && p < provinces_.size(); ++p) {
      if (provinces_[p].province_2025 == unit.province_2025 &&
          provinces_[p].name == provinces_2025_[unit.province_2025].name) {
        unit.province = static_cast<std::int32_t>(p);
      }
    }
  }
}

void Gazetteer::LoadWrittenForms(const Analyzer& analyzer) {
  for (const DataLine& line : ReadDataLines(embedded::metadata_place_names)) {
    const auto& f = line.fields;
    if (f.size() < 4 || f[0] != "alias") continue;
    AdminLevel level = LevelNamed(f[2]);
    std::string province = f.size() >= 5 ? Key(analyzer, f[4]) : std::string();
    std::vector<std::int32_t> units;
    for (std::int32_t u : Find(level, Key(analyzer, f[3]))) {
      const AdminUnit& unit = this->unit(level, u);
      if (province.empty() || (unit.province >= 0 && Key(analyzer, provinces_[unit.province].name) == province)) {
        units.push_back(u);
      }
    }
    if (units.empty()) {
      throw std::runtime_error("place_names.tsv line " + std::to_string(line.number) + ": no unit " +
                               std::string(f[3]));
    }
    std::string key = Canonical(Key(analyzer, f[1]));
    auto& listed = by_name_[static_cast<int>(level)][key];
    for (std::int32_t u : units) {
      if (std::find(listed.begin(), listed.end(), u) == listed.end()) listed.push_back(u);
    }
    if (key.find(' ') == std::string::npos) one_word_forms_.insert(key);
  }
}

void Gazetteer::Index(const Analyzer& analyzer, AdminLevel level, const std::vector<AdminUnit>& units) {
  auto& map = by_name_[static_cast<int>(level)];
  for (std::size_t i = 0; i < units.size(); ++i) {
    std::string key = Canonical(Key(analyzer, units[i].name));
    std::size_t terms = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
    longest_name_ = std::max(longest_name_, terms);
    map[key].push_back(static_cast<std::int32_t>(i));
  }
}

const std::vector<std::int32_t>& Gazetteer::Find(AdminLevel level, const std::string& key) const {
  static const std::vector<std::int32_t> kNone;
  const auto& map = by_name_[static_cast<int>(level)];
  auto it = map.find(Canonical(key));
  return it == map.end() ? kNone : it->second;
}

bool Gazetteer::OneWordForm(const std::string& key) const { return one_word_forms_.count(Canonical(key)) > 0; }

const AdminUnit& Gazetteer::unit(AdminLevel level, std::int32_t i) const {
  switch (level) {
    case AdminLevel::kProvince: return provinces_[i];
    case AdminLevel::kDistrict: return districts_[i];
    case AdminLevel::kCommune: return communes_[i];
    case AdminLevel::kCommune2025: return communes_2025_[i];
  }
  return provinces_[i];
}

}  // namespace tinhgon
