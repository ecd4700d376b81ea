// Settles which unit each mention of a place is, with the places around it.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <utility>
#include <vector>

#include "analyzers/metadata/gazetteer.h"
#include "analyzers/metadata/locality_extractor.h"
#include "analyzers/metadata/locality_scanner.h"

namespace tinhgon {

// Provinces named without doubt give the context for districts, and
// districts (with those provinces) for communes; a commune is settled first
// by the district named right after it ("phường 12, quận 5"). A name still
// ambiguous is left out. A commune's name may be one of the 2025 list: that
// unit is taken when `era_2025`, when "mới" follows the name, or when the old
// list has no such commune in the report's places.
class MentionResolver {
 public:
  MentionResolver(const Gazetteer& gazetteer, const std::vector<Mention>& mentions, bool era_2025);

  // One locality per unit, with its mentions counted; `placed` receives every
  // resolved mention.
  std::vector<Locality> Resolve(std::vector<PlacedUnit>* placed);

 private:
  std::int32_t Old(const Mention& m, const Mention* next) const;
  std::int32_t New(const Mention& m) const;
  std::int32_t ProvinceOf(AdminLevel level, std::int32_t unit) const;
  void Count(const Mention& m, AdminLevel level, std::int32_t unit, std::vector<PlacedUnit>* placed);

  const Gazetteer& g_;
  const std::vector<Mention>& mentions_;
  bool era_2025_;
  std::set<std::int32_t> provinces_, districts_, provinces_2025_;
  std::map<std::pair<AdminLevel, std::int32_t>, Locality> found_;
};

}  // namespace tinhgon
