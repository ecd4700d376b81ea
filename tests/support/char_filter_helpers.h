// Runs one char filter over UTF-8 text, for testing a stage on its own.
#pragma once

#include <string>

#include "analyzers/char_filter.h"
#include "analyzers/utf8.h"

namespace tinhgon::testing {

inline std::string ApplyFilter(const CharFilter& filter, const char* utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  filter.Apply(&text);
  return ToUtf8(text);
}

}  // namespace tinhgon::testing
