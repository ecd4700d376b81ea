// Small UTF-16 → UTF-8 helpers used where the chain hands text to callers.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include <unicode/unistr.h>

namespace tinhgon {

// Bytes the UTF-8 form of one UTF-16 code unit takes. A surrogate counts 2,
// so a pair counts 4, the length of the supplementary character in UTF-8.
inline std::size_t Utf8LengthOfUnit(char16_t c) {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c >= 0xD800 && c <= 0xDFFF) return 2;
  return 3;
}

// Appends the UTF-8 form of `units`; unpaired surrogates become U+FFFD.
void AppendUtf8(std::u16string_view units, std::string* out);

inline std::string ToUtf8(const icu::UnicodeString& text) {
  std::string out;
  out.reserve(static_cast<std::size_t>(text.length()) * 2);
  AppendUtf8(std::u16string_view(text.getBuffer(), static_cast<std::size_t>(text.length())),
             &out);
  return out;
}

}  // namespace tinhgon
