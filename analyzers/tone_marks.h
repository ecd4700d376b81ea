// Stage 2c: one canonical tone-mark placement for Vietnamese syllables.
#pragma once

#include "analyzers/char_filter.h"

namespace tinhgon {

// Vietnamese writes the same syllable with the tone mark on either vowel of
// "oa", "oe" and "uy" ("hoà"/"hòa", "thuỷ"/"thủy", "Đảng uỷ"/"Đảng ủy"), and
// one report often mixes both. This stage rewrites every syllable to a single
// placement so both spellings become one term.
//
// The canonical placement is the traditional one, which most news sites and
// the official place-name lists use:
//  - on the vowel that carries a quality mark (ă â ê ô ơ ư; the second of "ươ");
//  - otherwise, in a closed syllable, on the last vowel ("hoàn", "huỳnh");
//  - otherwise on the middle of three vowels ("ngoài") or the first of two
//    ("hòa", "thủy", "khỏe", "mùa").
// "qu" and "gi" before a vowel are consonants ("quý", "già"). Words that do not
// parse as one Vietnamese syllable (foreign words, more than one tone mark)
// are left as written. The change never alters the text's length, so offsets
// computed on the result stay valid for the original layout.
class ToneMarkNormalizer final : public CharFilter {
 public:
  bool Apply(icu::UnicodeString* text) const override;
};

}  // namespace tinhgon
