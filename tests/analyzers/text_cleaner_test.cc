#include "analyzers/text_cleaner.h"

#include <string>

#include <catch2/catch.hpp>

#include "analyzers/utf8.h"

using tinhgon::CleaningStats;
using tinhgon::TextCleaner;

namespace {
std::string Clean(const std::string& bytes, CleaningStats* stats = nullptr) {
  CleaningStats ignored;
  return tinhgon::ToUtf8(TextCleaner::Clean(bytes, stats != nullptr ? stats : &ignored));
}
}  // namespace

TEST_CASE("valid UTF-8 passes through unchanged", "[cleaner]") {
  CleaningStats stats;
  CHECK(Clean("Hợp nhất văn phòng\nHĐND", &stats) == "Hợp nhất văn phòng\nHĐND");
  CHECK(stats.invalid_sequences == 0);
  CHECK(stats.removed_characters == 0);
}

TEST_CASE("invalid UTF-8 is replaced and counted, never fatal", "[cleaner]") {
  CleaningStats stats;
  // A stray continuation byte, a truncated 3-byte sequence, an overlong '/'.
  std::string bad = "a\x80" "b\xE1\xBA" "c\xC0\xAF" "d";
  std::string out = Clean(bad, &stats);
  CHECK(stats.invalid_sequences >= 3);
  CHECK(out.find("a") == 0);
  CHECK(out.find("\xEF\xBF\xBD") != std::string::npos);  // U+FFFD
  CHECK(out.back() == 'd');
}

TEST_CASE("empty input gives empty output", "[cleaner]") {
  CleaningStats stats;
  CHECK(Clean("", &stats).empty());
  CHECK(stats.invalid_sequences == 0);
}

TEST_CASE("BOM, NUL, zero-width characters and soft hyphens are removed", "[cleaner]") {
  CleaningStats stats;
  std::string in = "\xEF\xBB\xBF" "tinh" "\xE2\x80\x8B" "gọn" + std::string(1, '\0') +
                   "bộ" "\xC2\xAD" "máy" "\xE2\x80\x8D";
  CHECK(Clean(in, &stats) == "tinhgọnbộmáy");
  CHECK(stats.removed_characters == 5);
}

TEST_CASE("NBSP, tabs and Unicode spaces become plain spaces", "[cleaner]") {
  CHECK(Clean("Đầm\xC2\xA0Hà\tQuảng\xE2\x80\x83Ninh\xE2\x80\xAF!") == "Đầm Hà Quảng Ninh !");
}

TEST_CASE("CR LF and lone CR become LF", "[cleaner]") {
  CHECK(Clean("một\r\nhai\rba") == "một\nhai\nba");
}
