// Figures: the reductions and savings reports give, with their numbers.
#include <charconv>
#include <map>

#include "analyzers/metadata/event_extractor.h"

namespace tinhgon {
namespace {

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

std::vector<Figure> EventExtractor::Figures(const std::vector<const Token*>& t,
                                            const std::vector<Sentence>& sentences,
                                            std::string_view text) const {
  std::vector<Figure> figures;
  for (std::size_t s = 0; s < sentences.size(); ++s) {
    const std::size_t a = sentences[s].first_token, b = sentences[s].end_token;
    std::string sentence(text.substr(sentences[s].begin, sentences[s].end - sentences[s].begin));
    auto planned = [&](std::size_t at) { return Planned(t, a, at); };
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
          figures.push_back({kind == kUnitsCut ? "units_cut" : "staff_cut", value, unit_text, sentence, planned(i)});
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
          figures.push_back({"savings", value, unit, sentence, planned(i)});
          break;
        }
      }
    }
  }
  return figures;
}

}  // namespace tinhgon
