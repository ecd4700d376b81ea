#include "analyzers/metadata/locality_extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/locality_scanner.h"
#include "analyzers/metadata/primary_locality.h"

namespace tinhgon {
namespace {

// How far after the title the lead runs, in bytes, at most: the first line
// of the body, which in news says what happened where.
constexpr std::size_t kLeadBytes = 600;

// Words that place a report after the 2025 reform.
const char* const kReformPhrases[] = {"sau sắp xếp", "chính quyền địa phương hai cấp",
                                      "chính quyền địa phương 2 cấp", "chính quyền hai cấp",
                                      "chính quyền 2 cấp"};

// Title words that speak of all districts, or all communes, not of one.
const char* const kAllDistricts[] = {"cấp huyện", "các huyện", "các quận", "toàn tỉnh"};
const char* const kAllCommunes[] = {"cấp xã", "các xã", "các phường"};

// Title words of national or international news: the capital is then where
// it happened (the seat of the national bodies), not what it is about,
// unless the title names it or a district of it is named.
const char* const kNationalTitle[] = {"thủ tướng", "chính phủ", "quốc hội", "chủ tịch nước", "tổng bí thư",
                                      "bộ chính trị", "bộ trưởng", "apec", "asean", "liên hợp quốc",
                                      "nhật bản", "trung quốc", "hoa kỳ", "hàn quốc", "liên bang nga"};

constexpr std::string_view kCapitalCode = "01";  // Hà Nội

// Where the lead ends: the end of the first body line, within kLeadBytes.
std::size_t LeadEnd(std::string_view text, std::size_t title_end) {
  std::size_t from = title_end < text.size() && text[title_end] == '\n' ? title_end + 1 : title_end;
  std::size_t line_end = text.find('\n', from);
  if (line_end == std::string_view::npos) line_end = text.size();
  return std::min(line_end, from + kLeadBytes);
}

}  // namespace

LocalityExtractor::LocalityExtractor(const Gazetteer& gazetteer, Analyzer& analyzer)
    : gazetteer_(gazetteer), scanner_(std::make_unique<MentionScanner>(gazetteer, analyzer)) {
  auto terms = [&](const char* phrase) {
    std::vector<std::string> out;
    for (const Token& t : analyzer.Analyze(phrase).tokens) {
      if (!t.expansion) out.push_back(t.term);
    }
    return out;
  };
  for (const char* phrase : kReformPhrases) reform_phrases_.push_back(terms(phrase));
  for (const char* phrase : kAllDistricts) all_districts_.push_back(terms(phrase));
  for (const char* phrase : kAllCommunes) all_communes_.push_back(terms(phrase));
  for (const char* phrase : kNationalTitle) national_.push_back(terms(phrase));
}

bool LocalityExtractor::Contains(const std::vector<const Token*>& t, std::size_t begin, std::size_t end,
                                 const std::vector<std::vector<std::string>>& phrases) {
  for (const auto& phrase : phrases) {
    for (std::size_t i = begin; i + phrase.size() <= end; ++i) {
      bool match = true;
      for (std::size_t k = 0; match && k < phrase.size(); ++k) match = t[i + k]->term == phrase[k];
      if (match) return true;
    }
  }
  return false;
}

LocalityExtractor::~LocalityExtractor() = default;

bool LocalityExtractor::SpeaksOf2025(const std::vector<const Token*>& t,
                                     const std::optional<std::string>& date) const {
  return (date && *date >= "2025-07-01") || Contains(t, 0, t.size(), reform_phrases_);
}

std::vector<Locality> LocalityExtractor::Extract(const std::vector<Token>& all, std::string_view text,
                                                 std::size_t title_begin, std::size_t title_end,
                                                 const std::optional<std::string>& date,
                                                 std::vector<PlacedUnit>* placed) const {
  PlaceText p;
  for (const Token& token : all) {
    if (!token.expansion) p.tokens.push_back(&token);
  }
  p.text = text;
  p.title_begin = title_begin;
  p.title_end = title_end;
  p.lead_end = LeadEnd(text, title_end);
  std::vector<Mention> mentions = scanner_->Scan(p);
  std::vector<PlacedUnit> places;
  std::vector<Locality> localities = Resolve(mentions, SpeaksOf2025(p.tokens, date), &places);
  std::sort(places.begin(), places.end(), [](const PlacedUnit& a, const PlacedUnit& b) { return a.first < b.first; });
  if (placed != nullptr) *placed = std::move(places);
  std::size_t title_tokens = 0;
  while (title_tokens < p.tokens.size() && p.InTitle(title_tokens)) ++title_tokens;
  AdminLevel finest = Contains(p.tokens, 0, title_tokens, all_districts_)  ? AdminLevel::kProvince
                      : Contains(p.tokens, 0, title_tokens, all_communes_) ? AdminLevel::kDistrict
                                                                           : AdminLevel::kCommune;
  ChoosePrimary(gazetteer_, finest, &localities);
  if (Contains(p.tokens, 0, title_tokens, national_)) {
    for (Locality& l : localities) {
      if (l.primary && !l.in_title && l.level == AdminLevel::kProvince &&
          gazetteer_.province(l.unit).code == kCapitalCode) {
        l.primary = false;
      }
    }
  }
  auto score = [](const Locality& l) { return l.mentions + (l.in_title ? 3 : 0); };
  std::stable_sort(localities.begin(), localities.end(), [&](const Locality& a, const Locality& b) {
    return a.primary != b.primary ? a.primary : score(a) > score(b);
  });
  return localities;
}

// Provinces named without doubt give the context for districts, and
// districts (with those provinces) for communes.
std::vector<Locality> LocalityExtractor::Resolve(const std::vector<Mention>& mentions, bool era_2025,
                                                 std::vector<PlacedUnit>* placed) const {
  const Gazetteer& g = gazetteer_;
  std::set<std::int32_t> provinces, districts, provinces_2025;
  for (const Mention& m : mentions) {
    if (m.level == AdminLevel::kProvince && m.candidates.size() == 1) provinces.insert(m.candidates[0]);
  }
  auto province_of = [&](AdminLevel level, std::int32_t u) {
    return level == AdminLevel::kProvince ? u : g.unit(level, u).province;
  };
  auto resolve_old = [&](const Mention& m, const Mention* next) -> std::int32_t {
    std::vector<std::int32_t> inside;
    // "phường 12, quận 5": the district named right after a commune holds it.
    if (m.level == AdminLevel::kCommune && next != nullptr && next->level == AdminLevel::kDistrict &&
        next->first <= m.end + 3) {
      for (std::int32_t u : m.candidates) {
        const auto& d = next->candidates;
        if (std::find(d.begin(), d.end(), g.commune(u).district) != d.end()) inside.push_back(u);
      }
      if (inside.size() == 1) return inside[0];
      inside.clear();
    }
    if (m.level == AdminLevel::kCommune) {
      for (std::int32_t u : m.candidates) {
        if (districts.count(g.commune(u).district)) inside.push_back(u);
      }
      if (inside.size() == 1) return inside[0];
      inside.clear();
    }
    for (std::int32_t u : m.candidates) {
      if (provinces.count(province_of(m.level, u))) inside.push_back(u);
    }
    if (inside.size() == 1) return inside[0];
    // One candidate, but outside every province the report has settled on: a
    // shortened local name ("xã Giang Sơn" for Giang Sơn Tây) more likely than
    // a place elsewhere, so it is left out.
    if (m.candidates.size() == 1 && (provinces.empty() || m.level == AdminLevel::kProvince)) {
      return m.candidates[0];
    }
    return -1;
  };
  // A 2025 commune inside a 2025 province the report names (all 34 bear an
  // old province's name), or the only one of its name.
  auto resolve_2025 = [&](const Mention& m) -> std::int32_t {
    std::vector<std::int32_t> inside;
    for (std::int32_t u : m.candidates_2025) {
      if (provinces_2025.count(g.commune_2025(u).province_2025)) inside.push_back(u);
    }
    if (inside.size() == 1) return inside[0];
    return m.candidates_2025.size() == 1 && provinces_2025.empty() ? m.candidates_2025[0] : -1;
  };
  std::map<std::pair<AdminLevel, std::int32_t>, Locality> found;
  auto count = [&](const Mention& m, AdminLevel level, std::int32_t unit) {
    Locality& l = found[{level, unit}];
    l.level = level;
    l.unit = unit;
    ++l.mentions;
    l.in_title = l.in_title || m.in_title;
    l.in_lead = l.in_lead || m.in_lead;
    placed->push_back({m.first, m.end, level, unit});
  };
  for (AdminLevel level : {AdminLevel::kProvince, AdminLevel::kDistrict, AdminLevel::kCommune}) {
    if (level == AdminLevel::kCommune) {
      for (std::int32_t p : provinces) provinces_2025.insert(g.province(p).province_2025);
    }
    for (std::size_t k = 0; k < mentions.size(); ++k) {
      const Mention& m = mentions[k];
      if (m.level != level) continue;
      const Mention* next = k + 1 < mentions.size() ? &mentions[k + 1] : nullptr;
      std::int32_t old = m.candidates.empty() ? -1 : resolve_old(m, next);
      std::int32_t now = m.candidates_2025.empty() ? -1 : resolve_2025(m);
      if (now >= 0 && (old < 0 || era_2025 || m.new_unit)) {
        count(m, AdminLevel::kCommune2025, now);
      } else if (old >= 0) {
        count(m, level, old);
      }
    }
    // What this level settled becomes context for the next one down.
    for (const auto& [key, l] : found) {
      if (key.first == AdminLevel::kDistrict && level == AdminLevel::kDistrict) {
        districts.insert(l.unit);
        provinces.insert(g.district(l.unit).province);
      }
    }
  }
  std::vector<Locality> localities;
  for (auto& [key, l] : found) localities.push_back(l);
  return localities;
}

}  // namespace tinhgon
