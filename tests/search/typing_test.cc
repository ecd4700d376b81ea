// Telex and VNI typed with the input method off, and slips of one key.
#include "search/typing.h"

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "index/schema.h"

namespace tinhgon {
namespace {

// What the analysis chain makes of a decoded key sequence: the index term.
std::string Term(const std::optional<std::string>& decoded) {
  if (!decoded) return "(none)";
  static Analyzer analyzer;
  const Analysis analysis = analyzer.Analyze(*decoded);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  return words.size() == 1 ? words[0]->term : "(not one word)";
}

// `count` reports, each holding `terms`.
void AddReports(Xapian::WritableDatabase* db, int count, std::initializer_list<std::string> terms) {
  for (int i = 0; i < count; ++i) {
    Xapian::Document doc;
    for (const std::string& t : terms) doc.add_term(t);
    db->add_document(doc);
  }
}

Xapian::WritableDatabase Vocabulary() {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  // Folded words with the frequencies a slip is judged by, and the exact
  // terms a Telex reading must find.
  const std::pair<const char*, int> words[] = {{"phong", 80}, {"phòng", 40}, {"phang", 3}, {"phing", 3}, {"nhat", 30},
                                               {"nhất", 30},  {"sap", 20},   {"sáp", 12},  {"sắp", 8},
                                               {"nhap", 15},  {"nhập", 15},  {"bien", 25}, {"che", 9},
                                               {"chee", 0},   {"hop", 30},   {"hợp", 30},  {"huyen", 50},
                                               {"coong", 5},  {"cong", 40},  {"công", 40}, {"tac", 20},
                                               {"tác", 20}};
  for (const auto& [word, count] : words) AddReports(&db, count, {word});
  return db;
}

}  // namespace

TEST_CASE("Telex keys decode to the word they spell", "[typing]") {
  CHECK(Term(DecodeTelex("saps")) == "sáp");
  CHECK(Term(DecodeTelex("nhaapj")) == "nhập");
  CHECK(Term(DecodeTelex("hojp")) == "họp");
  CHECK(Term(DecodeTelex("hopwj")) == "hợp");
  CHECK(Term(DecodeTelex("nhaats")) == "nhất");
  CHECK(Term(DecodeTelex("dduowngf")) == "đường");
  CHECK(Term(DecodeTelex("nguowif")) == "người");
  CHECK(Term(DecodeTelex("tw")) == "tư");
  CHECK(Term(DecodeTelex("hoaf")) == "hòa");  // the chain places the tone
  CHECK(Term(DecodeTelex("thuyr")) == "thủy");
  CHECK(Term(DecodeTelex("giarm")) == "giảm");
  CHECK(Term(DecodeTelex("awn")) == "ăn");
}

TEST_CASE("words that use no Telex key, or two tones, are not Telex", "[typing]") {
  CHECK_FALSE(DecodeTelex("phong"));
  CHECK_FALSE(DecodeTelex("sap"));  // s before any vowel is a consonant
  CHECK_FALSE(DecodeTelex("safs"));
  CHECK_FALSE(DecodeTelex("ubnd2"));
  CHECK_FALSE(DecodeTelex("interesting"));  // vowels in several runs: no syllable
}

TEST_CASE("VNI digits decode to the word they spell", "[typing]") {
  CHECK(Term(DecodeVni("sa1p")) == "sáp");
  CHECK(Term(DecodeVni("nha65p")) == "nhập");
  CHECK(Term(DecodeVni("nha6p5")) == "nhập");
  CHECK(Term(DecodeVni("d9uong72")) == "đường");
  CHECK(Term(DecodeVni("ho75p")) == "hợp");
  CHECK_FALSE(DecodeVni("2019"));
  CHECK_FALSE(DecodeVni("phong"));
  CHECK_FALSE(DecodeVni("xa9"));  // 9 strokes a d only
}

TEST_CASE("a slip finds the most frequent word one key away", "[typing]") {
  Xapian::WritableDatabase db = Vocabulary();
  SlipTable slips(db);
  CHECK(slips.Nearest("phogn") == "phong");  // swapped
  CHECK(slips.Nearest("phon") == "phong");   // dropped
  CHECK(slips.Nearest("phonng") == "phong"); // doubled
  CHECK(slips.Nearest("phpng") == "phong");  // p beside o
  CHECK(slips.Nearest("nhst") == "nhat");    // s beside a
  CHECK(slips.Nearest("phzng") == "phang");  // z beside a
  CHECK(slips.Nearest("phmng").empty());     // m is beside neither o nor a: no slip
  CHECK(slips.Nearest("xyzzyq").empty());
}

TEST_CASE("a name or foreign word longer than a syllable is found from one report", "[typing]") {
  Xapian::WritableDatabase db = Vocabulary();
  for (const char* word : {"rhodophyte", "chloroplastidan", "zuckerberg", "zukerbergs"}) AddReports(&db, 1, {word});
  SlipTable slips(db);
  CHECK(slips.Nearest("rhodophte") == "rhodophyte");            // dropped
  CHECK(slips.Nearest("cloroplastidan") == "chloroplastidan");  // dropped at the start
  CHECK(slips.Nearest("zuckerbreg") == "zuckerberg");           // swapped
  CHECK(slips.Nearest("zuckerbergg") == "zuckerberg");          // doubled
  CHECK(slips.Nearest("rhodophytee") == "rhodophyte");
  CHECK(slips.Nearest("rhodoxhyte").empty());                   // x is not beside p
  CHECK(slips.Nearest("zuckerbegs").empty());                   // two slips from each
  // A syllable-long word needs kMinFrequency reports: "phi" (one) is no
  // word a slip is corrected to.
  AddReports(&db, 1, {"phi"});
  CHECK(SlipTable(db).Nearest("phiu").empty());
  Analyzer analyzer;
  std::vector<Correction> corrections;
  auto table = [&]() -> const SlipTable& { return slips; };
  CHECK(CorrectTyping(analyzer, db, table, "Rhodophte la gi", &corrections) == "rhodophyte la gi");
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].from == "Rhodophte");
}

TEST_CASE("only words no report holds are corrected, and quotes keep a word as typed", "[typing]") {
  Xapian::WritableDatabase db = Vocabulary();
  SlipTable table(db);
  auto slips = [&]() -> const SlipTable& { return table; };
  Analyzer analyzer;
  std::vector<Correction> corrections;
  CHECK(CorrectTyping(analyzer, db, slips, "saps nhaapj", &corrections) == "sáp nhập");
  REQUIRE(corrections.size() == 2);
  CHECK(corrections[0].kind == Correction::Kind::kTelex);
  corrections.clear();
  CHECK(CorrectTyping(analyzer, db, slips, "sa1p nha65p", &corrections) == "sáp nhập");
  CHECK(corrections[0].kind == Correction::Kind::kVni);
  corrections.clear();
  CHECK(CorrectTyping(analyzer, db, slips, "hop nhat phogn", &corrections) == "hop nhat phong");
  CHECK(corrections.size() == 1);
  CHECK(corrections[0].kind == Correction::Kind::kSlip);
  corrections.clear();
  // Known words, marked words, quoted words, fields and operators stay.
  for (const char* q : {"sap nhap", "sáp nhập", "\"phogn\" nhat", "tinh:phogn", "phong OR nhat", "-phogn"}) {
    INFO(q);
    CHECK(CorrectTyping(analyzer, db, slips, q, &corrections) == q);
    CHECK(corrections.empty());
  }
}

TEST_CASE("beside a word typed in Telex, a word reports also hold as typed is read as Telex", "[typing]") {
  Xapian::WritableDatabase db = Vocabulary();
  SlipTable table(db);
  auto slips = [&]() -> const SlipTable& { return table; };
  Analyzer analyzer;
  std::vector<Correction> corrections;
  // "coong": 5 reports hold it, too many to touch alone; "công": 40.
  CHECK(CorrectTyping(analyzer, db, slips, "coong", &corrections) == "coong");
  CHECK(corrections.empty());
  CHECK(CorrectTyping(analyzer, db, slips, "coong tacs", &corrections) == "công tác");
  REQUIRE(corrections.size() == 2);
  CHECK(corrections[0].kind == Correction::Kind::kTelex);
  CHECK_FALSE(corrections[0].expanded);
  corrections.clear();
  // Words that spell nothing else in Telex stay; VNI context reads VNI only.
  CHECK(CorrectTyping(analyzer, db, slips, "hop nhaats", &corrections) == "hop nhất");
  corrections.clear();
  CHECK(CorrectTyping(analyzer, db, slips, "coong ta1c", &corrections) == "coong tác");
}

TEST_CASE("a query typed with marks never builds the slip table", "[typing]") {
  Xapian::WritableDatabase db = Vocabulary();
  bool built = false;
  SlipTable table(db);
  auto slips = [&]() -> const SlipTable& {
    built = true;
    return table;
  };
  Analyzer analyzer;
  std::vector<Correction> corrections;
  CorrectTyping(analyzer, db, slips, "hợp nhất phòng", &corrections);
  CHECK_FALSE(built);
  CorrectTyping(analyzer, db, slips, "hop nhat van phong", &corrections);
  CHECK(built);  // unaccented words may be slips of more frequent ones
}

TEST_CASE("a rare word one slip from a far more frequent one is searched as either", "[typing]") {
  Xapian::WritableDatabase db = Vocabulary();
  SlipTable table(db);
  auto slips = [&]() -> const SlipTable& { return table; };
  Analyzer analyzer;
  std::vector<Correction> corrections;
  // "phing": 3 reports; "phong", one key away: 80, over kFarLess times more.
  CHECK(CorrectTyping(analyzer, db, slips, "phing nhat", &corrections) == "phing nhat");
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].expanded);
  CHECK(corrections[0].to == "phong");
  corrections.clear();
  // "sap" (20) and "sao"? none; "nhap" (15) against "nhat" (30): not far rarer.
  CHECK(CorrectTyping(analyzer, db, slips, "nhap", &corrections) == "nhap");
  CHECK(corrections.empty());
}

TEST_CASE("a slip takes the word that stands with the words around it in one report", "[typing]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](int count, std::initializer_list<std::string> terms) { AddReports(&db, count, terms); };
  // "loi" is the more frequent word one key from "koi", and "sy loi" the
  // more frequent pair; only "khoi" follows "binh sy" in any report.
  add(36, {"loi"});
  add(14, {"sy", "loi", schema::PairTerm("sy", "loi")});
  add(19, {"khoi"});
  add(1, {"binh", "sy", "khoi", schema::PairTerm("binh", "sy"), schema::PairTerm("sy", "khoi")});
  add(5, {"binh", "sy", schema::PairTerm("binh", "sy")});
  // The same on the right: only "khoi" comes before "tuyen bo".
  add(14, {"loi", "tuyen", schema::PairTerm("loi", "tuyen")});
  add(1, {"khoi", "tuyen", "bo", schema::PairTerm("khoi", "tuyen"), schema::PairTerm("tuyen", "bo")});
  add(5, {"tuyen", "bo", schema::PairTerm("tuyen", "bo")});
  SlipTable table(db);
  auto slips = [&]() -> const SlipTable& { return table; };
  Analyzer analyzer;
  std::vector<Correction> corrections;
  CHECK(CorrectTyping(analyzer, db, slips, "binh sy koi", &corrections) == "binh sy khoi");
  CHECK(CorrectTyping(analyzer, db, slips, "koi tuyen bo", &corrections) == "khoi tuyen bo");
  corrections.clear();
  // With one neighbour only, the pair more reports hold decides.
  CHECK(CorrectTyping(analyzer, db, slips, "sy koi", &corrections) == "sy loi");
}

TEST_CASE("a real word its neighbours never stand beside is also searched as the word they do", "[typing]") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](int count, std::initializer_list<std::string> terms) { AddReports(&db, count, terms); };
  // "linh", a word 40 reports hold, never stands between "phan" and "te";
  // "kinh", one key away, does in 30 ("thành phần kinh tế").
  add(30, {"phan", "kinh", "te", schema::PairTerm("phan", "kinh"), schema::PairTerm("kinh", "te")});
  add(40, {"linh"});
  add(1, {"kimh"});  // a slip one report holds
  SlipTable table(db);
  auto slips = [&]() -> const SlipTable& { return table; };
  Analyzer analyzer;
  std::vector<Correction> corrections;
  CHECK(CorrectTyping(analyzer, db, slips, "phan linh te", &corrections) == "phan linh te");
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].to == "kinh");
  CHECK(corrections[0].expanded);
  CHECK(corrections[0].in_context);  // a word that may be meant: weighed as itself
  corrections.clear();
  CHECK(CorrectTyping(analyzer, db, slips, "phan kimh te", &corrections) == "phan kimh te");
  REQUIRE(corrections.size() == 1);
  CHECK(corrections[0].to == "kinh");
  CHECK(corrections[0].expanded);
  CHECK_FALSE(corrections[0].in_context);  // a rare slip: one word with "kinh"
}

}  // namespace tinhgon
