// Restructuring events (merge, annex, split, dissolve, unify_roles,
// establish, pilot_stop) and the figures reports give for them.
//
// Thread safety: an EventExtractor is immutable after construction; its
// methods may run from any number of threads at once. It keeps a reference
// to the AgencyExtractor it was given, which must outlive it.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/locality_extractor.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "analyzers/metadata/report_metadata.h"
#include "analyzers/metadata/sentences.h"

namespace tinhgon {

class Analyzer;

class EventExtractor {
 public:
  EventExtractor(const Analyzer& analyzer, const AgencyExtractor& agencies);

  // Events sentence by sentence. A trigger ("hợp nhất", "sáp nhập", "tách",
  // "giải thể", "nhất thể hóa"/"đồng thời là", "thành lập", "dừng thí điểm")
  // counts only in a sentence naming an agency or an organizational noun (cơ
  // quan, văn phòng, đơn vị, đầu mối, xã…), so "hợp nhất quy trình" is not an
  // event. Each ';' clause after a trigger is its own event, split at "thành"
  // (or "vào"/"về" for annex) into the agencies and administrative units
  // before and after. The subject before a trigger counts only when the verb
  // is passive or it names several agencies: "UBND huyện sáp nhập xã A vào
  // xã B" changes xã A and xã B, not the UBND. A change of units has scope
  // "administrative_unit"; one announced for later ("sẽ", "dự kiến", "đến
  // hết năm…") is planned.
  // `sentences` come from SplitSentences(text, tokens); `units` are the
  // places the locality extractor resolved, in the same written tokens.
  std::vector<RestructuringEvent> Events(const std::vector<const Token*>& tokens,
                                         const std::vector<Sentence>& sentences,
                                         const std::vector<AgencyExtractor::Occurrence>& agencies,
                                         const std::vector<PlacedUnit>& units, std::string_view text) const;

  // Reductions and savings with their numbers: "giảm 3 đầu mối", "giảm 3 cấp
  // trưởng và 2 cấp phó", "cấp phó giảm 20 đồng chí", "tiết kiệm … 1,2 tỷ
  // đồng/năm". A figure after a word of plan ("sẽ", "phấn đấu", "đến hết
  // năm 2020") in its sentence is planned.
  std::vector<Figure> Figures(const std::vector<const Token*>& tokens, const std::vector<Sentence>& sentences,
                              std::string_view text) const;

 private:
  enum UnitKind { kUnitsCut, kStaffCut, kGenericStaff };
  struct SentenceScope;
  // A trigger's tokens, where its region ends (the next trigger or the
  // sentence's end) and where its subject starts.
  struct TriggerSpan {
    std::size_t begin, end, region_end, subject;
  };
  using Seen = std::set<std::tuple<EventType, std::string, std::vector<std::string>, std::vector<std::string>,
                                   std::vector<UnitRef>, std::vector<UnitRef>>>;

  static SentenceScope ScopeOf(const std::vector<const Token*>& tokens, std::string_view text,
                               const Sentence& sentence,
                               const std::vector<const AgencyExtractor::Occurrence*>& agencies_by_position,
                               const std::vector<PlacedUnit>& units);
  bool Planned(const std::vector<const Token*>& tokens, std::size_t from, std::size_t to) const;
  std::vector<PhraseMatcher::Match> TriggersIn(const SentenceScope& s) const;
  static TriggerSpan SpanOf(const SentenceScope& s, const std::vector<PhraseMatcher::Match>& triggers,
                            std::size_t k);
  void SentenceEvents(const SentenceScope& s, Seen* seen, std::vector<RestructuringEvent>* events) const;
  std::vector<RestructuringEvent> TriggerEvents(const SentenceScope& s, int type, const TriggerSpan& span) const;
  static std::vector<std::pair<std::size_t, std::size_t>> ClausesAfter(const SentenceScope& s,
                                                                      const TriggerSpan& span);
  std::size_t Connector(const SentenceScope& s, int type, std::size_t begin, std::size_t end) const;
  std::vector<RestructuringEvent> ChangeEvents(const SentenceScope& s, int type, const TriggerSpan& span) const;
  std::vector<std::string> SubjectAgencies(const SentenceScope& s, const TriggerSpan& span) const;
  std::vector<std::string> AgenciesBetween(const SentenceScope& s, std::size_t from, std::size_t to) const;
  static std::vector<UnitRef> UnitsBetween(const SentenceScope& s, std::size_t from, std::size_t to);
  bool AgencyOrNounAt(const SentenceScope& s, std::size_t i, std::size_t window) const;
  static std::size_t ClauseStart(const SentenceScope& s, std::size_t i);
  std::string Scope(const SentenceScope& s, const RestructuringEvent& e, std::size_t after) const;

  const AgencyExtractor& agencies_;
  PhraseMatcher triggers_;    // id: index into kEventTypes
  PhraseMatcher org_nouns_;   // id unused
  PhraseMatcher unit_nouns_;  // id unused: the organizational nouns that are administrative units
  PhraseMatcher planned_;     // id unused
  PhraseMatcher units_;       // id: 0 units_cut, 1 staff_cut, 2 generic staff ("người")
};

}  // namespace tinhgon
