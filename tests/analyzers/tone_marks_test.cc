#include "analyzers/tone_marks.h"

#include <catch2/catch.hpp>

#include "tests/support/char_filter_helpers.h"

namespace {
std::string Canonical(const char* utf8) {
  return tinhgon::testing::ApplyFilter(tinhgon::ToneMarkNormalizer(), utf8);
}
}  // namespace

TEST_CASE("both placements of oa, oe, uy become one", "[tone]") {
  CHECK(Canonical("hoà") == Canonical("hòa"));
  CHECK(Canonical("thuỷ") == Canonical("thủy"));
  CHECK(Canonical("khoẻ") == Canonical("khỏe"));
  CHECK(Canonical("Đảng uỷ") == Canonical("Đảng ủy"));
  CHECK(Canonical("hoà") == "hòa");
  CHECK(Canonical("Đảng uỷ") == "Đảng ủy");
  CHECK(Canonical("Thuỵ") == "Thụy");
}

TEST_CASE("capitals keep their case while the mark moves", "[tone]") {
  CHECK(Canonical("HOÀ BÌNH") == "HÒA BÌNH");
  CHECK(Canonical("Uỷ ban") == "Ủy ban");
}

TEST_CASE("qu and gi are consonants before a vowel", "[tone]") {
  CHECK(Canonical("quý") == "quý");
  CHECK(Canonical("qúy") == "quý");
  CHECK(Canonical("già") == "già");
  CHECK(Canonical("gìa") == "già");
  CHECK(Canonical("gì") == "gì");
  CHECK(Canonical("gìn") == "gìn");
}

TEST_CASE("syllables already canonical are unchanged", "[tone]") {
  for (const char* word : {"hoàng", "ngoài", "người", "tuổi", "khuyến", "mía", "của",
                           "huỳnh", "hoặc", "thuở", "giường", "nghiêng", "Đầm Hà"}) {
    CHECK(Canonical(word) == word);
  }
}

TEST_CASE("closed syllables carry the tone on the last vowel", "[tone]") {
  CHECK(Canonical("hòan") == "hoàn");
  CHECK(Canonical("tóan") == "toán");
}

TEST_CASE("foreign words and multi-mark strings are left as written", "[tone]") {
  CHECK(Canonical("café") == "café");
  CHECK(Canonical("José") == "José");
  CHECK(Canonical("Google") == "Google");
  CHECK(Canonical("hòàa") == "hòàa");
}

TEST_CASE("text length never changes", "[tone]") {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8("Thuỷ lợi hoà giải, khoẻ mạnh");
  int32_t before = text.length();
  tinhgon::ToneMarkNormalizer().Apply(&text);
  CHECK(text.length() == before);
}
