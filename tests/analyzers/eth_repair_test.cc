#include "analyzers/eth_repair.h"

#include <catch2/catch.hpp>

#include "tests/support/char_filter_helpers.h"

namespace {
std::string Repair(const char* utf8) {
  return tinhgon::testing::ApplyFilter(tinhgon::EthRepair(), utf8);
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
