#include "analyzers/metadata/event_extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/sentences.h"

namespace tinhgon {
namespace {

// The changes a trigger names, as the trigger table's ids; kTypeOf gives
// each its type in the vocabulary.
enum Change { kMerge, kAnnex, kSplit, kDissolve, kUnifyRoles, kEstablish, kPilotStop };
constexpr EventType kTypeOf[] = {EventType::kMerge,      EventType::kAnnex,     EventType::kSplit,
                                 EventType::kDissolve,   EventType::kUnifyRoles, EventType::kEstablish,
                                 EventType::kPilotStop};

struct Trigger {
  Change type;
  const char* phrase;
};
const Trigger kTriggers[] = {
    {kMerge, "hợp nhất"},           {kAnnex, "sáp nhập"},
    {kSplit, "tách"},               {kSplit, "chia tách"},
    {kDissolve, "giải thể"},        {kUnifyRoles, "nhất thể hóa"},
    {kUnifyRoles, "đồng thời là"},  {kEstablish, "thành lập"},
    {kPilotStop, "dừng thí điểm"},  {kPilotStop, "kết thúc thí điểm"},
    {kPilotStop, "không tiếp tục thí điểm"}, {kPilotStop, "chấm dứt thí điểm"},
    {kPilotStop, "dừng thực hiện thí điểm"}};

const char* const kOrgNouns[] = {"cơ quan", "văn phòng", "trung tâm", "đơn vị", "đầu mối",
                                 "bộ máy",  "chức danh", "chi bộ",    "đảng bộ", "phòng",
                                 "sở",      "xã",        "huyện",     "tỉnh",    "thôn",
                                 "phường",  "quận",      "thị trấn",  "thị xã",  "tổ dân phố",
                                 "trường"};

const char* const kUnitsCutNouns[] = {"đầu mối", "phòng", "ban", "đơn vị", "cơ quan", "xã", "thôn",
                                      "tổ dân phố", "trung tâm", "sở", "văn phòng", "chi bộ",
                                      "phòng ban", "đơn vị sự nghiệp", "đơn vị hành chính"};
const char* const kStaffCutNouns[] = {"biên chế", "cán bộ", "công chức", "viên chức", "cấp trưởng",
                                      "cấp phó", "lãnh đạo", "chức danh", "chuyên viên",
                                      "phó chủ tịch", "hợp đồng", "lao động", "cán bộ công chức",
                                      "trưởng phòng", "phó trưởng phòng", "phó giám đốc",
                                      "cán bộ không chuyên trách", "người hoạt động không chuyên trách"};
const char* const kGenericStaffNouns[] = {"người", "đồng chí"};

// Words that make a change or a figure a plan rather than a fact.
const char* const kPlannedWords[] = {"sẽ", "dự kiến", "phấn đấu", "đến hết năm", "đến năm", "tiến tới",
                                     "kế hoạch", "lộ trình"};

// Nouns that make a change one of administrative units, not of agencies.
const char* const kUnitNouns[] = {"xã", "phường", "thị trấn", "huyện", "quận", "thị xã", "tỉnh", "thôn",
                                  "tổ dân phố", "ấp", "bản", "đơn vị hành chính"};

// Words before a trigger that make its subject what is changed ("Văn phòng A
// được hợp nhất"), where otherwise the subject is who changes it ("UBND
// huyện sáp nhập …").
bool Passive(const std::vector<const Token*>& t, std::size_t from, std::size_t trigger) {
  for (std::size_t i = trigger; i > from && i + 2 >= trigger; --i) {
    if (t[i - 1]->term == "được" || t[i - 1]->term == "bị") return true;
  }
  return false;
}

std::vector<std::string> Terms(const Analyzer& analyzer, std::string_view phrase) {
  const Analysis analysis = analyzer.Analyze(phrase);
  std::vector<std::string> terms;
  for (const Token* t : WrittenTokens(analysis.tokens)) terms.push_back(t->term);
  return terms;
}

// Agency occurrences in token order, so each sentence finds its own by
// binary search: scanning them all per sentence is quadratic on a long report.
std::vector<const AgencyExtractor::Occurrence*> ByPosition(const std::vector<AgencyExtractor::Occurrence>& found) {
  std::vector<const AgencyExtractor::Occurrence*> by_position;
  for (const auto& o : found) by_position.push_back(&o);
  std::stable_sort(by_position.begin(), by_position.end(), [](const auto* x, const auto* y) { return x->begin < y->begin; });
  return by_position;
}

}  // namespace

EventExtractor::EventExtractor(const Analyzer& analyzer, const AgencyExtractor& agencies)
    : agencies_(agencies) {
  for (const Trigger& t : kTriggers) triggers_.Add(Terms(analyzer, t.phrase), t.type);
  for (const char* noun : kOrgNouns) org_nouns_.Add(Terms(analyzer, noun), 0);
  for (const char* noun : kUnitNouns) unit_nouns_.Add(Terms(analyzer, noun), 0);
  for (const char* word : kPlannedWords) planned_.Add(Terms(analyzer, word), 0);
  for (const char* noun : kUnitsCutNouns) units_.Add(Terms(analyzer, noun), kUnitsCut);
  for (const char* noun : kStaffCutNouns) units_.Add(Terms(analyzer, noun), kStaffCut);
  for (const char* noun : kGenericStaffNouns) units_.Add(Terms(analyzer, noun), kGenericStaff);
}

bool EventExtractor::Planned(const std::vector<const Token*>& t, std::size_t from, std::size_t to) const {
  PhraseMatcher::Match m;
  for (std::size_t i = from; i < to; ++i) {
    if (planned_.MatchAt(t, i, &m)) return true;
  }
  return false;
}

// One sentence of a report, with the agencies and units named in it.
struct EventExtractor::SentenceScope {
  const std::vector<const Token*>& t;
  std::string_view text;
  std::size_t a, b;  // its written tokens
  std::vector<const AgencyExtractor::Occurrence*> agencies;
  std::vector<const PlacedUnit*> units;
  std::string sentence;
};

std::vector<std::string> EventExtractor::AgenciesBetween(const SentenceScope& s, std::size_t from,
                                                         std::size_t to) const {
  std::vector<std::string> slugs;
  for (const auto* o : s.agencies) {
    if (o->begin >= from && o->begin < to) {
      const std::string& slug = agencies_.kind(o->kind).slug;
      if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
    }
  }
  return slugs;
}

// Units changed between two tokens; a unit said to be where something is
// ("ở Yên Thế", "xã A thuộc huyện B") only locates the change.
std::vector<UnitRef> EventExtractor::UnitsBetween(const SentenceScope& s, std::size_t from, std::size_t to) {
  static const std::set<std::string_view> kLocative = {"ở", "tại", "thuộc", "của", "trên"};
  std::vector<UnitRef> units;
  for (const PlacedUnit* u : s.units) {
    UnitRef ref{u->level, u->unit};
    bool locative = false;
    for (std::size_t back = 1; back <= 2 && back <= u->first; ++back) {
      locative = locative || kLocative.count(s.t[u->first - back]->term) > 0;
    }
    if (locative) continue;
    if (u->first >= from && u->first < to && std::find(units.begin(), units.end(), ref) == units.end()) {
      units.push_back(ref);
    }
  }
  return units;
}

bool EventExtractor::AgencyOrNounAt(const SentenceScope& s, std::size_t i, std::size_t window) const {
  for (std::size_t k = i; k < std::min(s.b, i + window); ++k) {
    PhraseMatcher::Match m;
    if (org_nouns_.MatchAt(s.t, k, &m)) return true;
    for (const auto* o : s.agencies) {
      if (o->begin == k) return true;
    }
  }
  return false;
}

EventExtractor::SentenceScope EventExtractor::ScopeOf(
    const std::vector<const Token*>& t, std::string_view text, const Sentence& sentence,
    const std::vector<const AgencyExtractor::Occurrence*>& by_position, const std::vector<PlacedUnit>& units) {
  SentenceScope s{t, text, sentence.first_token, sentence.end_token, {}, {}, {}};
  auto first = std::lower_bound(by_position.begin(), by_position.end(), s.a,
                                [](const auto* o, std::size_t position) { return o->begin < position; });
  for (auto it = first; it != by_position.end() && (*it)->begin < s.b; ++it) s.agencies.push_back(*it);
  for (const PlacedUnit& u : units) {
    if (u.first >= s.a && u.first < s.b) s.units.push_back(&u);
  }
  return s;
}

std::vector<RestructuringEvent> EventExtractor::Events(
    const std::vector<const Token*>& t, const std::vector<Sentence>& sentences,
    const std::vector<AgencyExtractor::Occurrence>& found, const std::vector<PlacedUnit>& units,
    std::string_view text) const {
  std::vector<RestructuringEvent> events;
  Seen seen;
  const std::vector<const AgencyExtractor::Occurrence*> by_position = ByPosition(found);
  for (const Sentence& sentence : sentences) {
    SentenceScope s = ScopeOf(t, text, sentence, by_position, units);
    // A sentence naming no agency and no organizational noun changes none.
    if (s.agencies.empty() && !AgencyOrNounAt(s, s.a, s.b - s.a)) continue;
    s.sentence = std::string(text.substr(sentence.begin, sentence.end - sentence.begin));
    SentenceEvents(s, &seen, &events);
  }
  return events;
}

// The sentence's triggers left to right; where two overlap, the first.
std::vector<PhraseMatcher::Match> EventExtractor::TriggersIn(const SentenceScope& s) const {
  std::vector<PhraseMatcher::Match> triggers;
  for (std::size_t i = s.a; i < s.b;) {
    PhraseMatcher::Match m;
    if (triggers_.MatchAt(s.t, i, &m)) {
      triggers.push_back(m);
      i = m.end;
    } else {
      ++i;
    }
  }
  return triggers;
}

// Trigger k acts on what follows it up to the next trigger; its subject
// starts no earlier than its clause and the end of the trigger before it.
EventExtractor::TriggerSpan EventExtractor::SpanOf(const SentenceScope& s,
                                                   const std::vector<PhraseMatcher::Match>& triggers, std::size_t k) {
  return {triggers[k].begin, triggers[k].end, k + 1 < triggers.size() ? triggers[k + 1].begin : s.b,
          std::max(ClauseStart(s, triggers[k].begin), k > 0 ? triggers[k - 1].end : s.a)};
}

void EventExtractor::SentenceEvents(const SentenceScope& s, Seen* seen, std::vector<RestructuringEvent>* events) const {
  const std::vector<PhraseMatcher::Match> triggers = TriggersIn(s);
  for (std::size_t k = 0; k < triggers.size(); ++k) {
    const auto type = static_cast<Change>(triggers[k].id);
    // "dừng thí điểm hợp nhất …": the merge is what stops, not a new merge.
    if (k > 0 && triggers[k - 1].id == kPilotStop && triggers[k - 1].end == triggers[k].begin) continue;
    // Triggers that are also everyday words must be followed by what they act on.
    if ((type == kSplit || type == kEstablish) && !AgencyOrNounAt(s, triggers[k].end, 4)) continue;
    const TriggerSpan span = SpanOf(s, triggers, k);
    for (RestructuringEvent& e : TriggerEvents(s, type, span)) {
      e.planned = Planned(s.t, s.a, span.begin);
      e.scope = Scope(s, e, span.end);
      // One event per change a sentence states, however many times its words occur in the report.
      if (!seen->insert({e.type, s.sentence, e.from, e.to, e.from_units, e.to_units}).second) continue;
      events->push_back(std::move(e));
    }
  }
}

// Where the ';' clause holding token i starts: a trigger's subject
// ("Văn phòng A được hợp nhất …") never reaches into an earlier clause.
std::size_t EventExtractor::ClauseStart(const SentenceScope& s, std::size_t i) {
  while (i > s.a && s.text.substr(s.t[i - 1]->end, s.t[i]->start - s.t[i - 1]->end).find(';') ==
                        std::string_view::npos) {
    --i;
  }
  return i;
}

// Units when the change names any, or when the noun it acts on is an
// administrative unit's ("sáp nhập 3 xã"); agencies otherwise.
std::string EventExtractor::Scope(const SentenceScope& s, const RestructuringEvent& e, std::size_t after) const {
  if (!e.from_units.empty() || !e.to_units.empty()) return "administrative_unit";
  if (!e.from.empty() || !e.to.empty()) return "agency";
  for (std::size_t i = after; i < std::min(s.b, after + 4); ++i) {
    PhraseMatcher::Match m;
    if (org_nouns_.MatchAt(s.t, i, &m)) return unit_nouns_.MatchAt(s.t, i, &m) ? "administrative_unit" : "agency";
  }
  return "agency";
}

// The subject before a trigger is what changes only when the verb is passive
// or the subject names several agencies ("A và B hợp nhất"); otherwise it is
// who makes the change, and stays out of from/to.
std::vector<std::string> EventExtractor::SubjectAgencies(const SentenceScope& s, const TriggerSpan& span) const {
  std::vector<std::string> subject = AgenciesBetween(s, span.subject, span.begin);
  bool changed = Passive(s.t, span.subject, span.begin) || subject.size() >= 2;
  return changed ? subject : std::vector<std::string>();
}

std::vector<RestructuringEvent> EventExtractor::TriggerEvents(const SentenceScope& s, int type,
                                                              const TriggerSpan& span) const {
  std::vector<RestructuringEvent> out;
  auto event = [&](std::vector<std::string> from, std::vector<std::string> to, std::vector<UnitRef> from_units,
                   std::vector<UnitRef> to_units) {
    RestructuringEvent e;
    e.type = kTypeOf[type];
    e.sentence = s.sentence;
    e.from = std::move(from);
    e.to = std::move(to);
    e.from_units = std::move(from_units);
    e.to_units = std::move(to_units);
    out.push_back(std::move(e));
  };
  switch (static_cast<Change>(type)) {
    case kMerge:
    case kAnnex:
    case kSplit:
      return ChangeEvents(s, type, span);
    case kDissolve: {
      std::vector<std::string> from = AgenciesBetween(s, span.end, span.region_end);
      std::vector<UnitRef> units = UnitsBetween(s, span.end, span.region_end);
      if (from.empty() && units.empty()) from = SubjectAgencies(s, span);
      event(std::move(from), {}, std::move(units), {});
      break;
    }
    case kUnifyRoles:
      event(AgenciesBetween(s, span.subject, span.begin), AgenciesBetween(s, span.end, span.region_end), {}, {});
      break;
    case kEstablish:
      event({}, AgenciesBetween(s, span.end, span.region_end), {}, UnitsBetween(s, span.end, span.region_end));
      break;
    case kPilotStop:
      event(AgenciesBetween(s, s.a, s.b), {}, {}, {});
      break;
  }
  return out;
}

// The ';' clauses of a trigger's region, as [begin, end) token ranges.
std::vector<std::pair<std::size_t, std::size_t>> EventExtractor::ClausesAfter(const SentenceScope& s,
                                                                              const TriggerSpan& span) {
  const auto& t = s.t;
  std::vector<std::pair<std::size_t, std::size_t>> clauses;
  std::size_t start = span.end;
  for (std::size_t i = span.end + 1; i < span.region_end; ++i) {
    if (s.text.substr(t[i - 1]->end, t[i]->start - t[i - 1]->end).find(';') != std::string_view::npos) {
      clauses.emplace_back(start, i);
      start = i;
    }
  }
  clauses.emplace_back(start, span.region_end);
  return clauses;
}

// Where a clause turns from what was changed to what it became: "thành"
// (or "vào"/"về" for annex) before an agency or an organizational noun;
// the clause's end when it has none.
std::size_t EventExtractor::Connector(const SentenceScope& s, int type, std::size_t begin, std::size_t end) const {
  for (std::size_t i = begin; i < end; ++i) {
    const std::string& w = s.t[i]->term;
    bool into = w == "thành" || (type == kAnnex && (w == "vào" || w == "về"));
    if (into && AgencyOrNounAt(s, i + 1, 3)) return i;
  }
  return end;
}

// Merge, annex, split: each ';' clause is its own change ("hợp nhất: A với B
// thành C; D với E thành F"), split at its connector into what was before
// and what came after.
std::vector<RestructuringEvent> EventExtractor::ChangeEvents(const SentenceScope& s, int type,
                                                             const TriggerSpan& span) const {
  const std::vector<std::pair<std::size_t, std::size_t>> clauses = ClausesAfter(s, span);
  std::vector<RestructuringEvent> out;
  for (auto [c0, c1] : clauses) {
    const std::size_t connector = Connector(s, type, c0, c1);
    RestructuringEvent e;
    e.type = kTypeOf[type];
    e.sentence = s.sentence;
    e.from = AgenciesBetween(s, c0, connector);
    e.to = AgenciesBetween(s, connector, c1);
    e.from_units = UnitsBetween(s, c0, connector);
    e.to_units = UnitsBetween(s, connector, c1);
    bool nothing = e.from.empty() && e.from_units.empty();
    if (nothing && c0 == span.end) e.from = SubjectAgencies(s, span);
    if (e.from.empty() && e.to.empty() && e.from_units.empty() && e.to_units.empty() && clauses.size() > 1) continue;
    out.push_back(std::move(e));
  }
  if (out.empty()) {
    RestructuringEvent e;
    e.type = kTypeOf[type];
    e.sentence = s.sentence;
    out.push_back(std::move(e));
  }
  return out;
}

}  // namespace tinhgon
