#include "analyzers/eth_repair.h"

namespace tinhgon {

void EthRepair::Apply(icu::UnicodeString* text) const {
  if (text->indexOf(char16_t{0x00D0}) < 0 && text->indexOf(char16_t{0x00F0}) < 0) return;
  text->findAndReplace(icu::UnicodeString(char16_t{0x00D0}), icu::UnicodeString(char16_t{0x0110}));
  text->findAndReplace(icu::UnicodeString(char16_t{0x00F0}), icu::UnicodeString(char16_t{0x0111}));
}

}  // namespace tinhgon
