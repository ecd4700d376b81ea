#include "analyzers/utf8.h"

namespace tinhgon {

void AppendUtf8(std::u16string_view units, std::string* out) {
  // Sized exactly first and written through a pointer: this runs for every
  // token and for every text, and per-byte push_back showed in profiles.
  const std::size_t n = units.size();
  const std::size_t old_size = out->size();
  std::size_t bytes = 0;
  for (char16_t u : units) bytes += Utf8LengthOfUnit(u);
  out->resize(old_size + bytes);
  char* p = out->data() + old_size;
  for (std::size_t i = 0; i < n; ++i) {
    char32_t c = units[i];
    if (c < 0x80) {
      *p++ = static_cast<char>(c);
      continue;
    }
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < n && units[i + 1] >= 0xDC00 &&
        units[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      ++i;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x800) {
      *p++ = static_cast<char>(0xC0 | (c >> 6));
    } else if (c < 0x10000) {
      *p++ = static_cast<char>(0xE0 | (c >> 12));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    } else {  // a surrogate pair: two units in, four bytes out, within n * 3
      *p++ = static_cast<char>(0xF0 | (c >> 18));
      *p++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      *p++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    }
    *p++ = static_cast<char>(0x80 | (c & 0x3F));
  }
}

}  // namespace tinhgon
