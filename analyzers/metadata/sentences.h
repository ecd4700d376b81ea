// Sentence boundaries in a report's text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace tinhgon {

struct Sentence {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
};

// Splits at line ends and at ". ", "! ", "? " before a capital letter or digit,
// but not after a short capitalized abbreviation ("TP. Hồ Chí Minh", "Q. 1").
std::vector<Sentence> SplitSentences(std::string_view text);

}  // namespace tinhgon
