// Recognizers for the multi-part tokens Vietnamese reports write without
// spaces but that a word-break iterator would cut into pieces.
#pragma once

#include <cstdint>
#include <string_view>

#include "analyzers/token.h"

namespace tinhgon {

struct CompoundMatch {
  std::int32_t end = -1;  // UTF-16 index one past the match; -1 when nothing matched
  TokenType type = TokenType::kWord;
  std::u16string canonical;  // the surface form the term is made from
};

// Tries, at `start`, each compound form a researcher searches for as a unit:
//  - dates "20/11/2020", "7-8-2018", "01.01.2019", month-year "11/2018",
//    made canonical as "20/11/2020", "07/08/2018", "11/2018" so every spelling
//    of one date is one term;
//  - document codes "18-NQ/TW", "907-QĐ/TU", "07 ĐA/HU", "1234/QĐ-UBND",
//    "108/2014/NĐ-CP", "NQ/TW", with the inner space made a hyphen;
//  - '&' abbreviations "LĐ-TB&XH", "KH&CN", as written.
// A match must end at a word boundary, so "20/11/2020abc" is not a date.
CompoundMatch MatchCompound(std::u16string_view text, std::int32_t start);

}  // namespace tinhgon
