#include "analyzers/metadata/primary_locality.h"

#include <algorithm>
#include <map>

#include "analyzers/metadata/locality_extractor.h"

namespace tinhgon {
namespace {

// How much a place weighs in a report: the title says what a report is
// about, the lead where it happens, the body mostly adds detail.
int Weight(const Locality& l) { return l.mentions + (l.in_title ? 3 : 0) + (l.in_lead ? 1 : 0); }

class PrimaryChooser {
 public:
  PrimaryChooser(const Gazetteer& g, AdminLevel finest, std::vector<Locality>* localities)
      : g_(g), l_(*localities), finest_(finest) {
    by_2025_ = std::any_of(l_.begin(), l_.end(),
                           [](const Locality& l) { return l.level == AdminLevel::kCommune2025; });
  }

  void Choose() {
    std::int32_t area = ChooseArea();
    if (area < 0) return;
    int district = finest_ == AdminLevel::kProvince ? -1 : ChooseDistrict(area);
    int commune = finest_ != AdminLevel::kCommune ? -1 : ChooseCommune(area, district);
    int primary = commune >= 0 ? commune : district >= 0 ? district : AreaLocality(area);
    if (primary >= 0) l_[primary].primary = true;
  }

 private:
  // The province holding a place, as the area places are counted in.
  std::int32_t Area(const Locality& l) const {
    const AdminUnit& unit = g_.unit(l.level, l.unit);
    if (by_2025_) return unit.province_2025;
    return l.level == AdminLevel::kProvince ? l.unit : unit.province;
  }

  std::int32_t ChooseArea() const {
    std::map<std::int32_t, int> support;
    std::map<std::int32_t, bool> titled;
    int total = 0;
    for (const Locality& l : l_) {
      std::int32_t area = Area(l);
      if (area < 0) continue;
      support[area] += Weight(l);
      titled[area] = titled[area] || l.in_title;
      total += Weight(l);
    }
    bool any_titled = std::any_of(titled.begin(), titled.end(), [](const auto& t) { return t.second; });
    std::int32_t best = -1;
    int first = 0, second = 0;
    for (const auto& [area, weight] : support) {
      if (any_titled && !titled[area]) continue;
      if (weight > first) {
        second = first, first = weight, best = area;
      } else if (weight > second) {
        second = weight;
      }
    }
    if (best < 0) return -1;
    if (any_titled) return first > second ? best : -1;
    // Without the title's word, a province must dominate: twice any other,
    // and a third of everything named, from at least two mentions or the lead.
    bool in_lead = std::any_of(l_.begin(), l_.end(), [&](const Locality& l) { return Area(l) == best && l.in_lead; });
    if (2 * first <= 3 * second || 4 * first < total) return -1;
    return first >= 2 || in_lead ? best : -1;
  }

  // The district (with its communes) that stands out inside the area.
  int ChooseDistrict(std::int32_t area) const {
    std::map<std::int32_t, int> support;
    std::map<std::int32_t, bool> titled;
    for (const Locality& l : l_) {
      if (Area(l) != area) continue;
      std::int32_t d = l.level == AdminLevel::kDistrict ? l.unit
                       : l.level == AdminLevel::kCommune ? g_.commune(l.unit).district
                                                         : -1;
      if (d < 0) continue;
      support[d] += Weight(l);
      titled[d] = titled[d] || l.in_title;
    }
    std::int32_t best = -1;
    int first = 0, second = 0;
    for (const auto& [d, weight] : support) {
      if (weight > first) second = first, first = weight, best = d;
      else if (weight > second) second = weight;
    }
    // Beside other districts, one named twice is still a detail.
    if (best < 0 || first < 2 * second || (second > 0 && first < 3) || (first < 2 && !titled[best])) return -1;
    return IndexOf(AdminLevel::kDistrict, best, true);
  }

  // The commune that stands out: the only one the area names, or the most
  // named by far (more than twice all the others).
  int ChooseCommune(std::int32_t area, int district) const {
    int best = -1, others = 0;
    for (std::size_t i = 0; i < l_.size(); ++i) {
      const Locality& l = l_[i];
      if (Area(l) != area || (l.level != AdminLevel::kCommune && l.level != AdminLevel::kCommune2025)) continue;
      if (best < 0 || Weight(l) > Weight(l_[best])) {
        if (best >= 0) others += Weight(l_[best]);
        best = static_cast<int>(i);
      } else {
        others += Weight(l);
      }
    }
    if (best < 0) return -1;
    const Locality& c = l_[best];
    if (c.level == AdminLevel::kCommune) {
      std::int32_t of = g_.commune(c.unit).district;
      bool in_district = district >= 0 && l_[district].unit == of;
      if (!in_district && district >= 0) return -1;
      if (in_district && l_[district].in_title && !c.in_title) return -1;
      if (!in_district && !OnlyDistrict(area, of)) return -1;
    }
    if (others == 0 || (c.mentions >= 2 && Weight(c) > 2 * others)) return best;
    return -1;
  }

  // Whether the area names no district but `district` (itself or by its communes).
  bool OnlyDistrict(std::int32_t area, std::int32_t district) const {
    return std::all_of(l_.begin(), l_.end(), [&](const Locality& l) {
      if (Area(l) != area) return true;
      if (l.level == AdminLevel::kDistrict) return l.unit == district;
      if (l.level == AdminLevel::kCommune) return g_.commune(l.unit).district == district;
      return true;
    });
  }

  // The locality of the area itself, added when only places inside it are named.
  int AreaLocality(std::int32_t area) {
    if (!by_2025_) return IndexOf(AdminLevel::kProvince, area, true);
    for (std::size_t i = 0; i < l_.size(); ++i) {
      if (l_[i].level == AdminLevel::kProvince && Area(l_[i]) == area) return static_cast<int>(i);
    }
    // The old province that gave the 2025 one its name.
    for (std::size_t p = 0; p < g_.province_count(); ++p) {
      const AdminUnit& old = g_.province(static_cast<std::int32_t>(p));
      if (old.province_2025 == area && old.name == g_.province_2025(area).name) {
        return IndexOf(AdminLevel::kProvince, static_cast<std::int32_t>(p), true);
      }
    }
    return -1;
  }

  int IndexOf(AdminLevel level, std::int32_t unit, bool add) const {
    for (std::size_t i = 0; i < l_.size(); ++i) {
      if (l_[i].level == level && l_[i].unit == unit) return static_cast<int>(i);
    }
    if (!add) return -1;
    Locality implied;
    implied.level = level;
    implied.unit = unit;
    l_.push_back(implied);
    return static_cast<int>(l_.size() - 1);
  }

  const Gazetteer& g_;
  std::vector<Locality>& l_;
  AdminLevel finest_;
  bool by_2025_ = false;
};

}  // namespace

void ChoosePrimary(const Gazetteer& gazetteer, AdminLevel finest, std::vector<Locality>* localities) {
  PrimaryChooser(gazetteer, finest, localities).Choose();
}

}  // namespace tinhgon
