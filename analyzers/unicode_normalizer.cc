#include "analyzers/unicode_normalizer.h"

#include <stdexcept>

#include <unicode/normalizer2.h>

namespace tinhgon {

UnicodeNormalizer::UnicodeNormalizer() {
  UErrorCode status = U_ZERO_ERROR;
  nfc_ = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU NFC data unavailable");
}

bool UnicodeNormalizer::Apply(icu::UnicodeString* text) const {
  UErrorCode status = U_ZERO_ERROR;
  // Nearly all real text is already NFC; the quick-check span lets us copy
  // nothing in that case and only normalize the tail that needs it.
  int32_t clean_prefix = nfc_->spanQuickCheckYes(*text, status);
  if (U_FAILURE(status) || clean_prefix == text->length()) return false;
  icu::UnicodeString normalized(*text, 0, clean_prefix);
  icu::UnicodeString rest(*text, clean_prefix);
  nfc_->normalizeSecondAndAppend(normalized, rest, status);
  if (U_FAILURE(status) || normalized == *text) return false;
  *text = std::move(normalized);
  return true;
}

}  // namespace tinhgon
