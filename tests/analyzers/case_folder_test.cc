#include "analyzers/case_folder.h"

#include <catch2/catch.hpp>

TEST_CASE("terms are case-folded with full Unicode folding", "[case]") {
  tinhgon::CaseFolder folder;
  CHECK(folder.Fold("ĐẢNG ỦY") == "đảng ủy");
  CHECK(folder.Fold("HĐND") == "hđnd");
  CHECK(folder.Fold("Straße") == "strasse");
  CHECK(folder.Fold("18-NQ/TW") == "18-nq/tw");
  CHECK(folder.Fold("") == "");
}

TEST_CASE("the filter folds every token in place", "[case]") {
  std::vector<tinhgon::Token> tokens(2);
  tokens[0].term = "Yên";
  tokens[1].term = "SƠN";
  tinhgon::CaseFolder().Apply(&tokens);
  CHECK(tokens[0].term == "yên");
  CHECK(tokens[1].term == "sơn");
}
