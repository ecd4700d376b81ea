#include "analyzers/metadata/locality_resolver.h"

#include <algorithm>

namespace tinhgon {

MentionResolver::MentionResolver(const Gazetteer& gazetteer, const std::vector<Mention>& mentions, bool era_2025)
    : g_(gazetteer), mentions_(mentions), era_2025_(era_2025) {
  for (const Mention& m : mentions_) {
    if (m.level == AdminLevel::kProvince && m.candidates.size() == 1) provinces_.insert(m.candidates[0]);
  }
}

std::int32_t MentionResolver::ProvinceOf(AdminLevel level, std::int32_t unit) const {
  return level == AdminLevel::kProvince ? unit : g_.unit(level, unit).province;
}

std::int32_t MentionResolver::Old(const Mention& m, const Mention* next) const {
  std::vector<std::int32_t> inside;
  // "phường 12, quận 5": the district named right after a commune holds it.
  if (m.level == AdminLevel::kCommune && next != nullptr && next->level == AdminLevel::kDistrict &&
      next->first <= m.end + 3) {
    for (std::int32_t u : m.candidates) {
      const auto& d = next->candidates;
      if (std::find(d.begin(), d.end(), g_.commune(u).district) != d.end()) inside.push_back(u);
    }
    if (inside.size() == 1) return inside[0];
    inside.clear();
  }
  if (m.level == AdminLevel::kCommune) {
    for (std::int32_t u : m.candidates) {
      if (districts_.count(g_.commune(u).district)) inside.push_back(u);
    }
    if (inside.size() == 1) return inside[0];
    inside.clear();
  }
  for (std::int32_t u : m.candidates) {
    if (provinces_.count(ProvinceOf(m.level, u))) inside.push_back(u);
  }
  if (inside.size() == 1) return inside[0];
  // One candidate, but outside every province the report has settled on: a
  // shortened local name ("xã Giang Sơn" for Giang Sơn Tây) more likely than
  // a place elsewhere, so it is left out.
  if (m.candidates.size() == 1 && (provinces_.empty() || m.level == AdminLevel::kProvince)) {
    return m.candidates[0];
  }
  return -1;
}

// A 2025 commune inside a 2025 province the report names (all 34 bear an old
// province's name), or the only one of its name.
std::int32_t MentionResolver::New(const Mention& m) const {
  std::vector<std::int32_t> inside;
  for (std::int32_t u : m.candidates_2025) {
    if (provinces_2025_.count(g_.commune_2025(u).province_2025)) inside.push_back(u);
  }
  if (inside.size() == 1) return inside[0];
  return m.candidates_2025.size() == 1 && provinces_2025_.empty() ? m.candidates_2025[0] : -1;
}

void MentionResolver::Count(const Mention& m, AdminLevel level, std::int32_t unit, std::vector<PlacedUnit>* placed) {
  Locality& l = found_[{level, unit}];
  l.level = level;
  l.unit = unit;
  ++l.mentions;
  l.in_title = l.in_title || m.in_title;
  l.in_lead = l.in_lead || m.in_lead;
  placed->push_back({m.first, m.end, level, unit});
}

std::vector<Locality> MentionResolver::Resolve(std::vector<PlacedUnit>* placed) {
  for (AdminLevel level : {AdminLevel::kProvince, AdminLevel::kDistrict, AdminLevel::kCommune}) {
    if (level == AdminLevel::kCommune) {
      for (std::int32_t p : provinces_) provinces_2025_.insert(g_.province(p).province_2025);
    }
    for (std::size_t k = 0; k < mentions_.size(); ++k) {
      const Mention& m = mentions_[k];
      if (m.level != level) continue;
      const Mention* next = k + 1 < mentions_.size() ? &mentions_[k + 1] : nullptr;
      std::int32_t old = m.candidates.empty() ? -1 : Old(m, next);
      std::int32_t now = m.candidates_2025.empty() ? -1 : New(m);
      if (now >= 0 && (old < 0 || era_2025_ || m.new_unit)) {
        Count(m, AdminLevel::kCommune2025, now, placed);
      } else if (old >= 0) {
        Count(m, level, old, placed);
      }
    }
    // What the districts settled becomes context for the communes.
    if (level != AdminLevel::kDistrict) continue;
    for (const auto& [key, l] : found_) {
      if (key.first != AdminLevel::kDistrict) continue;
      districts_.insert(l.unit);
      provinces_.insert(g_.district(l.unit).province);
    }
  }
  std::vector<Locality> localities;
  for (auto& [key, l] : found_) localities.push_back(l);
  return localities;
}

}  // namespace tinhgon
