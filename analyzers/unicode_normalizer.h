// Stage 2a: Unicode NFC, so that decomposed input (common from macOS and some
// Vietnamese input methods) produces the same terms as precomposed input.
#pragma once

#include <unicode/normalizer2.h>

#include "analyzers/char_filter.h"

namespace tinhgon {

class UnicodeNormalizer final : public CharFilter {
 public:
  UnicodeNormalizer();
  bool Apply(icu::UnicodeString* text) const override;

 private:
  const icu::Normalizer2* nfc_;  // owned by ICU, lives for the process
};

}  // namespace tinhgon
