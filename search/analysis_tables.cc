#include "search/analysis_tables.h"

#include <algorithm>

namespace tinhgon {

namespace {

std::size_t Index(Facet f) { return static_cast<std::size_t>(f); }

// "Phường Sài Gòn": 2025 communes are named with their kind, as several
// share a name ("Xã Tân Phú", "Phường Tân Phú") and a facet lists them side by side.
std::string Commune2025Label(const AdminUnit& unit) {
  static const std::map<std::string, std::string> kKinds = {{"xa", "Xã"}, {"phuong", "Phường"}, {"dac-khu", "Đặc khu"}};
  auto kind = kKinds.find(unit.type);
  return kind == kKinds.end() ? unit.name : kind->second + " " + unit.name;
}

// "Quận 1", "Phường 12": a unit named by a number is labelled with its kind,
// as a bare "1" in a list of districts names nothing a reader recognizes.
std::string UnitLabel(const AdminUnit& unit) {
  const bool numbered = !unit.name.empty() && std::all_of(unit.name.begin(), unit.name.end(), [](char c) {
    return c >= '0' && c <= '9';
  });
  if (!numbered) return unit.name;
  std::string kind = AdminKindName(unit);
  if (kind.empty()) return unit.name;
  if (kind[0] >= 'a' && kind[0] <= 'z') kind[0] = static_cast<char>(kind[0] - 'a' + 'A');
  return kind + " " + unit.name;
}

void NameUnits(const Gazetteer& g, AnalysisTables::FacetNames* f) {
  for (std::size_t i = 0; i < g.province_count(); ++i) {
    const AdminUnit& p = g.province(static_cast<std::int32_t>(i));
    f->names[Index(Facet::kProvince)][p.code] = p.name;
  }
  for (std::size_t i = 0; i < g.province_2025_count(); ++i) {
    const Province2025& p = g.province_2025(static_cast<std::int32_t>(i));
    f->names[Index(Facet::kProvince2025)][p.code] = p.name;
  }
  for (std::size_t i = 0; i < g.district_count(); ++i) {
    const AdminUnit& d = g.district(static_cast<std::int32_t>(i));
    f->names[Index(Facet::kDistrict)][d.code] = UnitLabel(d);
    f->parents[Index(Facet::kDistrict)][d.code] = g.province(d.province).code;
  }
  for (std::size_t i = 0; i < g.commune_count(); ++i) {
    const AdminUnit& c = g.commune(static_cast<std::int32_t>(i));
    f->names[Index(Facet::kCommune)][c.code] = UnitLabel(c);
    if (c.district >= 0) f->parents[Index(Facet::kCommune)][c.code] = g.district(c.district).code;
  }
  for (std::size_t i = 0; i < g.commune_2025_count(); ++i) {
    const AdminUnit& c = g.commune_2025(static_cast<std::int32_t>(i));
    f->names[Index(Facet::kCommune2025)][c.code] = Commune2025Label(c);
    if (c.province_2025 >= 0) f->parents[Index(Facet::kCommune2025)][c.code] = g.province_2025(c.province_2025).code;
  }
}

void NameKinds(const AgencyExtractor& agencies, AnalysisTables::FacetNames* f) {
  for (std::size_t i = 0; i < agencies.kind_count(); ++i) {
    const AgencyExtractor::Kind& kind = agencies.kind(static_cast<int>(i));
    f->names[Index(Facet::kAgency)][kind.slug] = kind.label;
  }
  for (EventType type : kEventTypes) f->names[Index(Facet::kEvent)][std::string(ApiName(type))] = Label(type);
}

}  // namespace

AnalysisTables::AnalysisTables()
    : gazetteer(analyzer), agencies(analyzer), filters(analyzer, gazetteer, agencies) {
  NameUnits(gazetteer, &facet_names);
  NameKinds(agencies, &facet_names);
}

std::shared_ptr<const AnalysisTables> ProcessAnalysisTables() {
  // A function-local static: C++ guarantees one initialization, with
  // concurrent callers waiting for it.
  static const std::shared_ptr<const AnalysisTables> tables = std::make_shared<const AnalysisTables>();
  return tables;
}

}  // namespace tinhgon
