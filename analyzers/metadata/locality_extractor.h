// Which communes, districts and provinces a report mentions, and which one it
// is about.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "analyzers/metadata/gazetteer.h"
#include "analyzers/token.h"

namespace tinhgon {

struct Locality {
  AdminLevel level = AdminLevel::kProvince;
  std::int32_t unit = -1;  // index into the gazetteer's list of that level
  int mentions = 0;
  bool in_title = false;
  bool primary = false;  // what the report is about; at most one per report
};

// Recognizes mentions
//  - after an administrative word: tỉnh, thành phố/TP, huyện, quận, thị xã/TX,
//    xã, phường, thị trấn ("huyện Yên Sơn", "HĐND tỉnh Bắc Kạn");
//  - after a body named for its place: Tỉnh ủy, Thành ủy, Huyện ủy, Quận ủy,
//    Thị ủy ("Huyện ủy Yên Sơn", "Thành ủy Cẩm Phả");
//  - at the head of the title ("Đầm Hà: …", "Yên Sơn sau gần một năm …");
//  - as a capitalized province name anywhere ("Bắc Kạn là một trong …").
// Names are capitalized in Vietnamese, which keeps "xã hội" from being a commune.
// Ambiguous names are resolved with the other places the report names: a
// commune inside a mentioned district, a district inside a mentioned
// province; a name still ambiguous after that is left out rather than guessed,
// and so is a unique match lying outside every province the report settled on.
// The primary locality is the most mentioned of the places the title names,
// or of all places when the title names none; then it needs two mentions (of
// it or of places nested with it: "huyện Châu Thành, tỉnh Tiền Giang") or to
// be the only place named. A tie between places of one named province makes
// that province the primary; any other tie between unrelated places leaves none, so
// national reports and comparisons of several places get no primary.
class LocalityExtractor {
 public:
  LocalityExtractor(const Gazetteer& gazetteer, Analyzer& analyzer);

  // `tokens` were made from `text`; title_begin/title_end delimit the title
  // in `text` (both 0 when there is none).
  std::vector<Locality> Extract(const std::vector<Token>& tokens, std::string_view text,
                                std::size_t title_begin, std::size_t title_end) const;

 private:
  const Gazetteer& gazetteer_;
  std::string hcm_key_;  // "hồ chí minh": a person's name unless a city word precedes it
};

}  // namespace tinhgon
