#include "analyzers/unicode_normalizer.h"

#include <catch2/catch.hpp>

#include "tests/support/char_filter_helpers.h"

namespace {
std::string Nfc(const char* utf8) {
  return tinhgon::testing::ApplyFilter(tinhgon::UnicodeNormalizer(), utf8);
}
}  // namespace

TEST_CASE("NFD input becomes the same text as NFC input", "[normalizer]") {
  // "Huyện ủy" decomposed: e + circumflex + dot below, u + hook above.
  const char* nfd = "Huye\xCC\x82\xCC\xA3n u\xCC\x89y";
  CHECK(Nfc(nfd) == "Huyện ủy");
  CHECK(Nfc("Huyện ủy") == "Huyện ủy");
}

TEST_CASE("marks in non-canonical order are reordered before composing", "[normalizer]") {
  // dot below written before the circumflex still gives ệ.
  CHECK(Nfc("e\xCC\xA3\xCC\x82") == "ệ");
}

TEST_CASE("text that is already NFC is left alone", "[normalizer]") {
  CHECK(Nfc("Sáp nhập, giải thể, thành lập") == "Sáp nhập, giải thể, thành lập");
  CHECK(Nfc("").empty());
}
