#include "analyzers/analyzer.h"

#include <algorithm>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

using tinhgon::Analysis;
using tinhgon::Analyzer;
using tinhgon::Token;

namespace {

const Analyzer& Shared() {
  static Analyzer analyzer;
  return analyzer;
}

// Terms actually written in the text (expansions left out).
std::vector<std::string> Terms(const std::string& text) {
  std::vector<std::string> terms;
  for (const Token& t : Shared().Analyze(text).tokens) {
    if (!t.expansion) terms.push_back(t.term);
  }
  return terms;
}

std::vector<std::string> AllTerms(const std::string& text) {
  std::vector<std::string> terms;
  for (const Token& t : Shared().Analyze(text).tokens) terms.push_back(t.term);
  return terms;
}

bool Contains(const std::vector<std::string>& terms, const std::string& term) {
  return std::find(terms.begin(), terms.end(), term) != terms.end();
}

}  // namespace

TEST_CASE("NFD and NFC spellings give the same terms", "[chain]") {
  CHECK(Terms("Huye\xCC\x82\xCC\xA3n u\xCC\x89y Yên Sơn") == Terms("Huyện ủy Yên Sơn"));
}

TEST_CASE("tone placement does not matter", "[chain]") {
  CHECK(Terms("hoà") == Terms("hòa"));
  CHECK(Terms("Đảng uỷ xã") == Terms("Đảng ủy xã"));
  CHECK(Terms("thuỷ lợi, khoẻ mạnh") == Terms("thủy lợi, khỏe mạnh"));
}

TEST_CASE("eth and Đ are the same letter", "[chain]") {
  CHECK(Terms("\xC3\x90\xE1\xBA\xA3ng") == Terms("Đảng"));
  CHECK(Terms("Đảng") == std::vector<std::string>{"đảng"});
}

TEST_CASE("case does not matter", "[chain]") {
  CHECK(Terms("HỢP NHẤT VĂN PHÒNG") == Terms("hợp nhất văn phòng"));
}

TEST_CASE("every token carries its folded form", "[chain]") {
  Analysis a = Shared().Analyze("Đảng ủy Đầm Hà");
  REQUIRE(a.tokens.size() == 4);
  CHECK(a.tokens[0].term == "đảng");
  CHECK(a.tokens[0].folded == "dang");
  CHECK(a.tokens[2].folded == "dam");
}

TEST_CASE("a query without marks meets a text with marks through the folded form", "[chain]") {
  Analysis text = Shared().Analyze("hợp nhất văn phòng");
  Analysis query = Shared().Analyze("hop nhat van phong");
  REQUIRE(text.tokens.size() == query.tokens.size());
  for (std::size_t i = 0; i < text.tokens.size(); ++i) {
    CHECK(text.tokens[i].folded == query.tokens[i].term);
  }
}

TEST_CASE("document codes, dates and numbers stay whole through the chain", "[chain]") {
  CHECK(Terms("theo Nghị quyết 18-NQ/TW") ==
        std::vector<std::string>{"theo", "nghị", "quyết", "18-nq/tw"});
  CHECK(Contains(Terms("ngày 7-8-2018"), "07/08/2018"));
  CHECK(Contains(Terms("1,2 tỷ đồng"), "1,2"));
}

TEST_CASE("abbreviation and full form find each other", "[chain]") {
  std::vector<std::string> abbreviated = AllTerms("UBND huyện Yên Sơn");
  for (const char* word : {"ủy", "ban", "nhân", "dân"}) CHECK(Contains(abbreviated, word));
  std::vector<std::string> typed = AllTerms("Uỷ ban nhân dân");
  for (const char* word : {"ủy", "ban", "nhân", "dân"}) CHECK(Contains(typed, word));
  CHECK(Contains(AllTerms("Sở LĐ-TB&XH"), "thương"));
  CHECK(Contains(AllTerms("hdnd"), "hội"));  // unaccented query
  CHECK_FALSE(Contains(AllTerms("tu bổ đình làng"), "tỉnh"));
  CHECK(Contains(AllTerms("Ban Thường vụ TU"), "tỉnh"));
}

TEST_CASE("the bundled abbreviation list has at least 30 entries", "[chain]") {
  CHECK(Shared().abbreviation_count() >= 30);
}

TEST_CASE("offsets point into the normalized text", "[chain]") {
  Analysis a = Shared().Analyze("\xEF\xBB\xBFHoà giải \xC3\x90\xE1\xBA\xA3ng");
  CHECK(a.text == "Hòa giải Đảng");
  for (const Token& t : a.tokens) {
    CHECK(t.end <= a.text.size());
    CHECK(t.start < t.end);
  }
  CHECK(a.text.substr(a.tokens[2].start, a.tokens[2].end - a.tokens[2].start) == "Đảng");
}

TEST_CASE("bad input never crashes the chain", "[chain]") {
  Analysis empty = Shared().Analyze("");
  CHECK(empty.tokens.empty());
  CHECK(empty.text.empty());

  Analysis broken = Shared().Analyze(std::string("xã \xFF\xFE h\xC3") + '\0' + "uyện");
  CHECK(broken.stats.invalid_sequences >= 2);
  CHECK_FALSE(broken.tokens.empty());

  std::string noise;
  for (int i = 0; i < 4096; ++i) noise.push_back(static_cast<char>((i * 7919) % 256));
  Analysis random = Shared().Analyze(noise);
  CHECK(random.stats.invalid_sequences > 0);
}

TEST_CASE("query-side and index-side analysis agree token for token", "[chain]") {
  // The indexer and the search service each build their own Analyzer; the
  // same text must give the same stream either way, expansions included.
  Analyzer index_side;
  Analyzer query_side;
  const char* texts[] = {"Hợp nhất Văn phòng HĐND, UBND huyện Đầm Hà theo 18-NQ/TW",
                         "hop nhat van phong", "Ðảng uỷ xã 7-8-2018 LĐ-TB&XH TP.HCM"};
  for (const char* text : texts) {
    Analysis a = index_side.Analyze(text);
    Analysis b = query_side.Analyze(text);
    REQUIRE(a.tokens.size() == b.tokens.size());
    for (std::size_t i = 0; i < a.tokens.size(); ++i) {
      CHECK(a.tokens[i].term == b.tokens[i].term);
      CHECK(a.tokens[i].folded == b.tokens[i].folded);
      CHECK(a.tokens[i].position == b.tokens[i].position);
      CHECK(a.tokens[i].expansion == b.tokens[i].expansion);
    }
  }
}
