#include "analyzers/text_cleaner.h"

#include <unicode/ustring.h>


namespace tinhgon {
namespace {

enum class Action { kKeep, kDrop, kSpace };

Action Classify(char16_t c) {
  if (c >= 0x20 && c < 0x7F) return Action::kKeep;  // the common cases first
  if (c > 0xAD && c < 0x1680) return Action::kKeep;  // Latin with marks, Vietnamese
  switch (c) {
    case u'\n':
      return Action::kKeep;
    case u'\t':
    case 0x00A0:  // no-break space
    case 0x1680:
    case 0x202F:  // narrow no-break space
    case 0x205F:
    case 0x3000:
      return Action::kSpace;
    case 0x00AD:  // soft hyphen
    case 0x200B:  // zero-width space
    case 0x200C:  // zero-width non-joiner
    case 0x200D:  // zero-width joiner
    case 0x2060:  // word joiner
    case 0xFEFF:  // BOM / zero-width no-break space
      return Action::kDrop;
    default:
      break;
  }
  if (c >= 0x2000 && c <= 0x200A) return Action::kSpace;  // en quad … hair space
  if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return Action::kDrop;  // controls, NUL
  return Action::kKeep;
}

}  // namespace

icu::UnicodeString TextCleaner::Clean(std::string_view bytes, CleaningStats* stats) {
  CleaningStats local;
  icu::UnicodeString result;
  // UTF-16 never needs more code units than UTF-8 has bytes.
  const auto capacity = static_cast<int32_t>(bytes.size() + 1);
  char16_t* decoded = result.getBuffer(capacity);
  int32_t length = 0;
  int32_t substitutions = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8WithSub(decoded, capacity, &length,
                       bytes.data(), static_cast<int32_t>(bytes.size()), 0xFFFD,
                       &substitutions, &status);
  if (U_FAILURE(status)) length = 0;  // cannot happen with a large enough buffer
  local.invalid_sequences = static_cast<std::size_t>(substitutions);

  // Filter in place: the output is never longer than the input, and the
  // clean prefix (usually the whole text) needs no writes at all.
  int32_t out = 0;
  while (out < length && decoded[out] != u'\r' && Classify(decoded[out]) == Action::kKeep) ++out;
  for (int32_t i = out; i < length; ++i) {
    char16_t c = decoded[i];
    if (c == u'\r') {
      ++local.replaced_characters;
      if (i + 1 < length && decoded[i + 1] == u'\n') continue;  // CR LF → LF
      decoded[out++] = u'\n';
      continue;
    }
    switch (Classify(c)) {
      case Action::kKeep:
        decoded[out++] = c;
        break;
      case Action::kSpace:
        decoded[out++] = u' ';
        ++local.replaced_characters;
        break;
      case Action::kDrop:
        ++local.removed_characters;
        break;
    }
  }
  result.releaseBuffer(out);
  if (stats != nullptr) *stats = local;
  return result;
}

}  // namespace tinhgon
