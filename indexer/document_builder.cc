#include "indexer/document_builder.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/analysis_fingerprint.h"
#include "analyzers/metadata/gazetteer.h"
#include "index/schema.h"
#include "index/stored_report.h"

namespace tinhgon {
namespace {

// FNV-1a, 64 bits: stable across runs and machines, which std::hash is not.
std::uint64_t Fnv1a(std::string_view bytes, std::uint64_t h = 1469598103934665603ull) {
  for (unsigned char c : bytes) h = (h ^ c) * 1099511628211ull;
  return h;
}

std::string Joined(const std::set<std::string>& values) {
  std::string out;
  for (const std::string& v : values) {
    if (!out.empty()) out += schema::kListSeparator;
    out += v;
  }
  return out;
}

void AddBoolean(Xapian::Document* doc, std::string_view prefix, const std::string& value) {
  if (!value.empty() && value.size() <= schema::kMaxTermBytes) doc->add_boolean_term(schema::Term(prefix, value));
}

// The syllable pairs of schema::kPair, from the tokens' positions. Tokens
// come in text order with abbreviation expansions after, so they are sorted
// by position first.
void AddPairs(Xapian::Document* doc, const std::vector<Token>& tokens, std::size_t title_end) {
  std::vector<const Token*> by_position;
  by_position.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (t.folded.size() <= schema::kMaxTermBytes) by_position.push_back(&t);
  }
  std::stable_sort(by_position.begin(), by_position.end(),
                   [](const Token* a, const Token* b) { return a->position < b->position; });
  std::size_t next = 0;  // the first token at a position after the current one
  for (std::size_t i = 0; i < by_position.size(); ++i) {
    const Token& first = *by_position[i];
    while (next < by_position.size() && by_position[next]->position <= first.position) ++next;
    const Xapian::termcount weight = title_end > 0 && first.end <= title_end ? schema::kTitleWeight : 1;
    for (std::size_t j = next; j < by_position.size() && by_position[j]->position == first.position + 1; ++j) {
      doc->add_term(schema::PairTerm(first.folded, by_position[j]->folded), weight);
    }
  }
}

// The 2025 communes holding the report's places today (schema::kCommune2025).
// A district counts for every 2025 commune formed from its communes, unless
// the report names a commune of it: "phường Bến Nghé, Quận 1" gives the
// district as the commune's address, and is no report about the other wards
// of Quận 1.
std::set<std::string> Communes2025(const std::vector<Locality>& localities, const Gazetteer& gazetteer) {
  std::set<std::int32_t> addresses;  // districts of the old communes named
  for (const Locality& l : localities) {
    if (l.level == AdminLevel::kCommune) addresses.insert(gazetteer.commune(l.unit).district);
  }
  std::set<std::string> codes;
  for (const Locality& l : localities) {
    if (l.level == AdminLevel::kDistrict && addresses.count(l.unit)) continue;
    for (std::int32_t c : gazetteer.unit(l.level, l.unit).communes_2025) codes.insert(gazetteer.commune_2025(c).code);
  }
  return codes;
}

// Free text: exact and folded forms of each token, title tokens weighted
// above the body's, and the syllable pairs.
void AddText(Xapian::Document* doc, const std::vector<Token>& tokens, std::size_t title_end) {
  for (const Token& t : tokens) {
    if (t.term.size() > schema::kMaxTermBytes) continue;
    const Xapian::termpos pos = t.position + 1;
    const Xapian::termcount weight = title_end > 0 && t.end <= title_end ? schema::kTitleWeight : 1;
    // Positions only on the folded form: phrases are matched folded (a
    // marked phrase then requires its exact words too), and positions are
    // the larger part of what writing a document costs.
    if (t.has_marks()) {
      doc->add_term(t.term, weight);
      doc->add_posting(t.folded, pos, weight);
    } else {
      doc->add_posting(t.term, pos, weight);
    }
  }
  AddPairs(doc, tokens, title_end);
}

// What finds the document again: its id (the Q term, and the id itself where
// the term is a digest), its file, and the hash that lets an unchanged
// report be skipped.
void AddIdentity(Xapian::Document* doc, const SourceReport& report, const std::string& content_hash) {
  doc->add_boolean_term(schema::IdTerm(report.id));
  doc->add_value(schema::kIdSlot, report.id);
  if (!report.source.empty()) doc->add_boolean_term(schema::BooleanTerm(schema::kFile, report.source));
  doc->add_value(schema::kContentHashSlot, content_hash);
}

// The values a report is filtered by and counted under.
struct Facets {
  std::set<std::string> provinces, provinces_2025, districts, communes, communes_2025, agencies, events;
};

// A place counts for its own level and every level above it: a commune names
// its district and province, and the 2025 province holding it.
Facets FacetsOf(const ReportMetadata& m, const Gazetteer& gazetteer) {
  Facets f;
  f.communes_2025 = Communes2025(m.localities, gazetteer);
  for (const Locality& l : m.localities) {
    const AdminUnit& unit = gazetteer.unit(l.level, l.unit);
    const AdminUnit& province = l.level == AdminLevel::kProvince ? unit : gazetteer.province(unit.province);
    f.provinces.insert(province.code);
    if (unit.province_2025 >= 0) f.provinces_2025.insert(gazetteer.province_2025(unit.province_2025).code);
    if (l.level == AdminLevel::kDistrict) f.districts.insert(unit.code);
    if (l.level == AdminLevel::kCommune) {
      f.districts.insert(gazetteer.district(unit.district).code);
      f.communes.insert(unit.code);
    }
  }
  for (const auto& a : m.agencies) f.agencies.insert(a.slug);
  for (const auto& e : m.events) f.events.insert(std::string(ApiName(e.type)));
  return f;
}

void AddFilterTerms(Xapian::Document* doc, const Facets& f) {
  for (const auto& code : f.provinces) AddBoolean(doc, schema::kProvince, code);
  for (const auto& code : f.provinces_2025) AddBoolean(doc, schema::kProvince2025, code);
  for (const auto& code : f.districts) AddBoolean(doc, schema::kDistrict, code);
  for (const auto& code : f.communes) AddBoolean(doc, schema::kCommune, code);
  for (const auto& code : f.communes_2025) AddBoolean(doc, schema::kCommune2025, code);
  for (const auto& slug : f.agencies) AddBoolean(doc, schema::kAgency, slug);
  for (const auto& type : f.events) AddBoolean(doc, schema::kEvent, type);
}

// Multi-valued slots, read by the facet counts.
void AddFacetValues(Xapian::Document* doc, const Facets& f) {
  doc->add_value(schema::kProvincesSlot, Joined(f.provinces));
  doc->add_value(schema::kProvinces2025Slot, Joined(f.provinces_2025));
  doc->add_value(schema::kDistrictsSlot, Joined(f.districts));
  doc->add_value(schema::kCommunesSlot, Joined(f.communes));
  doc->add_value(schema::kCommunes2025Slot, Joined(f.communes_2025));
  doc->add_value(schema::kAgenciesSlot, Joined(f.agencies));
  doc->add_value(schema::kEventsSlot, Joined(f.events));
}

// The publication date (YYYY-MM-DD): the year and month filters, the date
// range and sort, and the year and month facets.
void AddDate(Xapian::Document* doc, const std::string& d) {
  AddBoolean(doc, schema::kYear, d.substr(0, 4));
  AddBoolean(doc, schema::kMonth, d.substr(0, 4) + d.substr(5, 2));
  doc->add_value(schema::kMonthSlot, d.substr(0, 4) + d.substr(5, 2));
  doc->add_value(schema::kDateSlot, d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2));
  doc->add_value(schema::kYearSlot, d.substr(0, 4));
}

// The stored report (schema.h, document data): where it came from, its
// metadata, and the cleaned text apart from them, so a result page never
// rereads the source and a hit never decodes the text.
std::string DocumentData(const SourceReport& report, const ReportMetadata& m, const Gazetteer& gazetteer) {
  nlohmann::ordered_json data = {{"id", report.id},
                                 {"source", report.source},
                                 {"format", report.format},
                                 {"encoding", report.encoding},
                                 {"url", report.url ? nlohmann::ordered_json(*report.url) : nullptr},
                                 {"publisher", report.publisher ? nlohmann::ordered_json(*report.publisher) : nullptr}};
  data.update(ToJson(m, gazetteer, /*with_text=*/false));
  return EncodeStoredRecord(data, m.text);
}

}  // namespace

DocumentBuilder::DocumentBuilder() = default;

std::string DocumentBuilder::ContentHash(const SourceReport& r) {
  // The schema and the chain are part of what was indexed: after either
  // changes, every report is analyzed again rather than skipped.
  std::uint64_t h = Fnv1a(AnalysisFingerprint(), Fnv1a(schema::kVersion));
  for (const std::string* field : {&r.format, &r.text}) h = Fnv1a(*field, Fnv1a("\x1f", h));
  for (const auto* field : {&r.date, &r.url, &r.publisher}) h = Fnv1a(field->value_or(""), Fnv1a("\x1f", h));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

ReportMetadata DocumentBuilder::Extract(const SourceReport& report, Analysis* analysis) const {
  ReportMetadata m = extractor_.Extract(report.text, analysis);
  if (report.date) m.date = report.date;
  return m;
}

Xapian::Document DocumentBuilder::Build(const SourceReport& report, const std::string& content_hash) const {
  Analysis analysis;
  const ReportMetadata m = Extract(report, &analysis);
  const Gazetteer& gazetteer = extractor_.gazetteer();
  Xapian::Document doc;
  AddText(&doc, analysis.tokens, m.title.size());
  AddIdentity(&doc, report, content_hash);
  const Facets facets = FacetsOf(m, gazetteer);
  AddFilterTerms(&doc, facets);
  AddFacetValues(&doc, facets);
  if (report.publisher && !report.publisher->empty()) {
    doc.add_boolean_term(schema::BooleanTerm(schema::kSource, *report.publisher));
  }
  if (m.date) AddDate(&doc, *m.date);
  doc.set_data(DocumentData(report, m, gazetteer));
  return doc;
}

}  // namespace tinhgon
