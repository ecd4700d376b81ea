// Sentence boundaries in a report's text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "analyzers/token.h"

namespace tinhgon {

struct Sentence {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  std::size_t first_token = 0;  // [first_token, end_token): indexes into the written tokens
  std::size_t end_token = 0;
};

// Splits at line ends and at ". ", "! ", "? " before a capital letter or digit,
// but not after a short capitalized abbreviation ("TP. Hồ Chí Minh", "Q. 1").
std::vector<Sentence> SplitSentences(std::string_view text);

// The same, with each sentence's token range filled in from `tokens`, the
// written tokens of `text` in order.
std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<const Token*>& tokens);

}  // namespace tinhgon
