#include "corpus/encoding.h"

#include <memory>
#include <type_traits>

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>
#include <unicode/utf8.h>

namespace tinhgon {
namespace {

struct Utf8Census {
  std::size_t valid_multibyte = 0;  // well-formed sequences of two or more bytes
  std::size_t invalid = 0;          // malformed sequences
};

Utf8Census CountUtf8(std::string_view bytes) {
  Utf8Census census;
  const auto* s = reinterpret_cast<const uint8_t*>(bytes.data());
  const auto n = static_cast<int32_t>(bytes.size());
  for (int32_t i = 0; i < n;) {
    if (s[i] < 0x80) {
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s, i, n, c);
    ++(c < 0 ? census.invalid : census.valid_multibyte);
  }
  return census;
}

bool IsValidUtf8(std::string_view bytes) { return CountUtf8(bytes).invalid == 0; }

// Text has few control characters; a file with many is data, not a report.
// A stray NUL or two (a bad copy, a padded scrape) does not make text binary;
// the cleaner drops them.
bool LooksBinary(std::string_view bytes) {
  std::size_t controls = 0;
  for (char ch : bytes) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++controls;
  }
  return controls > 8 && controls * 100 > bytes.size();
}

DecodedText Convert(std::string_view bytes, const char* encoding) {
  DecodedText out;
  out.encoding = encoding;
  UErrorCode status = U_ZERO_ERROR;
  out.utf8.resize(bytes.size() * 4 + 16);  // UTF-8 takes at most 4 bytes per input byte here
  int32_t length = ucnv_convert("UTF-8", encoding, out.utf8.data(), static_cast<int32_t>(out.utf8.size()),
                                bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) {
    out.error = std::string("cannot convert from ") + encoding + ": " + u_errorName(status);
    out.utf8.clear();
    return out;
  }
  out.utf8.resize(static_cast<std::size_t>(length));
  return out;
}

}  // namespace

DecodedText DecodeText(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    bytes.remove_prefix(3);
    DecodedText out{std::string(bytes), "UTF-8", ""};
    if (!IsValidUtf8(bytes)) out.encoding = "UTF-8 (with invalid bytes)";
    return out;
  }
  if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
    bool little = bytes[0] == '\xFF';
    bytes.remove_prefix(2);
    return Convert(bytes, little ? "UTF-16LE" : "UTF-16BE");
  }
  if (bytes.empty()) return {"", "UTF-8", ""};
  if (LooksBinary(bytes)) return {"", "", "binary data, not text"};
  Utf8Census census = CountUtf8(bytes);
  if (census.invalid == 0) return {std::string(bytes), "UTF-8", ""};
  // Vietnamese in UTF-8 has a multi-byte sequence every few letters; a file
  // where those dominate is UTF-8 with some damage, which the analysis chain
  // replaces and counts, not a legacy encoding to convert (that would turn
  // every valid letter into two wrong ones).
  if (census.valid_multibyte >= 2 * census.invalid) {
    return {std::string(bytes), "UTF-8 (with invalid bytes)", ""};
  }

  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(
      uchardet_new(), uchardet_delete);
  uchardet_handle_data(detector.get(), bytes.data(), bytes.size());
  uchardet_data_end(detector.get());
  std::string charset = uchardet_get_charset(detector.get());
  if (charset.empty() || charset == "ASCII") {
    // Mostly UTF-8 with some broken sequences: the chain replaces and counts them.
    return {std::string(bytes), "UTF-8 (with invalid bytes)", ""};
  }
  return Convert(bytes, charset.c_str());
}

}  // namespace tinhgon
