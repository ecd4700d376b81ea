#include "analyzers/abbreviation_expander.h"

#include <sstream>
#include <stdexcept>

#include <catch2/catch.hpp>

#include "analyzers/case_folder.h"
#include "analyzers/diacritic_folder.h"

using tinhgon::AbbreviationExpander;
using tinhgon::Token;

namespace {

// A stand-in for the earlier stages: whitespace-separated words, then the real
// case and diacritic folders. Keeps this stage testable without the tokenizer.
std::vector<Token> SimpleTokens(std::string_view text) {
  std::vector<Token> tokens;
  std::istringstream words{std::string(text)};
  std::string word;
  std::uint32_t position = 0;
  while (words >> word) {
    Token t;
    t.all_caps = true;
    for (char c : word) {
      if (c >= 'a' && c <= 'z') t.all_caps = false;
    }
    t.term = tinhgon::CaseFolder().Fold(word);
    t.folded = tinhgon::DiacriticFolder::Fold(t.term);
    t.position = position++;
    tokens.push_back(t);
  }
  return tokens;
}

std::vector<std::string> Terms(const std::vector<Token>& tokens) {
  std::vector<std::string> terms;
  for (const Token& t : tokens) terms.push_back(t.term + "@" + std::to_string(t.position));
  return terms;
}

const char* kList =
    "# comment\n"
    "UBND\tủy ban nhân dân\n"
    "HĐND\thội đồng nhân dân\n"
    "TU\ttỉnh ủy\tcaps\n";

}  // namespace

TEST_CASE("an abbreviation gains its full form at following positions", "[abbrev]") {
  AbbreviationExpander expander(kList, SimpleTokens);
  CHECK(expander.size() == 3);
  std::vector<Token> tokens = SimpleTokens("UBND huyện");
  expander.Apply(&tokens);
  CHECK(Terms(tokens) ==
        std::vector<std::string>{"ubnd@0", "huyện@1", "ủy@0", "ban@1", "nhân@2", "dân@3"});
  CHECK_FALSE(tokens[0].expansion);
  CHECK_FALSE(tokens[1].expansion);
  CHECK(tokens[2].expansion);
  CHECK(tokens[2].folded == "uy");
  CHECK(tokens[2].start == tokens[0].start);
}

TEST_CASE("caps-only entries expand only when written in capitals", "[abbrev]") {
  AbbreviationExpander expander(kList, SimpleTokens);
  std::vector<Token> lower = SimpleTokens("tu bổ");
  expander.Apply(&lower);
  CHECK(lower.size() == 2);
  std::vector<Token> upper = SimpleTokens("TU");
  expander.Apply(&upper);
  CHECK(upper.size() == 3);
}

TEST_CASE("an unaccented term finds an abbreviation written with marks", "[abbrev]") {
  AbbreviationExpander expander(kList, SimpleTokens);
  std::vector<Token> tokens = SimpleTokens("hdnd");
  expander.Apply(&tokens);
  REQUIRE(tokens.size() == 5);
  CHECK(tokens[1].term == "hội");
  CHECK(tokens[1].position == 0);
}

TEST_CASE("text without abbreviations is left as it was", "[abbrev]") {
  AbbreviationExpander expander(kList, SimpleTokens);
  std::vector<Token> tokens = SimpleTokens("sáp nhập xã");
  expander.Apply(&tokens);
  CHECK(Terms(tokens) == std::vector<std::string>{"sáp@0", "nhập@1", "xã@2"});
}

TEST_CASE("malformed lists are rejected with the line number", "[abbrev]") {
  CHECK_THROWS_WITH(AbbreviationExpander("UBND\n", SimpleTokens),
                    Catch::Contains("line 1"));
  CHECK_THROWS_WITH(AbbreviationExpander("A B\tx\n", SimpleTokens),
                    Catch::Contains("not one token"));
  CHECK_THROWS_WITH(AbbreviationExpander("X\ty\nX\tz\n", SimpleTokens),
                    Catch::Contains("duplicate"));
  CHECK_THROWS_WITH(AbbreviationExpander("X\ty\tloud\n", SimpleTokens),
                    Catch::Contains("unknown flag"));
}
