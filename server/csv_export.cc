#include "server/csv_export.h"

#include <cmath>
#include <cstdio>
#include <string_view>
#include <vector>

namespace tinhgon {
namespace {

// The columns, in order. Labels for people, codes for scripts.
constexpr const char* kColumns[] = {
    "id",          "title",         "date",          "url",           "source",
    "place",       "place_level",   "province",      "province_2025", "commune_2025",
    "places",      "place_codes",   "agencies",      "agency_codes",  "events",
    "event_codes", "units_cut",     "staff_cut",     "figures",       "score"};

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& v : values) out += (out.empty() ? "" : "; ") + v;
  return out;
}

// "12", "2.5": no trailing zeros, no exponent.
std::string Number(double value) {
  char text[64];
  std::snprintf(text, sizeof text, value == std::floor(value) && std::fabs(value) < 1e15 ? "%.0f" : "%.2f", value);
  return text;
}

// The sum of a kind's figures that are results, not targets; empty if none.
std::string Sum(const std::vector<StoredFigure>& figures, FigureKind kind) {
  double sum = 0;
  bool any = false;
  for (const StoredFigure& f : figures) {
    if (f.kind != ApiName(kind) || f.planned) continue;
    sum += f.value;
    any = true;
  }
  return any ? Number(sum) : std::string();
}

// "Giảm biên chế, cán bộ: 12 biên chế; Tiết kiệm: 3 tỷ đồng/năm (kế hoạch)".
std::string FiguresText(const std::vector<StoredFigure>& figures) {
  std::vector<std::string> out;
  for (const StoredFigure& f : figures) {
    std::optional<FigureKind> kind = FigureKindNamed(f.kind);
    std::string line = (kind ? std::string(Label(*kind)) : f.kind) + ": " + Number(f.value) + " " + f.unit;
    if (f.planned) line += " (kế hoạch)";
    out.push_back(line);
  }
  return Joined(out);
}

std::string PlaceLevel(const StoredPlace& p) {
  return p.system == "2025" ? p.kind + " (từ 1/7/2025)" : p.kind;
}

std::string PlaceColumns(const std::optional<StoredPlace>& primary) {
  if (!primary) return ",,,,";
  const StoredPlace& p = *primary;
  return CsvField(p.name) + "," + CsvField(PlaceLevel(p)) + "," + CsvField(p.province_name.value_or("")) + "," +
         CsvField(p.province_2025_name.value_or("")) + "," +
         CsvField(p.system == "2025" ? p.name : Joined(p.commune_2025_names));
}

}  // namespace

std::string CsvField(const std::string& value) {
  std::string out = "\"";
  if (!value.empty() && std::string_view("=+-@\t\r").find(value[0]) != std::string_view::npos) out += '\'';
  for (char c : value) {
    if (c == '"') out += '"';
    out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out + "\"";
}

std::string CsvHeader() {
  std::string header = "\xEF\xBB\xBF";
  for (std::size_t i = 0; i < std::size(kColumns); ++i) header += (i ? "," : "") + std::string(kColumns[i]);
  return header + "\r\n";
}

std::string CsvRow(const Hit& hit) {
  const StoredReport& r = hit.report;
  std::vector<std::string> places, place_codes, agencies, agency_codes, events, event_codes;
  for (const StoredPlace& p : r.places) {
    places.push_back(p.name + " (" + PlaceLevel(p) + ")");
    place_codes.push_back(p.code);
  }
  for (const StoredAgency& a : r.agencies) {
    agencies.push_back(a.level ? a.label + " " + *a.level : a.label);
    agency_codes.push_back(a.slug);
  }
  for (EventType e : r.events) {
    events.emplace_back(Label(e));
    event_codes.emplace_back(ApiName(e));
  }
  return CsvField(r.id) + "," + CsvField(r.title.value_or("")) + "," + CsvField(r.date.value_or("")) + "," +
         CsvField(r.url.value_or("")) + "," + CsvField(r.source.value_or("")) + "," + PlaceColumns(r.locality) + "," +
         CsvField(Joined(places)) + "," + CsvField(Joined(place_codes)) + "," + CsvField(Joined(agencies)) + "," +
         CsvField(Joined(agency_codes)) + "," + CsvField(Joined(events)) + "," + CsvField(Joined(event_codes)) + "," +
         Sum(r.figures, FigureKind::kUnitsCut) + "," + Sum(r.figures, FigureKind::kStaffCut) + "," +
         CsvField(FiguresText(r.figures)) + "," + Number(hit.score) + "\r\n";
}

std::string ComparisonCsv(const Comparison& comparison) {
  std::string csv = "\xEF\xBB\xBF" "place,filter,value,reports";
  for (EventType type : kEventTypes) csv += "," + std::string(ApiName(type));
  csv += ",units_cut,staff_cut,planned_units_cut,planned_staff_cut,reports_with_savings,reports_summed\r\n";
  for (const PlaceSummary& p : comparison.places) {
    csv += CsvField(p.label) + "," + CsvField(std::string(ApiName(p.place.filter))) + "," + CsvField(p.place.value) +
           "," + std::to_string(p.total);
    for (const auto& [type, count] : p.events) csv += "," + std::to_string(count);
    csv += "," + Number(p.units_cut) + "," + Number(p.staff_cut) + "," + Number(p.planned_units_cut) + "," +
           Number(p.planned_staff_cut) + "," + std::to_string(p.reports_with_savings) + "," +
           std::to_string(p.reports_summed) + "\r\n";
  }
  return csv;
}

}  // namespace tinhgon
