// Turning a report file's bytes into UTF-8, whatever it was saved as.
#pragma once

#include <string>
#include <string_view>

namespace tinhgon {

struct DecodedText {
  std::string utf8;
  std::string encoding;  // what the bytes were: "UTF-8", "UTF-16LE", "WINDOWS-1258", …
  std::string error;     // non-empty when the bytes are not text tinhgon can read
};

// UTF-8 with or without BOM is taken as it is; UTF-16 with a BOM is
// converted; anything else that is not valid UTF-8 is identified by uchardet
// (legacy Vietnamese single-byte encodings such as windows-1258 among them)
// and converted with ICU. Binary data (NUL bytes, control characters) and
// bytes no detector recognizes give an error instead of garbage text.
DecodedText DecodeText(std::string_view bytes);

}  // namespace tinhgon
