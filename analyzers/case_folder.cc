#include "analyzers/case_folder.h"

#include <stdexcept>

#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

namespace tinhgon {

CaseFolder::CaseFolder() {
  UErrorCode status = U_ZERO_ERROR;
  case_map_ = ucasemap_open("", U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU case mapping unavailable");
  // Per-token ICU calls dominated the chain's cost; a table answers for the
  // scripts reports use and ICU keeps the special cases ("ß" → "ss").
  for (char32_t c = 0; c < kTableSize; ++c) {
    UChar in[2];
    UChar out[8];
    int32_t in_length = 0;
    U16_APPEND_UNSAFE(in, in_length, c);
    status = U_ZERO_ERROR;
    int32_t out_length = u_strFoldCase(out, 8, in, in_length, U_FOLD_CASE_DEFAULT, &status);
    bool single = U_SUCCESS(status) && out_length == 1 && !U16_IS_SURROGATE(out[0]);
    simple_[c] = single ? out[0] : kNeedsIcu;
  }
}

CaseFolder::~CaseFolder() { ucasemap_close(case_map_); }

std::string CaseFolder::Fold(const std::string& utf8) const {
  // Table-driven, writing into a stack buffer: the chain calls this for every
  // token, and an ICU call per token dominated the chain's cost. One table
  // code point folds to at most 3 UTF-8 bytes from at least 1.
  constexpr std::size_t kStackBytes = 96;
  if (utf8.size() * 3 > kStackBytes) return FoldWithIcu(utf8);
  char buffer[kStackBytes];
  int32_t written = 0;
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    uint8_t b = bytes[i];
    if (b < 0x80) {
      buffer[written++] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || c >= static_cast<UChar32>(kTableSize) || simple_[c] == kNeedsIcu) {
      return FoldWithIcu(utf8);
    }
    U8_APPEND_UNSAFE(buffer, written, simple_[c]);
  }
  return std::string(buffer, static_cast<std::size_t>(written));
}

std::string CaseFolder::FoldWithIcu(const std::string& utf8) const {
  std::string out(utf8.size() + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ucasemap_utf8FoldCase(case_map_, out.data(), static_cast<int32_t>(out.size()),
                                         utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<std::size_t>(length), '\0');
    status = U_ZERO_ERROR;
    length = ucasemap_utf8FoldCase(case_map_, out.data(), length, utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
  }
  if (U_FAILURE(status)) return utf8;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

bool CaseFolder::IsFolded(const std::string& utf8) const {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    uint8_t b = bytes[i];
    if (b < 0x80) {
      if (b >= 'A' && b <= 'Z') return false;
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0 || c >= static_cast<UChar32>(kTableSize) || simple_[c] != c) return false;
  }
  return true;
}

void CaseFolder::Apply(std::vector<Token>* tokens) const {
  // Most tokens of running text are lower case already: a read-only check
  // costs less than building a folded copy of each.
  for (Token& token : *tokens) {
    if (token.needs_case_folding && !IsFolded(token.term)) token.term = Fold(token.term);
    token.needs_case_folding = false;
  }
}

}  // namespace tinhgon
