#include "analyzers/metadata/gazetteer.h"

#include <algorithm>
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

}  // namespace

const char* AdminLevelName(AdminLevel level) {
  switch (level) {
    case AdminLevel::kProvince: return "province";
    case AdminLevel::kDistrict: return "district";
    case AdminLevel::kCommune: return "commune";
  }
  return "province";
}

std::string Gazetteer::Key(Analyzer& analyzer, std::string_view text) {
  std::string key;
  for (const Token& t : analyzer.Analyze(text).tokens) {
    if (t.expansion) continue;
    if (!key.empty()) key += ' ';
    key += t.term;
  }
  return key;
}

Gazetteer::Gazetteer(Analyzer& analyzer) {
  std::unordered_map<std::string, std::int32_t> province_index, district_index, index_2025;
  std::vector<std::vector<std::string_view>> rows;
  for (DataLine& line : ReadDataLines(embedded::metadata_gazetteer)) rows.push_back(std::move(line.fields));
  // 2025 provinces first: the old units point at them.
  for (const auto& f : rows) {
    if (f[0] != "N" || f.size() < 3) continue;
    index_2025[std::string(f[1])] = static_cast<std::int32_t>(provinces_2025_.size());
    provinces_2025_.push_back({std::string(f[1]), std::string(WithoutCityPrefix(f[2]))});
  }
  auto to_2025 = [&](std::string_view code) {
    auto it = index_2025.find(std::string(code));
    return it == index_2025.end() ? -1 : it->second;
  };
  for (const auto& f : rows) {
    if (f[0] == "P" && f.size() >= 5) {
      province_index[std::string(f[1])] = static_cast<std::int32_t>(provinces_.size());
      provinces_.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]),
                            AdminLevel::kProvince, -1, -1, to_2025(f[4])});
    }
  }
  for (const auto& f : rows) {
    if (f[0] == "D" && f.size() >= 6) {
      district_index[std::string(f[1])] = static_cast<std::int32_t>(districts_.size());
      auto p = province_index.find(std::string(f[4]));
      districts_.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]),
                            AdminLevel::kDistrict, -1,
                            p == province_index.end() ? -1 : p->second, to_2025(f[5])});
    }
  }
  for (const auto& f : rows) {
    if (f[0] == "C" && f.size() >= 6) {
      auto d = district_index.find(std::string(f[4]));
      std::int32_t district = d == district_index.end() ? -1 : d->second;
      communes_.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]),
                           AdminLevel::kCommune, district,
                           district < 0 ? -1 : districts_[district].province, to_2025(f[5])});
    }
  }
  if (provinces_.empty() || districts_.empty() || communes_.empty()) {
    throw std::runtime_error("the embedded gazetteer is empty or malformed");
  }
  auto index = [&](AdminLevel level, const std::vector<AdminUnit>& units) {
    auto& map = by_name_[static_cast<int>(level)];
    for (std::size_t i = 0; i < units.size(); ++i) {
      std::string key = Key(analyzer, units[i].name);
      std::size_t terms = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
      longest_name_ = std::max(longest_name_, terms);
      map[key].push_back(static_cast<std::int32_t>(i));
    }
  };
  index(AdminLevel::kProvince, provinces_);
  index(AdminLevel::kDistrict, districts_);
  index(AdminLevel::kCommune, communes_);
}

const std::vector<std::int32_t>& Gazetteer::Find(AdminLevel level, const std::string& key) const {
  static const std::vector<std::int32_t> kNone;
  const auto& map = by_name_[static_cast<int>(level)];
  auto it = map.find(key);
  return it == map.end() ? kNone : it->second;
}

const AdminUnit& Gazetteer::unit(AdminLevel level, std::int32_t i) const {
  switch (level) {
    case AdminLevel::kProvince: return provinces_[i];
    case AdminLevel::kDistrict: return districts_[i];
    case AdminLevel::kCommune: return communes_[i];
  }
  return provinces_[i];
}

}  // namespace tinhgon
