// The unit that flows through the token filters of the analysis chain.
#pragma once

#include <cstdint>
#include <string>

namespace tinhgon {

enum class TokenType : std::uint8_t {
  kWord,    // a syllable or a foreign word: "hợp", "nhất", "Google"
  kNumber,  // digits with Vietnamese separators kept: "1,2", "3.904.255"
  kDate,    // a calendar date written as one unit: "20/11/2020", "7-8-2018"
  kCode,    // a document number or compound abbreviation: "18-NQ/TW", "LĐ-TB&XH"
};

// One index or query term. Offsets are UTF-8 byte offsets into the normalized
// text the Analyzer returns alongside the tokens, so a snippet highlighter can
// mark exactly what matched even when the term itself was folded or expanded.
struct Token {
  std::string term;    // case-folded exact form: "đảng"
  std::string folded;  // all marks removed and đ→d: "dang"; equals term when unmarked
  std::uint32_t position = 0;  // word position (0-based); expansions reuse their source's
  std::uint32_t start = 0;     // byte offset of the first byte in the normalized text
  std::uint32_t end = 0;       // byte offset one past the last byte
  TokenType type = TokenType::kWord;
  bool all_caps = false;   // written in capitals at the source ("UBND", "TU")
  // False when the tokenizer saw no character that case folding would change,
  // so the case folder can pass the token by without decoding it.
  bool needs_case_folding = true;
  bool expansion = false;  // produced by abbreviation expansion, not present in the text

  bool has_marks() const { return term != folded; }
};

}  // namespace tinhgon
