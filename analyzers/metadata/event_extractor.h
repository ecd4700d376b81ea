// Restructuring events (merge, annex, split, dissolve, unify_roles,
// establish, pilot_stop) and the figures reports give for them.
#pragma once

#include <string_view>
#include <vector>

#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "analyzers/metadata/report_metadata.h"
#include "analyzers/metadata/sentences.h"

namespace tinhgon {

class Analyzer;

class EventExtractor {
 public:
  EventExtractor(Analyzer& analyzer, const AgencyExtractor& agencies);

  // Events sentence by sentence. A trigger ("hợp nhất", "sáp nhập", "tách",
  // "giải thể", "nhất thể hóa"/"đồng thời là", "thành lập", "dừng thí điểm")
  // counts only in a sentence naming an agency or an organizational noun (cơ
  // quan, văn phòng, đơn vị, đầu mối, xã…), so "hợp nhất quy trình" is not an
  // event. Each ';' clause after a trigger is its own event, split at "thành"
  // (or "vào"/"về" for annex) into the agencies before and after.
  // `sentences` come from SplitSentences(text, tokens).
  std::vector<RestructuringEvent> Events(const std::vector<const Token*>& tokens,
                                         const std::vector<Sentence>& sentences,
                                         const std::vector<AgencyExtractor::Occurrence>& agencies,
                                         std::string_view text) const;

  // Reductions and savings with their numbers: "giảm 3 đầu mối", "giảm 3 cấp
  // trưởng và 2 cấp phó", "cấp phó giảm 20 đồng chí", "tiết kiệm … 1,2 tỷ
  // đồng/năm".
  std::vector<Figure> Figures(const std::vector<const Token*>& tokens, const std::vector<Sentence>& sentences,
                              std::string_view text) const;

 private:
  const AgencyExtractor& agencies_;
  PhraseMatcher triggers_;    // id: index into kEventTypes
  PhraseMatcher org_nouns_;   // id unused
  PhraseMatcher units_;       // id: 0 units_cut, 1 staff_cut, 2 generic staff ("người")
};

}  // namespace tinhgon
