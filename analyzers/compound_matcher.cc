#include "analyzers/compound_matcher.h"

#include <vector>

#include <unicode/uchar.h>

namespace tinhgon {
namespace {

bool IsDigit(char16_t c) { return c >= u'0' && c <= u'9'; }
bool IsLetter(char16_t c) { return u_isalpha(c) != 0; }
bool IsAlnum(char16_t c) { return IsDigit(c) || IsLetter(c); }

struct Segment {
  std::int32_t start;
  std::int32_t end;
  bool digits;
  char16_t separator_before;  // 0 for the first segment
};

// Splits the text from `start` into digit or letter runs joined by one
// separator character, stopping at the first thing that is neither.
std::vector<Segment> ReadSegments(std::u16string_view text, std::int32_t start) {
  std::vector<Segment> segments;
  const auto n = static_cast<std::int32_t>(text.size());
  std::int32_t i = start;
  char16_t separator = 0;
  while (i < n && segments.size() < 8) {
    bool digits = IsDigit(text[i]);
    if (!digits && !IsLetter(text[i])) break;
    std::int32_t end = i;
    while (end < n && (digits ? IsDigit(text[end]) : IsLetter(text[end]))) ++end;
    segments.push_back({i, end, digits, separator});
    if (end + 1 >= n) break;
    char16_t next = text[end];
    if (next != u'/' && next != u'-' && next != u'.' && next != u'&' && next != u' ') break;
    if (!IsAlnum(text[end + 1])) break;
    separator = next;
    i = end + 1;
  }
  return segments;
}

int ValueOf(std::u16string_view text, const Segment& s) {
  int value = 0;
  for (std::int32_t i = s.start; i < s.end && value < 100000; ++i) value = value * 10 + (text[i] - u'0');
  return value;
}

std::int32_t Length(const Segment& s) { return s.end - s.start; }

// True when nothing alphanumeric follows, so the match is a whole unit.
bool EndsWord(std::u16string_view text, std::int32_t end) {
  return end >= static_cast<std::int32_t>(text.size()) || !IsAlnum(text[end]);
}

std::u16string Padded(std::u16string_view text, const Segment& s) {
  std::u16string out(text.substr(s.start, Length(s)));
  if (out.size() == 1) out.insert(out.begin(), u'0');
  return out;
}

CompoundMatch MatchDate(std::u16string_view text, const std::vector<Segment>& seg) {
  CompoundMatch none;
  if (seg.size() < 2 || !seg[0].digits || !seg[1].digits || Length(seg[0]) > 2) return none;
  char16_t sep = seg[1].separator_before;
  if (sep != u'/' && sep != u'-' && sep != u'.') return none;
  if (seg.size() >= 3 && seg[2].digits && seg[2].separator_before == sep &&
      Length(seg[1]) <= 2 && Length(seg[2]) == 4) {
    int day = ValueOf(text, seg[0]), month = ValueOf(text, seg[1]), year = ValueOf(text, seg[2]);
    if (day >= 1 && day <= 31 && month >= 1 && month <= 12 && year >= 1900 && year <= 2100 &&
        EndsWord(text, seg[2].end)) {
      return {seg[2].end, TokenType::kDate,
              Padded(text, seg[0]) + u"/" + Padded(text, seg[1]) + u"/" +
                  std::u16string(text.substr(seg[2].start, 4))};
    }
    return none;
  }
  if (sep != u'.' && Length(seg[1]) == 4 && EndsWord(text, seg[1].end) &&
      (seg.size() < 3 || seg[2].separator_before != sep)) {
    int month = ValueOf(text, seg[0]), year = ValueOf(text, seg[1]);
    if (month >= 1 && month <= 12 && year >= 1900 && year <= 2100) {
      return {seg[1].end, TokenType::kDate,
              Padded(text, seg[0]) + u"/" + std::u16string(text.substr(seg[1].start, 4))};
    }
  }
  return none;
}

// "NQ", "QĐ", "TTg": two capitals at least, as in Vietnamese document codes.
bool IsCodeLetters(std::u16string_view text, const Segment& s) {
  return !s.digits && Length(s) >= 2 && u_isupper(text[s.start]) && u_isupper(text[s.start + 1]);
}

bool IsCapitals(std::u16string_view text, const Segment& s) {
  if (s.digits) return false;
  for (std::int32_t i = s.start; i < s.end; ++i) {
    if (!u_isupper(text[i])) return false;
  }
  return true;
}

CompoundMatch MatchCode(std::u16string_view text, const std::vector<Segment>& seg) {
  CompoundMatch best;
  bool has_slash = false, has_letters = false;
  for (std::size_t k = 0; k < seg.size(); ++k) {
    const Segment& s = seg[k];
    if (k > 0) {
      char16_t sep = s.separator_before;
      // The one space allowed is between the number and its code: "07 ĐA/HU".
      bool space_ok = sep == u' ' && k == 1 && seg[0].digits && IsCodeLetters(text, s) &&
                      k + 1 < seg.size() && seg[k + 1].separator_before == u'/';
      if (sep != u'/' && sep != u'-' && !space_ok) break;
      has_slash = has_slash || sep == u'/';
    }
    if (!s.digits && !IsCodeLetters(text, s)) break;
    has_letters = has_letters || !s.digits;
    if (has_slash && has_letters && EndsWord(text, s.end)) best.end = s.end;
  }
  if (best.end < 0) return best;
  best.type = TokenType::kCode;
  best.canonical.assign(text.substr(seg[0].start, best.end - seg[0].start));
  for (char16_t& c : best.canonical) {
    if (c == u' ') c = u'-';
  }
  return best;
}

CompoundMatch MatchAmpersand(std::u16string_view text, const std::vector<Segment>& seg) {
  CompoundMatch best;
  bool has_ampersand = false;
  for (std::size_t k = 0; k < seg.size(); ++k) {
    const Segment& s = seg[k];
    if (k > 0) {
      char16_t sep = s.separator_before;
      if (sep != u'&' && sep != u'-') break;
      has_ampersand = has_ampersand || sep == u'&';
    }
    if (!IsCapitals(text, s)) break;
    if (has_ampersand && EndsWord(text, s.end)) best.end = s.end;
  }
  if (best.end < 0) return best;
  best.type = TokenType::kCode;
  best.canonical.assign(text.substr(seg[0].start, best.end - seg[0].start));
  return best;
}

}  // namespace

CompoundMatch MatchCompound(std::u16string_view text, std::int32_t start) {
  std::vector<Segment> segments = ReadSegments(text, start);
  if (segments.size() < 2) return {};
  if (segments[0].digits) {
    CompoundMatch date = MatchDate(text, segments);
    if (date.end >= 0) return date;
    return MatchCode(text, segments);
  }
  CompoundMatch code = MatchCode(text, segments);
  CompoundMatch ampersand = MatchAmpersand(text, segments);
  return ampersand.end > code.end ? ampersand : code;
}

}  // namespace tinhgon
