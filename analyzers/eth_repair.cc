#include "analyzers/eth_repair.h"

namespace tinhgon {

bool EthRepair::Apply(icu::UnicodeString* text) const {
  const char16_t* read = text->getBuffer();
  const int32_t length = text->length();
  int32_t i = 0;
  while (i < length && read[i] != 0x00D0 && read[i] != 0x00F0) ++i;
  if (i == length) return false;  // the usual case: nothing to repair, nothing copied
  char16_t* write = text->getBuffer(-1);
  for (; i < length; ++i) {
    if (write[i] == 0x00D0) write[i] = 0x0110;
    if (write[i] == 0x00F0) write[i] = 0x0111;
  }
  text->releaseBuffer(length);
  return true;
}

}  // namespace tinhgon
