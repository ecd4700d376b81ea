#include "search/snippet.h"

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"

namespace tinhgon {
namespace {

// About 6 KB of filler words, so a text spans several analysis pieces.
std::string Filler() {
  std::string s;
  for (int i = 0; i < 300; ++i) s += "công tác cán bộ năm nay ";
  return s;
}

HighlightTerms Folded(std::initializer_list<const char*> words) {
  HighlightTerms terms;
  for (const char* w : words) terms.folded.insert(w);
  return terms;
}

}  // namespace

TEST_CASE("a snippet finds matches deep in a long text") {
  Analyzer analyzer;
  const std::string text = "Tin trong tỉnh\n" + Filler() + "Huyện hợp nhất văn phòng với thanh tra.\n" + Filler();
  Snippet s = MakeSnippet(analyzer, text, Folded({"hop", "nhat"}));
  CHECK(s.html.find("<mark>hợp</mark> <mark>nhất</mark>") != std::string::npos);
  CHECK(s.text.rfind("… ", 0) == 0);                       // starts inside the text
  REQUIRE(s.text.size() >= 4);
  CHECK(s.text.substr(s.text.size() - 4) == " …");  // and goes on after
  REQUIRE(s.matches.size() == 2);
  CHECK(s.text.substr(s.matches[0].first, s.matches[0].second - s.matches[0].first) == "hợp");
}

TEST_CASE("a snippet from the opening of a long text is full length and says the text goes on") {
  Analyzer analyzer;
  const std::string text = "Hợp nhất văn phòng huyện\n" + Filler();
  Snippet s = MakeSnippet(analyzer, text, Folded({"hop", "nhat"}), 40);
  CHECK(s.html.rfind("<mark>Hợp</mark> <mark>nhất</mark>", 0) == 0);
  // A full window of 40 words though analysis stopped early, and the
  // ellipsis says there is more.
  std::size_t words = 1;
  for (char c : s.text) words += c == ' ';
  CHECK(words >= 40);
  CHECK(s.text.substr(s.text.size() - 4) == " …");
}

TEST_CASE("a snippet of a text with no match is its opening") {
  Analyzer analyzer;
  Snippet s = MakeSnippet(analyzer, "Sáp nhập xã Đồng Hưu vào xã Tiến Thắng.", Folded({"giai", "the"}));
  CHECK(s.text.rfind("Sáp nhập xã", 0) == 0);
  CHECK(s.html.find("<mark>") == std::string::npos);
  CHECK(s.matches.empty());
}

}  // namespace tinhgon
