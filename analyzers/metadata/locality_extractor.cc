#include "analyzers/metadata/locality_extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/locality_resolver.h"
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

// The written tokens (expansions name no place) and where the title and the
// lead lie, which make a mention weigh more.
PlaceText PlaceTextOf(const std::vector<Token>& all, std::string_view text, std::size_t title_begin,
                      std::size_t title_end) {
  PlaceText p;
  for (const Token& token : all) {
    if (!token.expansion) p.tokens.push_back(&token);
  }
  p.text = text;
  p.title_begin = title_begin;
  p.title_end = title_end;
  p.lead_end = LeadEnd(text, title_end);
  return p;
}

// Mentions are resolved level by level, provinces first; events read them in
// text order.
std::vector<PlacedUnit> InTextOrder(std::vector<PlacedUnit> places) {
  std::sort(places.begin(), places.end(), [](const PlacedUnit& a, const PlacedUnit& b) { return a.first < b.first; });
  return places;
}

// The primary first, then the most mentioned, a title mention counting as
// three: the order the metadata lists places in.
void PrimaryFirst(std::vector<Locality>* localities) {
  auto score = [](const Locality& l) { return l.mentions + (l.in_title ? 3 : 0); };
  std::stable_sort(localities->begin(), localities->end(), [&](const Locality& a, const Locality& b) {
    return a.primary != b.primary ? a.primary : score(a) > score(b);
  });
}

}  // namespace

LocalityExtractor::LocalityExtractor(const Gazetteer& gazetteer, const Analyzer& analyzer)
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
  const PlaceText p = PlaceTextOf(all, text, title_begin, title_end);
  const std::vector<Mention> mentions = scanner_->Scan(p);
  std::vector<PlacedUnit> places;
  std::vector<Locality> localities =
      MentionResolver(gazetteer_, mentions, SpeaksOf2025(p.tokens, date)).Resolve(&places);
  if (placed != nullptr) *placed = InTextOrder(std::move(places));
  MarkPrimary(p, &localities);
  PrimaryFirst(&localities);
  return localities;
}

// What the title says of the report's scope bounds the primary: a whole
// level, or national news.
void LocalityExtractor::MarkPrimary(const PlaceText& p, std::vector<Locality>* localities) const {
  std::size_t title_tokens = 0;
  while (title_tokens < p.tokens.size() && p.InTitle(title_tokens)) ++title_tokens;
  AdminLevel finest = Contains(p.tokens, 0, title_tokens, all_districts_)  ? AdminLevel::kProvince
                      : Contains(p.tokens, 0, title_tokens, all_communes_) ? AdminLevel::kDistrict
                                                                           : AdminLevel::kCommune;
  ChoosePrimary(gazetteer_, finest, localities);
  if (!Contains(p.tokens, 0, title_tokens, national_)) return;
  for (Locality& l : *localities) {
    if (l.primary && !l.in_title && l.level == AdminLevel::kProvince &&
        gazetteer_.province(l.unit).code == kCapitalCode) {
      l.primary = false;
    }
  }
}

}  // namespace tinhgon
