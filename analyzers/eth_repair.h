// Stage 2b: repairs the Icelandic eth that scrapers and old fonts substitute
// for the Vietnamese đ.
#pragma once

#include "analyzers/char_filter.h"

namespace tinhgon {

// U+00D0 "Ð" and U+00F0 "ð" look like Đ/đ (U+0110/U+0111) and show up in
// Vietnamese pages produced with legacy encodings, but they are different
// letters: without this repair "Ðảng" and "Đảng" would never match. Vietnamese
// has no eth, so the replacement is always safe.
class EthRepair final : public CharFilter {
 public:
  bool Apply(icu::UnicodeString* text) const override;
};

}  // namespace tinhgon
