// The line structure of a scraped report: which lines are content, which are
// site chrome, where the title and the byline are.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace tinhgon {

enum class LineKind { kEmpty, kContent, kChrome };

struct Line {
  std::string_view text;  // trimmed, into the text given to DocumentLayout::Analyze
  std::size_t offset = 0; // byte offset of `text` in that text
  LineKind kind = LineKind::kEmpty;
};

struct Layout {
  std::vector<Line> lines;
  int title = -1;   // index into lines, -1 when no line qualifies
  int byline = -1;  // index into lines, -1 when the report names no author
};

// Classifies lines with general rules rather than per-site lists:
//  - chrome: a short line (at most 8 words) without sentence punctuation at its
//    end that holds a phrase of the chrome vocabulary (data/boilerplate.txt);
//    a line of only digits and punctuation (photo numbering); a counter
//    ("Hôm nay: 693", "Đã truy cập: 3904255"); an identifier-like line
//    ("PublishingPortal - Block_BanTin_Toolbar");
//  - title: the first content line of 2 to 40 words that is not a date line;
//  - byline: the last content line, if it is short, has no sentence ending,
//    and either opens with a credit ("Bài, ảnh:", "Theo") or is a name of two
//    to five capitalized words, optionally with a parenthesis ("Triệu Đại
//    Nghĩa (Trung tâm TT&VH huyện Đầm Hà)").
// `is_date_line` lets the caller's date rules keep dates out of the title.
class DocumentLayout {
 public:
  using LineTest = std::function<bool(std::string_view)>;

  DocumentLayout();
  ~DocumentLayout();

  // `text` must be normalized (Analyzer::Normalize); lines point into it.
  Layout Analyze(std::string_view text, const LineTest& is_date_line = nullptr) const;

  bool IsChrome(std::string_view line) const;

 private:
  std::string Fold(std::string_view text) const;

  std::vector<std::string> vocabulary_;  // normalized, case-folded phrases
};

// Words in a line, split on spaces.
std::size_t WordCount(std::string_view line);

}  // namespace tinhgon
