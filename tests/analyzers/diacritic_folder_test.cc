#include "analyzers/diacritic_folder.h"

#include <catch2/catch.hpp>

using tinhgon::DiacriticFolder;

TEST_CASE("all marks are removed and đ becomes d", "[fold]") {
  CHECK(DiacriticFolder::Fold("đảng") == "dang");
  CHECK(DiacriticFolder::Fold("Đảng") == "Dang");
  CHECK(DiacriticFolder::Fold("hợp nhất văn phòng") == "hop nhat van phong");
  CHECK(DiacriticFolder::Fold("người") == "nguoi");
  CHECK(DiacriticFolder::Fold("ưởng") == "uong");
  CHECK(DiacriticFolder::Fold("907-qđ/tu") == "907-qd/tu");
}

TEST_CASE("lone combining marks are dropped", "[fold]") {
  CHECK(DiacriticFolder::Fold("u\xCC\x89y") == "uy");
}

TEST_CASE("text without marks is unchanged", "[fold]") {
  CHECK(DiacriticFolder::Fold("ubnd 2020") == "ubnd 2020");
  CHECK(DiacriticFolder::Fold("") == "");
}

TEST_CASE("the filter keeps the exact term and adds the folded one", "[fold]") {
  std::vector<tinhgon::Token> tokens(2);
  tokens[0].term = "đường";
  tokens[1].term = "lam";
  DiacriticFolder().Apply(&tokens);
  CHECK(tokens[0].term == "đường");
  CHECK(tokens[0].folded == "duong");
  CHECK(tokens[0].has_marks());
  CHECK(tokens[1].folded == "lam");
  CHECK_FALSE(tokens[1].has_marks());
}
