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

// The longest prefix of `utf8` of at most `bytes` bytes that ends between
// two characters, so a cut value stays valid UTF-8.
inline std::string_view Utf8Head(std::string_view utf8, std::size_t bytes) {
  std::size_t end = bytes < utf8.size() ? bytes : utf8.size();
  while (end > 0 && end < utf8.size() && (static_cast<unsigned char>(utf8[end]) & 0xC0) == 0x80) --end;
  return utf8.substr(0, end);
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
