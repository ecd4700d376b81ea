#include "analyzers/tokenizer.h"

#include <string>
#include <vector>

#include <catch2/catch.hpp>

using tinhgon::Token;
using tinhgon::TokenType;

namespace {
std::vector<Token> Tokenize(const char* utf8) {
  tinhgon::Tokenizer tokenizer;
  std::vector<Token> tokens;
  tokenizer.Tokenize(icu::UnicodeString::fromUTF8(utf8), &tokens);
  return tokens;
}

std::vector<std::string> Terms(const char* utf8) {
  std::vector<std::string> terms;
  for (const Token& t : Tokenize(utf8)) terms.push_back(t.term);
  return terms;
}

using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE("syllables are tokens with consecutive positions and byte offsets", "[tokenizer]") {
  std::vector<Token> tokens = Tokenize("Hợp nhất, văn phòng.");
  REQUIRE(tokens.size() == 4);
  CHECK(tokens[0].term == "Hợp");
  CHECK(tokens[3].term == "phòng");
  for (std::size_t i = 0; i < tokens.size(); ++i) CHECK(tokens[i].position == i);
  std::string text = "Hợp nhất, văn phòng.";
  for (const Token& t : tokens) CHECK(text.substr(t.start, t.end - t.start) == t.term);
}

TEST_CASE("document codes are one token", "[tokenizer]") {
  CHECK(Terms("Nghị quyết số 18-NQ/TW") == Strings{"Nghị", "quyết", "số", "18-NQ/TW"});
  CHECK(Terms("Kết luận 34-KL/TW.") == Strings{"Kết", "luận", "34-KL/TW"});
  CHECK(Terms("Quyết định 907-QĐ/TU") == Strings{"Quyết", "định", "907-QĐ/TU"});
  CHECK(Terms("đề án 07 ĐA/HU về") == Strings{"đề", "án", "07-ĐA/HU", "về"});
  CHECK(Terms("1234/QĐ-UBND") == Strings{"1234/QĐ-UBND"});
  CHECK(Terms("Nghị định 108/2014/NĐ-CP") == Strings{"Nghị", "định", "108/2014/NĐ-CP"});
  CHECK(Terms("Quyết định 1234/QĐ-TTg") == Strings{"Quyết", "định", "1234/QĐ-TTg"});
  std::vector<Token> tokens = Tokenize("số 18-NQ/TW");
  CHECK(tokens[1].type == TokenType::kCode);
}

TEST_CASE("dates are one token in one canonical form", "[tokenizer]") {
  CHECK(Terms("ngày 20/11/2020") == Strings{"ngày", "20/11/2020"});
  CHECK(Terms("ngày 7-8-2018,") == Strings{"ngày", "07/08/2018"});
  CHECK(Terms("01.01.2019") == Strings{"01/01/2019"});
  CHECK(Terms("tháng 11/2018") == Strings{"tháng", "11/2018"});
  CHECK(Tokenize("20/11/2020")[0].type == TokenType::kDate);
  // Not dates: impossible values, numbers with thousands separators, fractions.
  CHECK(Terms("45/13/2020") == Strings{"45", "13", "2020"});
  CHECK(Terms("3.904.255") == Strings{"3.904.255"});
  CHECK(Terms("1/2") == Strings{"1", "2"});
}

TEST_CASE("numbers keep Vietnamese separators", "[tokenizer]") {
  CHECK(Terms("1,2 tỷ đồng") == Strings{"1,2", "tỷ", "đồng"});
  CHECK(Tokenize("3.904.255")[0].type == TokenType::kNumber);
}

TEST_CASE("abbreviations survive as units", "[tokenizer]") {
  CHECK(Terms("HĐND, UBND huyện") == Strings{"HĐND", "UBND", "huyện"});
  CHECK(Terms("Sở LĐ-TB&XH tỉnh") == Strings{"Sở", "LĐ-TB&XH", "tỉnh"});
  CHECK(Terms("TP. Hồ Chí Minh") == Strings{"TP", "Hồ", "Chí", "Minh"});
  CHECK(Terms("TP.HCM") == Strings{"TP", "HCM"});
  CHECK(Terms("HĐND-UBND") == Strings{"HĐND", "UBND"});
  CHECK(Tokenize("UBND")[0].all_caps);
  CHECK_FALSE(Tokenize("Ubnd")[0].all_caps);
}

TEST_CASE("capitalized words joined by a slash are not codes", "[tokenizer]") {
  CHECK(Terms("Sở/Phòng") == Strings{"Sở", "Phòng"});
  CHECK(Terms("cán bộ/công chức") == Strings{"cán", "bộ", "công", "chức"});
}

TEST_CASE("empty and punctuation-only text give no tokens", "[tokenizer]") {
  CHECK(Tokenize("").empty());
  CHECK(Tokenize(" - / . , ").empty());
}
