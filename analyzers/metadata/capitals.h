// Whether text starts with a capital letter, Vietnamese capitals included.
#pragma once

#include <cstdint>
#include <string_view>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tinhgon {

// Proper names (places, people, agencies) are written capitalized, which is
// what separates "xã Lam Sơn" from "xã hội".
inline bool StartsWithCapital(std::string_view text) {
  if (text.empty()) return false;
  UChar32 first;
  int32_t i = 0;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), first);
  return first > 0 && u_isupper(first);
}

}  // namespace tinhgon
