#include "analyzers/diacritic_folder.h"

#include <array>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace tinhgon {
namespace {

constexpr UChar32 kTableSize = 0x2000;
constexpr char16_t kRemove = 0xFFFF;

// code point → its base letter (kRemove for a lone combining mark), derived
// from ICU's NFD data for the Latin ranges Vietnamese uses.
class FoldingTable {
 public:
  FoldingTable() {
    for (UChar32 c = 0; c < kTableSize; ++c) table_[c] = static_cast<char16_t>(c);
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    if (U_FAILURE(status)) return;
    for (UChar32 c = 0x80; c < kTableSize; ++c) {
      if (u_charType(c) == U_NON_SPACING_MARK) {
        table_[c] = kRemove;
        continue;
      }
      icu::UnicodeString parts = nfd->normalize(icu::UnicodeString(c), status);
      if (U_FAILURE(status)) return;
      icu::UnicodeString base;
      for (int32_t i = 0; i < parts.length(); ++i) {
        if (u_charType(parts.charAt(i)) != U_NON_SPACING_MARK) base.append(parts.charAt(i));
      }
      if (base.length() == 1) table_[c] = base.charAt(0);
    }
    table_[0x0110] = u'D';  // Đ
    table_[0x0111] = u'd';  // đ
    table_[0x00D0] = u'D';  // Ð, in case a caller skipped the eth repair
    table_[0x00F0] = u'd';  // ð
  }
  char16_t operator[](UChar32 c) const { return table_[c]; }

 private:
  std::array<char16_t, kTableSize> table_{};
};

const FoldingTable& Table() {
  static const FoldingTable table;
  return table;
}

bool IsCombiningMark(UChar32 c) {
  return (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF) ||
         (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
}

void AppendCodePoint(UChar32 c, std::string* out) {
  char buffer[U8_MAX_LENGTH];
  int32_t length = 0;
  UBool error = false;
  U8_APPEND(buffer, length, U8_MAX_LENGTH, c, error);
  if (!error) out->append(buffer, static_cast<std::size_t>(length));
}

}  // namespace

std::string DiacriticFolder::Fold(std::string_view utf8) {
  const FoldingTable& table = Table();
  std::string out;
  out.reserve(utf8.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  for (int32_t i = 0; i < length;) {
    if (bytes[i] < 0x80) {
      out.push_back(static_cast<char>(bytes[i++]));
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c < kTableSize) {
      char16_t folded = table[c];
      if (folded != kRemove) AppendCodePoint(folded, &out);
    } else if (!IsCombiningMark(c)) {
      AppendCodePoint(c, &out);
    }
  }
  return out;
}

void DiacriticFolder::Apply(std::vector<Token>* tokens) const {
  for (Token& token : *tokens) token.folded = Fold(token.term);
}

}  // namespace tinhgon
