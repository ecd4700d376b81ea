#include "analyzers/metadata/event_extractor.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/sentences.h"

namespace tinhgon {
namespace {

enum EventType { kMerge, kAnnex, kSplit, kDissolve, kUnifyRoles, kEstablish, kPilotStop };
const char* const kTypeNames[] = {"merge", "annex", "split", "dissolve",
                                  "unify_roles", "establish", "pilot_stop"};

struct Trigger {
  EventType type;
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

enum UnitKind { kUnitsCut, kStaffCut, kGenericStaff };
const char* const kUnitsCutNouns[] = {"đầu mối", "phòng", "ban", "đơn vị", "cơ quan", "xã", "thôn",
                                      "tổ dân phố", "trung tâm", "sở", "văn phòng", "chi bộ",
                                      "phòng ban", "đơn vị sự nghiệp", "đơn vị hành chính"};
const char* const kStaffCutNouns[] = {"biên chế", "cán bộ", "công chức", "viên chức", "cấp trưởng",
                                      "cấp phó", "lãnh đạo", "chức danh", "chuyên viên",
                                      "phó chủ tịch", "hợp đồng", "lao động", "cán bộ công chức",
                                      "trưởng phòng", "phó trưởng phòng", "phó giám đốc",
                                      "cán bộ không chuyên trách", "người hoạt động không chuyên trách"};
const char* const kGenericStaffNouns[] = {"người", "đồng chí"};

std::vector<std::string> Terms(Analyzer& analyzer, std::string_view phrase) {
  const Analysis analysis = analyzer.Analyze(phrase);
  std::vector<std::string> terms;
  for (const Token* t : WrittenTokens(analysis.tokens)) terms.push_back(t->term);
  return terms;
}

// "1,2" → 1.2, "3.904.255" → 3904255, "03" → 3, "hai" → 2; -1 for anything else.
constexpr std::size_t kMaxFigureDigits = 15;

double NumberValue(const Token& t) {
  static const std::map<std::string, double> kWords = {
      {"một", 1}, {"hai", 2}, {"ba", 3}, {"bốn", 4}, {"năm", 5},
      {"sáu", 6}, {"bảy", 7}, {"tám", 8}, {"chín", 9}, {"mười", 10}};
  if (t.type == TokenType::kWord) {
    auto it = kWords.find(t.term);
    return it == kWords.end() ? -1 : it->second;
  }
  if (t.type != TokenType::kNumber) return -1;
  std::string plain;
  for (char c : t.term) {
    if (c == '.') continue;
    if (c == ',') plain += '.';
    else if (c >= '0' && c <= '9') plain += c;
    else return -1;
  }
  // No count of posts or offices has more than a dozen digits: a longer
  // "number" is a code or garbage, and it must not reach a conversion that
  // overflows. from_chars reports errors instead of throwing.
  if (plain.empty() || plain.front() == '.' || plain.size() > kMaxFigureDigits) return -1;
  double value = -1;
  auto [end, error] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  return error == std::errc() && end == plain.data() + plain.size() ? value : -1;
}

std::string Slice(std::string_view text, const Token* first, const Token* last) {
  return std::string(text.substr(first->start, last->end - first->start));
}

}  // namespace

EventExtractor::EventExtractor(Analyzer& analyzer, const AgencyExtractor& agencies)
    : agencies_(agencies) {
  for (const Trigger& t : kTriggers) triggers_.Add(Terms(analyzer, t.phrase), t.type);
  for (const char* noun : kOrgNouns) org_nouns_.Add(Terms(analyzer, noun), 0);
  for (const char* noun : kUnitsCutNouns) units_.Add(Terms(analyzer, noun), kUnitsCut);
  for (const char* noun : kStaffCutNouns) units_.Add(Terms(analyzer, noun), kStaffCut);
  for (const char* noun : kGenericStaffNouns) units_.Add(Terms(analyzer, noun), kGenericStaff);
}


std::vector<RestructuringEvent> EventExtractor::Events(
    const std::vector<const Token*>& t, const std::vector<Sentence>& sentences,
    const std::vector<AgencyExtractor::Occurrence>& found, std::string_view text) const {
  std::vector<RestructuringEvent> events;
  std::set<std::tuple<std::string, std::string, std::vector<std::string>, std::vector<std::string>>> seen;

  // Occurrences in token order, so each sentence finds its own by binary
  // search: scanning them all per sentence is quadratic on a long report.
  std::vector<const AgencyExtractor::Occurrence*> by_position;
  for (const auto& o : found) by_position.push_back(&o);
  std::stable_sort(by_position.begin(), by_position.end(), [](const auto* x, const auto* y) { return x->begin < y->begin; });

  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t a = sentences[s].first_token, b = sentences[s].end_token;
    std::vector<const AgencyExtractor::Occurrence*> in_sentence;
    auto first = std::lower_bound(by_position.begin(), by_position.end(), a,
                                  [](const auto* o, std::size_t position) { return o->begin < position; });
    for (auto it = first; it != by_position.end() && (*it)->begin < b; ++it) in_sentence.push_back(*it);
    auto agencies_between = [&](std::size_t from, std::size_t to) {
      std::vector<std::string> slugs;
      for (const auto* o : in_sentence) {
        if (o->begin >= from && o->begin < to) {
          const std::string& slug = agencies_.kind(o->kind).slug;
          if (std::find(slugs.begin(), slugs.end(), slug) == slugs.end()) slugs.push_back(slug);
        }
      }
      return slugs;
    };
    auto agency_or_noun_at = [&](std::size_t i, std::size_t window) {
      for (std::size_t k = i; k < std::min(b, i + window); ++k) {
        PhraseMatcher::Match m;
        if (org_nouns_.MatchAt(t, k, &m)) return true;
        for (const auto* o : in_sentence) {
          if (o->begin == k) return true;
        }
      }
      return false;
    };
    bool organizational = !in_sentence.empty() || agency_or_noun_at(a, b - a);
    if (!organizational) continue;

    std::vector<PhraseMatcher::Match> triggers;
    for (std::size_t i = a; i < b;) {
      PhraseMatcher::Match m;
      if (triggers_.MatchAt(t, i, &m)) {
        triggers.push_back(m);
        i = m.end;
      } else {
        ++i;
      }
    }
    std::string sentence(text.substr(sentences[s].begin, sentences[s].end - sentences[s].begin));
    auto emit = [&](EventType type, std::vector<std::string> from, std::vector<std::string> to) {
      if (!seen.insert({kTypeNames[type], sentence, from, to}).second) return;
      events.push_back({kTypeNames[type], sentence, std::move(from), std::move(to)});
    };
    // Where the ';' clause holding token i starts: a trigger's subject
    // ("Văn phòng A được hợp nhất …") never reaches into an earlier clause.
    auto clause_start = [&](std::size_t i) {
      while (i > a && text.substr(t[i - 1]->end, t[i]->start - t[i - 1]->end).find(';') ==
                          std::string_view::npos) {
        --i;
      }
      return i;
    };
    for (std::size_t k = 0; k < triggers.size(); ++k) {
      const auto type = static_cast<EventType>(triggers[k].id);
      const std::size_t region_end = k + 1 < triggers.size() ? triggers[k + 1].begin : b;
      const std::size_t after = triggers[k].end;
      const std::size_t subject = std::max(clause_start(triggers[k].begin), k > 0 ? triggers[k - 1].end : a);
      // "dừng thí điểm hợp nhất …": the merge is what stops, not a new merge.
      if (k > 0 && triggers[k - 1].id == kPilotStop && triggers[k - 1].end == triggers[k].begin) continue;
      // Triggers that are also everyday words must be followed by what they act on.
      if ((type == kSplit || type == kEstablish) && !agency_or_noun_at(after, 4)) continue;
      switch (type) {
        case kMerge:
        case kAnnex:
        case kSplit: {
          // Each ';' clause is its own change: "hợp nhất: A với B thành C; D với E thành F".
          std::vector<std::pair<std::size_t, std::size_t>> clauses;
          std::size_t start = after;
          for (std::size_t i = after + 1; i < region_end; ++i) {
            std::string_view gap = text.substr(t[i - 1]->end, t[i]->start - t[i - 1]->end);
            if (gap.find(';') != std::string_view::npos) {
              clauses.emplace_back(start, i);
              start = i;
            }
          }
          clauses.emplace_back(start, region_end);
          bool any = false;
          for (auto [c0, c1] : clauses) {
            std::size_t connector = c1;
            for (std::size_t i = c0; i < c1; ++i) {
              const std::string& w = t[i]->term;
              bool into = w == "thành" || (type == kAnnex && (w == "vào" || w == "về"));
              if (into && agency_or_noun_at(i + 1, 3)) {
                connector = i;
                break;
              }
            }
            std::vector<std::string> from = agencies_between(c0, connector);
            std::vector<std::string> to = agencies_between(connector, c1);
            if (from.empty() && c0 == after) from = agencies_between(subject, triggers[k].begin);
            if (from.empty() && to.empty() && clauses.size() > 1) continue;
            emit(type, std::move(from), std::move(to));
            any = true;
          }
          if (!any) emit(type, {}, {});
          break;
        }
        case kDissolve: {
          std::vector<std::string> from = agencies_between(after, region_end);
          if (from.empty()) from = agencies_between(subject, triggers[k].begin);
          emit(type, std::move(from), {});
          break;
        }
        case kUnifyRoles:
          emit(type, agencies_between(subject, triggers[k].begin), agencies_between(after, region_end));
          break;
        case kEstablish:
          emit(type, {}, agencies_between(after, region_end));
          break;
        case kPilotStop:
          emit(type, agencies_between(a, b), {});
          break;
      }
    }
  }
  return events;
}

std::vector<Figure> EventExtractor::Figures(const std::vector<const Token*>& t,
                                            const std::vector<Sentence>& sentences,
                                            std::string_view text) const {
  std::vector<Figure> figures;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t a = sentences[s].first_token, b = sentences[s].end_token;
    std::string sentence(text.substr(sentences[s].begin, sentences[s].end - sentences[s].begin));
    for (std::size_t i = a; i < b; ++i) {
      const std::string& w = t[i]->term;
      bool cut = w == "giảm" || (w == "giản" && i > a && t[i - 1]->term == "tinh");
      if (cut) {
        std::size_t j = i + 1;
        while (j < b && j < i + 3 && (t[j]->term == "được" || t[j]->term == "thêm" || t[j]->term == "còn")) ++j;
        // "giảm 3 cấp trưởng và 2 cấp phó": one figure per number and noun.
        while (j + 1 < b && NumberValue(*t[j]) >= 0) {
          double value = NumberValue(*t[j]);
          bool percent = t[j]->end < text.size() && text[t[j]->end] == '%';
          PhraseMatcher::Match unit;
          if (!units_.MatchAt(t, j + 1, &unit)) break;
          std::string unit_text = Slice(text, t[unit.begin], t[unit.end - 1]);
          int kind = unit.id;
          if (kind == kGenericStaff) {
            // "cấp phó giảm 20 đồng chí": the subject says what was cut.
            for (std::size_t back = i; back > a && back + 4 > i; --back) {
              PhraseMatcher::Match subject;
              if (units_.MatchAt(t, back - 1, &subject) && subject.id == kStaffCut && subject.end <= i) {
                unit_text = Slice(text, t[subject.begin], t[subject.end - 1]);
                break;
              }
            }
            kind = kStaffCut;
          }
          if (percent) unit_text = "% " + unit_text;
          figures.push_back({kind == kUnitsCut ? "units_cut" : "staff_cut", value, unit_text, sentence});
          j = unit.end;
          if (j + 1 < b && t[j]->term == "và") ++j;
        }
      }
      if (w == "tiết" && i + 1 < b && t[i + 1]->term == "kiệm") {
        for (std::size_t j = i + 2; j + 1 < b && j < i + 22; ++j) {
          double value = NumberValue(*t[j]);
          if (value < 0 || t[j]->type != TokenType::kNumber) continue;
          std::size_t k = j + 1;
          std::string scale;
          if (t[k]->term == "tỷ" || t[k]->term == "triệu" || t[k]->term == "nghìn" || t[k]->term == "ngàn") {
            scale = std::string(text.substr(t[k]->start, t[k]->end - t[k]->start)) + " ";
            ++k;
          }
          if (k >= b || t[k]->term != "đồng") continue;
          std::string unit = scale + "đồng";
          constexpr std::string_view kPerYear = "/năm";  // five bytes: ă takes two
          if (text.substr(t[k]->end, kPerYear.size()) == kPerYear) unit += kPerYear;
          figures.push_back({"savings", value, unit, sentence});
          break;
        }
      }
    }
  }
  return figures;
}

}  // namespace tinhgon
