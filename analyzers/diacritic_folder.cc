#include "analyzers/diacritic_folder.h"

#include <algorithm>
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

// Appends c to `out`, which has room: folding never makes a code point longer.
void AppendCodePoint(UChar32 c, char* out, int32_t* written) {
  if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
  U8_APPEND_UNSAFE(out, *written, c);
}

}  // namespace

void DiacriticFolder::FoldInto(std::string_view utf8, std::string* out) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(utf8.data());
  const auto length = static_cast<int32_t>(utf8.size());
  int32_t i = 0;
  while (i < length && bytes[i] < 0x80) ++i;
  if (i == length) {  // nothing to fold: most syllables and every number
    out->assign(utf8);
    return;
  }
  // Folding never makes a valid code point longer; a malformed byte (1 byte
  // in) becomes U+FFFD (3 bytes out), hence the worst-case size. Short terms
  // fold on the stack so the result lands in the string's inline buffer.
  constexpr std::size_t kStackBytes = 96;
  char stack[kStackBytes];
  std::string heap;
  char* write = stack;
  if (utf8.size() * 3 > kStackBytes) {
    heap.resize(utf8.size() * 3);
    write = heap.data();
  }
  std::copy(bytes, bytes + i, write);
  int32_t written = i;
  const FoldingTable& table = Table();
  while (i < length) {
    if (bytes[i] < 0x80) {
      write[written++] = static_cast<char>(bytes[i++]);
      continue;
    }
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) c = 0xFFFD;
    if (c < kTableSize) {
      char16_t folded = table[c];
      if (folded != kRemove) AppendCodePoint(folded, write, &written);
    } else if (!IsCombiningMark(c)) {
      AppendCodePoint(c, write, &written);
    }
  }
  out->assign(write, static_cast<std::size_t>(written));
}

std::string DiacriticFolder::Fold(std::string_view utf8) {
  std::string out;
  FoldInto(utf8, &out);
  return out;
}

void DiacriticFolder::Apply(std::vector<Token>* tokens) const {
  for (Token& token : *tokens) FoldInto(token.term, &token.folded);
}
}  // namespace tinhgon
