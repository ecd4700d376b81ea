#include "analyzers/eth_repair.h"

#include <catch2/catch.hpp>

#include "analyzers/utf8.h"

namespace {
std::string Repair(const char* utf8) {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
  tinhgon::EthRepair().Apply(&text);
  return tinhgon::ToUtf8(text);
}
}  // namespace

TEST_CASE("U+00D0 and U+00F0 become Đ and đ", "[eth]") {
  CHECK(Repair("\xC3\x90\xE1\xBA\xA3ng") == "Đảng");        // Ðảng
  CHECK(Repair("\xC3\xB0\xE1\xBB\x93ng ch\xC3\xAD") == "đồng chí");  // ðồng chí
}

TEST_CASE("text without eth is untouched", "[eth]") {
  CHECK(Repair("Đảng ủy") == "Đảng ủy");
  CHECK(Repair("") == "");
}
