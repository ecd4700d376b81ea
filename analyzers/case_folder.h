// Stage 3 of the analysis chain: full Unicode case folding of each term.
#pragma once

#include <array>
#include <string>

#include "analyzers/token_filter.h"

struct UCaseMap;

namespace tinhgon {

// Folds with ICU's full default case folding ("Đ"→"đ", "ẞ"→"ss"). It runs on
// tokens rather than on the whole text so that folding, which may change a
// string's length, never shifts the offsets the highlighter relies on, and so
// the tokenizer can still see capitals when it recognizes codes like "NQ/TW".
class CaseFolder final : public TokenFilter {
 public:
  CaseFolder();
  ~CaseFolder() override;
  void Apply(std::vector<Token>* tokens) const override;

  std::string Fold(const std::string& utf8) const;

 private:
  static constexpr char32_t kTableSize = 0x2000;
  static constexpr char16_t kNeedsIcu = 0xFFFF;

  std::string FoldWithIcu(const std::string& utf8) const;
  bool IsFolded(const std::string& utf8) const;

  UCaseMap* case_map_;
  // Folding of each code point below kTableSize whose full folding is a single
  // code point (nearly all Latin, Vietnamese included); kNeedsIcu otherwise.
  std::array<char16_t, kTableSize> simple_{};
};

}  // namespace tinhgon
