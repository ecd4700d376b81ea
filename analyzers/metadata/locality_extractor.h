// Which communes, districts and provinces a report mentions, and which one it
// is about.
//
// Thread safety: a LocalityExtractor is immutable after construction; Extract
// may run from any number of threads at once. It keeps a reference to the
// Gazetteer it was given, which must outlive it.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/metadata/gazetteer.h"
#include "analyzers/token.h"

namespace tinhgon {

class MentionScanner;
struct Mention;
struct PlaceText;

struct Locality {
  // kCommune2025 when the report names a commune as rearranged in 2025.
  AdminLevel level = AdminLevel::kProvince;
  std::int32_t unit = -1;  // index into the gazetteer's list of that level
  int mentions = 0;
  bool in_title = false;
  bool in_lead = false;  // named in the first lines after the title
  bool primary = false;  // what the report is about; at most one per report
};

// Where a resolved unit is named: [first, end) index the written tokens (the
// tokens that are not expansions), as events read them.
struct PlacedUnit {
  std::size_t first = 0, end = 0;
  AdminLevel level = AdminLevel::kProvince;
  std::int32_t unit = -1;
};

// Finds the places a report names (MentionScanner says where and how), then
// settles names several units share with the places around them
// (MentionResolver): a commune inside a named district, a district inside a
// named province; a name still ambiguous after that is left out rather than
// guessed, and so is a unique match lying outside every province the report
// settled on.
// A commune's name may be a commune of either system. The 2025 one is taken
// when the report is from 1 July 2025 on, when it speaks of the new
// arrangement ("sau sắp xếp", "chính quyền địa phương hai cấp", "xã … mới"),
// or when only the 2025 list has the name in the report's province
// ("xã Đại An, tỉnh Vĩnh Long"); the old one otherwise.
// The primary locality is chosen by ChoosePrimary (primary_locality.h),
// except in national and international news (a title naming the Prime
// Minister, the National Assembly, a ministry's head or another country):
// the capital, unless the title names it, is then only where it happened.
class LocalityExtractor {
 public:
  LocalityExtractor(const Gazetteer& gazetteer, const Analyzer& analyzer);
  ~LocalityExtractor();

  // `tokens` were made from `text`; title_begin/title_end delimit the title
  // in `text` (both 0 when there is none); `date` is the publication date
  // (YYYY-MM-DD) when known. `placed`, when given, receives every resolved
  // mention in text order.
  std::vector<Locality> Extract(const std::vector<Token>& tokens, std::string_view text,
                                std::size_t title_begin, std::size_t title_end,
                                const std::optional<std::string>& date = std::nullopt,
                                std::vector<PlacedUnit>* placed = nullptr) const;

 private:
  bool SpeaksOf2025(const std::vector<const Token*>& tokens, const std::optional<std::string>& date) const;
  void MarkPrimary(const PlaceText& p, std::vector<Locality>* localities) const;

  const Gazetteer& gazetteer_;
  std::unique_ptr<MentionScanner> scanner_;
  static bool Contains(const std::vector<const Token*>& tokens, std::size_t begin, std::size_t end,
                       const std::vector<std::vector<std::string>>& phrases);

  // As analyzer terms: words that place a report after the 2025 reform, and
  // title words that speak of all districts or all communes, and of
  // national or international news.
  std::vector<std::vector<std::string>> reform_phrases_, all_districts_, all_communes_, national_;
};

}  // namespace tinhgon
