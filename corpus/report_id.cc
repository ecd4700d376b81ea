#include "corpus/report_id.h"

#include <unicode/utf8.h>

namespace tinhgon {

std::string IdProblem(std::string_view id) {
  if (id.empty()) return "the id is empty";
  std::size_t characters = 0;
  const auto* bytes = reinterpret_cast<const std::uint8_t*>(id.data());
  const auto length = static_cast<std::int32_t>(id.size());
  for (std::int32_t i = 0; i < length;) {
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return "the id is not valid UTF-8";
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) return "the id holds a control character";
    if (++characters > kMaxIdCharacters) {
      return "the id is longer than " + std::to_string(kMaxIdCharacters) + " characters";
    }
  }
  constexpr std::string_view kSimilar = "/similar";
  if (id.size() >= kSimilar.size() && id.substr(id.size() - kSimilar.size()) == kSimilar) {
    return "the id ends in '/similar', which names the similar reports of another id";
  }
  return std::string();
}

}  // namespace tinhgon
