#include "search/filter_resolver.h"

#include <algorithm>
#include <optional>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/gazetteer.h"
#include "index/schema.h"

namespace tinhgon {
namespace {

// "2019-05", "201905" or "05/2019" (as the facets label months) → "201905".
std::optional<std::string> Month(const std::string& value) {
  auto digits = [](std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == s.npos; };
  std::string month;
  if (value.size() == 7 && value[4] == '-') month = value.substr(0, 4) + value.substr(5, 2);
  else if (value.size() == 7 && value[2] == '/') month = value.substr(3, 4) + value.substr(0, 2);
  else month = value;
  if (month.size() != 6 || !digits(month) || month.substr(4) < "01" || month.substr(4) > "12") return std::nullopt;
  return month;
}

}  // namespace

std::string FilterResolver::Key(const std::string& text) const {
  std::string key;
  const Analysis analysis = analyzer_.Analyze(text);  // outlives the token pointers
  for (const Token* t : WrittenTokens(analysis.tokens)) {
    if (!key.empty()) key += ' ';
    key += t->folded;
  }
  return key;
}

FilterResolver::FilterResolver(const Analyzer& analyzer, const Gazetteer& gazetteer, const AgencyExtractor& agencies)
    : analyzer_(analyzer), agencies_(agencies) {
  auto add = [&](Filter filter, const std::string& name, const std::string& code, std::string_view prefix) {
    std::string term = schema::Term(prefix, code);
    for (const std::string& key : {Key(name), code}) {
      auto& terms = names_[filter][key];
      if (std::find(terms.begin(), terms.end(), term) == terms.end()) terms.push_back(term);
    }
  };
  for (std::size_t i = 0; i < gazetteer.province_count(); ++i) {
    const AdminUnit& p = gazetteer.province(static_cast<std::int32_t>(i));
    add(Filter::kProvince, p.name, p.code, schema::kProvince);
  }
  for (std::size_t i = 0; i < gazetteer.province_2025_count(); ++i) {
    const Province2025& p = gazetteer.province_2025(static_cast<std::int32_t>(i));
    add(Filter::kProvince2025, p.name, p.code, schema::kProvince2025);
  }
  for (std::size_t i = 0; i < gazetteer.district_count(); ++i) {
    const AdminUnit& d = gazetteer.district(static_cast<std::int32_t>(i));
    add(Filter::kDistrict, d.name, d.code, schema::kDistrict);
  }
  for (std::size_t i = 0; i < gazetteer.commune_count(); ++i) {
    const AdminUnit& c = gazetteer.commune(static_cast<std::int32_t>(i));
    add(Filter::kCommune, c.name, c.code, schema::kCommune);
  }
  // A 2025 commune by its name, or by its name after its kind ("phường Sài
  // Gòn"), as the facet labels it and as reports write it.
  for (std::size_t i = 0; i < gazetteer.commune_2025_count(); ++i) {
    const AdminUnit& c = gazetteer.commune_2025(static_cast<std::int32_t>(i));
    add(Filter::kCommune2025, c.name, c.code, schema::kCommune2025);
    add(Filter::kCommune2025, std::string(AdminKindName(c)) + " " + c.name, c.code, schema::kCommune2025);
  }
  for (std::size_t i = 0; i < agencies.kind_count(); ++i) {
    const AgencyExtractor::Kind& k = agencies.kind(static_cast<int>(i));
    add(Filter::kAgency, k.label, k.slug, schema::kAgency);
    names_[Filter::kAgency][k.slug] = {schema::Term(schema::kAgency, k.slug)};
  }
  for (EventType type : kEventTypes) {
    add(Filter::kEvent, std::string(FilterWords(type)), std::string(ApiName(type)), schema::kEvent);
  }
}

std::vector<std::string> FilterResolver::Terms(Filter filter, const std::string& value,
                                               std::optional<Warning>* problem) const {
  if (filter == Filter::kMonth) {
    if (std::optional<std::string> month = Month(value)) return {schema::Term(schema::kMonth, *month)};
    if (problem) *problem = Warning{Warning::Code::kNotAMonth, value, filter};
    return {};
  }
  if (filter == Filter::kYear) {
    bool year = value.size() == 4 && value.find_first_not_of("0123456789") == std::string::npos;
    if (year) return {schema::Term(schema::kYear, value)};
    if (problem) *problem = Warning{Warning::Code::kNotAYear, value, filter};
    return {};
  }
  auto table = names_.find(filter);
  if (table == names_.end()) return {};  // a filter with no values known (no agencies loaded)
  for (const std::string& key : {value, Key(value)}) {
    auto found = table->second.find(key);
    if (found != table->second.end()) return found->second;
  }
  // An agency named by any of its aliases or abbreviations ("UBKT").
  if (filter == Filter::kAgency) {
    const Analysis analysis = analyzer_.Analyze(value);
    std::vector<const Token*> tokens = WrittenTokens(analysis.tokens);
    auto found = agencies_.Find(tokens, analysis.text);
    if (!found.empty() && found.front().begin == 0 && found.front().end == tokens.size()) {
      return {schema::Term(schema::kAgency, agencies_.kind(found.front().kind).slug)};
    }
  }
  if (problem) *problem = Warning{Warning::Code::kUnknownName, value, filter};
  return {};
}

}  // namespace tinhgon
