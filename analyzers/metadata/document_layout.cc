#include "analyzers/metadata/document_layout.h"

#include <algorithm>

#include "analyzers/case_folder.h"
#include "analyzers/data_file.h"
#include "analyzers/metadata/capitals.h"
#include "analyzers/text_cleaner.h"
#include "analyzers/tone_marks.h"
#include "analyzers/unicode_normalizer.h"
#include "analyzers/utf8.h"
#include "metadata_embedded.h"

namespace tinhgon {
namespace {

constexpr std::size_t kShortLineWords = 8;

bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Ends like a sentence: ".", "!", "?", "…", also the "./." that closes many reports.
bool EndsSentence(std::string_view line) {
  if (line.empty()) return false;
  char last = line.back();
  if (last == '.' || last == '!' || last == '?') return true;
  return line.size() >= 3 && line.substr(line.size() - 3) == "\xE2\x80\xA6";  // …
}

// "11", "1111", "- 2 -": numbering left behind by photo galleries.
bool IsOnlyDigitsAndPunctuation(std::string_view line) {
  bool digit = false;
  for (char c : line) {
    if (IsAsciiDigit(c)) digit = true;
    else if (IsAsciiLetter(c) || static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return digit;
}

// "Hôm nay: 693", "Đã truy cập: 3904255", "Online: 12".
bool IsCounter(std::string_view line) {
  std::size_t colon = line.rfind(':');
  if (colon == std::string_view::npos || WordCount(line) > 6) return false;
  std::string_view value = TrimSpaces(line.substr(colon + 1));
  if (value.empty()) return false;
  return std::all_of(value.begin(), value.end(),
                     [](char c) { return IsAsciiDigit(c) || c == '.' || c == ','; });
}

// "PublishingPortal - Block_BanTin_Toolbar": a template's identifiers.
bool LooksLikeIdentifiers(std::string_view line) {
  return line.find('_') != std::string_view::npos && WordCount(line) <= kShortLineWords &&
         !EndsSentence(line);
}

std::vector<std::string_view> Words(std::string_view line) {
  std::vector<std::string_view> words;
  std::size_t start = 0;
  while (start < line.size()) {
    std::size_t end = line.find(' ', start);
    if (end == std::string_view::npos) end = line.size();
    if (end > start) words.push_back(line.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

}  // namespace

std::size_t WordCount(std::string_view line) { return Words(line).size(); }

DocumentLayout::DocumentLayout() {
  for (const DataLine& line : ReadDataLines(embedded::metadata_boilerplate)) {
    vocabulary_.push_back(Fold(line.fields.front()));
  }
}

DocumentLayout::~DocumentLayout() = default;

std::string DocumentLayout::Fold(std::string_view text) const {
  static const UnicodeNormalizer nfc;
  static const ToneMarkNormalizer tones;
  static const CaseFolder folder;
  icu::UnicodeString normalized = TextCleaner::Clean(text, nullptr);
  nfc.Apply(&normalized);
  tones.Apply(&normalized);
  return folder.Fold(ToUtf8(normalized));
}

bool DocumentLayout::IsChrome(std::string_view line) const {
  if (IsOnlyDigitsAndPunctuation(line) || IsCounter(line) || LooksLikeIdentifiers(line)) return true;
  if (WordCount(line) > kShortLineWords || EndsSentence(line)) return false;
  std::string folded = Fold(line);
  for (const std::string& phrase : vocabulary_) {
    if (folded.find(phrase) != std::string::npos) return true;
  }
  return false;
}

namespace {

bool IsCredit(std::string_view line) {
  static constexpr std::string_view kCredits[] = {"Bài, ảnh:", "Bài và ảnh:", "Bài:", "Ảnh:",
                                                  "Tin, ảnh:", "Tin và ảnh:", "Nguồn:", "Theo "};
  for (std::string_view credit : kCredits) {
    if (line.substr(0, credit.size()) == credit) return true;
  }
  return false;
}

// "Hương Lan", "Lê Hoàn", "Triệu Đại Nghĩa (Trung tâm TT&VH huyện Đầm Hà)".
bool IsNameLine(std::string_view line) {
  std::string_view name = TrimSpaces(line.substr(0, line.find('(')));
  std::vector<std::string_view> words = Words(name);
  if (words.size() < 2 || words.size() > 5) return false;
  return std::all_of(words.begin(), words.end(), StartsWithCapital);
}

}  // namespace

Layout DocumentLayout::Analyze(std::string_view text, const LineTest& is_date_line) const {
  Layout layout;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view raw = text.substr(start, end - start);
    std::string_view trimmed = TrimSpaces(raw);
    Line line;
    line.text = trimmed;
    line.offset = trimmed.empty() ? start : static_cast<std::size_t>(trimmed.data() - text.data());
    line.kind = trimmed.empty() ? LineKind::kEmpty
                                : (IsChrome(trimmed) ? LineKind::kChrome : LineKind::kContent);
    layout.lines.push_back(line);
    start = end + 1;
  }
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    const Line& line = layout.lines[i];
    if (line.kind != LineKind::kContent) continue;
    std::size_t words = WordCount(line.text);
    if (words < 2 || words > 40 || (is_date_line && is_date_line(line.text))) continue;
    layout.title = static_cast<int>(i);
    break;
  }
  for (int i = static_cast<int>(layout.lines.size()) - 1; i > layout.title; --i) {
    const Line& line = layout.lines[i];
    if (line.kind != LineKind::kContent) continue;
    bool short_line = WordCount(line.text) <= 12 && !EndsSentence(line.text);
    if (short_line && (IsCredit(line.text) || IsNameLine(line.text))) layout.byline = i;
    break;  // only the last content line can be the byline
  }
  return layout;
}

}  // namespace tinhgon
