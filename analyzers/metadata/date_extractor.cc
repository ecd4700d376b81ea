#include "analyzers/metadata/date_extractor.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "analyzers/analyzer.h"
#include "corpus/calendar.h"
#include "analyzers/metadata/document_layout.h"

namespace tinhgon {
namespace {

constexpr int kFirstYear = 1945;
constexpr int kLastYear = 2100;

// The value of a token made only of digits, or -1.
int Number(const Token& t) {
  if (t.type != TokenType::kNumber || t.term.empty() || t.term.size() > 4) return -1;
  int value = 0;
  for (char c : t.term) {
    if (c < '0' || c > '9') return -1;
    value = value * 10 + (c - '0');
  }
  return value;
}

bool IsYear(const Token& t) {
  int y = Number(t);
  return t.term.size() == 4 && y >= kFirstYear && y <= kLastYear;
}

std::string Format(int year, int month = 0, int day = 0) {
  char buffer[40];  // room for any int, though callers pass validated dates
  if (day > 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  else if (month > 0) std::snprintf(buffer, sizeof buffer, "%04d-%02d", year, month);
  else std::snprintf(buffer, sizeof buffer, "%04d", year);
  return buffer;
}

// A date token's canonical term is "dd/mm/yyyy" or "mm/yyyy".
std::string FromDateToken(const Token& t) {
  const std::string& s = t.term;
  auto digits = [&](std::size_t from, std::size_t count) {
    int value = 0;
    for (std::size_t i = from; i < from + count; ++i) {
      if (s[i] < '0' || s[i] > '9') return -1;
      value = value * 10 + (s[i] - '0');
    }
    return value;
  };
  // "31/02/2021" is written sometimes; it names no day, so it is no date.
  if (s.size() == 10 && IsCalendarDay(digits(6, 4), digits(3, 2), digits(0, 2))) {
    return Format(digits(6, 4), digits(3, 2), digits(0, 2));
  }
  if (s.size() == 7 && digits(3, 4) > 0 && digits(0, 2) >= 1 && digits(0, 2) <= 12) {
    return Format(digits(3, 4), digits(0, 2));
  }
  return std::string();
}

bool ValidDay(int year, int month, int day) {
  return year >= kFirstYear && year <= kLastYear && IsCalendarDay(year, month, day);
}

}  // namespace

std::vector<std::string> DateExtractor::Mentioned(const std::vector<Token>& all,
                                                  std::string_view text) const {
  std::vector<const Token*> t;
  for (const Token& token : all) {
    if (!token.expansion) t.push_back(&token);
  }
  std::vector<std::string> dates;
  std::set<std::string> seen;
  auto add = [&](std::string value) {
    if (!value.empty() && seen.insert(value).second) dates.push_back(std::move(value));
  };
  auto is = [&](std::size_t i, const char* word) { return i < t.size() && t[i]->term == word; };
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i]->type == TokenType::kDate) {
      add(FromDateToken(*t[i]));
      continue;
    }
    // ngày 7 tháng 8 năm 2018
    if (is(i, "ngày") && i + 5 < t.size() && is(i + 2, "tháng") && is(i + 4, "năm") &&
        IsYear(*t[i + 5]) && ValidDay(Number(*t[i + 5]), Number(*t[i + 3]), Number(*t[i + 1]))) {
      add(Format(Number(*t[i + 5]), Number(*t[i + 3]), Number(*t[i + 1])));
      i += 5;
      continue;
    }
    // tháng 11 năm 2018
    if (is(i, "tháng") && i + 3 < t.size() && is(i + 2, "năm") && IsYear(*t[i + 3])) {
      int month = Number(*t[i + 1]);
      if (month >= 1 && month <= 12) {
        add(Format(Number(*t[i + 3]), month));
        i += 3;
        continue;
      }
    }
    // năm 2020
    if (is(i, "năm") && i + 1 < t.size() && IsYear(*t[i + 1])) {
      add(Format(Number(*t[i + 1])));
      ++i;
      continue;
    }
    // 2020 – 2025, 2020-2025: a range names both of its years.
    if (IsYear(*t[i]) && i + 1 < t.size() && IsYear(*t[i + 1]) && t[i + 1]->position == t[i]->position + 1) {
      std::string_view between = text.substr(t[i]->end, t[i + 1]->start - t[i]->end);
      bool dash = between.find('-') != std::string_view::npos ||
                  between.find("\xE2\x80\x93") != std::string_view::npos;  // en dash
      if (dash && between.size() <= 5) {
        add(Format(Number(*t[i])));
        add(Format(Number(*t[i + 1])));
        ++i;
      }
    }
  }
  return dates;
}

std::optional<std::string> DateExtractor::DateLine(std::string_view line) const {
  if (line.size() > 80) return std::nullopt;
  static const std::set<std::string> kStampWords = {
      "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "ngày", "tháng",
      "cập", "lúc", "đăng", "gmt", "giờ", "phút", "sáng", "chiều", "tối", "am", "pm"};
  std::optional<std::string> date;
  std::vector<Token> tokens = analyzer_.Analyze(line).tokens;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.expansion) continue;
    if (t.type == TokenType::kDate && t.term.size() == 10) {
      if (!date) date = FromDateToken(t);
      continue;
    }
    if (t.type == TokenType::kNumber && t.term.size() <= 2) continue;  // 09:38, GMT+7
    if (kStampWords.count(t.term) == 0) return std::nullopt;
  }
  if (!date) {  // "Ngày 7 tháng 8 năm 2018" as the whole line
    std::vector<std::string> spelled = Mentioned(tokens, line);
    if (!spelled.empty() && spelled.front().size() == 10) date = spelled.front();
  }
  return date;
}

std::optional<std::string> DateExtractor::PublicationDate(const Layout& layout) const {
  std::vector<std::size_t> candidates;
  std::size_t seen = 0;
  for (std::size_t i = 0; i < layout.lines.size() && seen < 8; ++i) {
    if (layout.lines[i].kind == LineKind::kEmpty) continue;
    candidates.push_back(i);
    ++seen;
  }
  seen = 0;
  for (std::size_t i = layout.lines.size(); i-- > 0 && seen < 6;) {
    if (layout.lines[i].kind == LineKind::kEmpty) continue;
    if (std::find(candidates.begin(), candidates.end(), i) == candidates.end()) candidates.push_back(i);
    ++seen;
  }
  for (std::size_t i : candidates) {
    if (auto date = DateLine(layout.lines[i].text)) return date;
  }
  return std::nullopt;
}

}  // namespace tinhgon
