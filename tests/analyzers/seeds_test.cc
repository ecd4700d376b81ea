// The five real reports the project started from: the hardest fixtures for
// the chain (boilerplate, mixed tone styles, U+00D0 for Đ, dates in several forms).
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"
#include "tests/support/shared_fixtures.h"

using tinhgon::Analysis;
using tinhgon::Analyzer;
using tinhgon::Token;

TEST_CASE("every seed report runs through the chain without errors", "[seeds]") {
  auto seeds = tinhgon::testing::SeedFilesOrSkip();
  CHECK(seeds.size() == 5);
  Analyzer analyzer;
  for (const auto& path : seeds) {
    INFO(path.filename().string());
    Analysis a = analyzer.Analyze(tinhgon::testing::ReadFile(path));
    CHECK(a.stats.invalid_sequences == 0);
    CHECK(a.tokens.size() > 300);
    // No eth survives, and every token lies inside the text.
    CHECK(a.text.find("\xC3\x90") == std::string::npos);
    CHECK(a.text.find("\xC3\xB0") == std::string::npos);
    for (const Token& t : a.tokens) {
      REQUIRE(t.end <= a.text.size());
      REQUIRE(t.start < t.end);
    }
  }
}

TEST_CASE("seed spellings of one word end up as one term", "[seeds]") {
  auto seeds = tinhgon::testing::SeedFilesOrSkip();
  Analyzer analyzer;
  std::set<std::string> terms;
  for (const auto& path : seeds) {
    for (const Token& t : analyzer.Analyze(tinhgon::testing::ReadFile(path)).tokens) {
      terms.insert(t.term);
    }
  }
  // The old placements must be gone: they were rewritten to the canonical ones.
  CHECK(terms.count("uỷ") == 0);
  CHECK(terms.count("ủy") == 1);
  CHECK(terms.count("hoà") == 0);
  CHECK(terms.count("đảng") == 1);
}
