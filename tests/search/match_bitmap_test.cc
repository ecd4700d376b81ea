#include "search/match_bitmap.h"

#include <random>
#include <set>

#include <catch2/catch.hpp>

namespace tinhgon {
namespace {

std::set<Xapian::docid> ByMatcher(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  std::set<Xapian::docid> docids;
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount() + 1);
  for (auto it = mset.begin(); it != mset.end(); ++it) docids.insert(*it);
  return docids;
}

std::set<Xapian::docid> ByBitmap(const MatchBitmap& bitmap) {
  std::set<Xapian::docid> docids;
  bitmap.ForEach([&](Xapian::docid did) { docids.insert(did); });
  return docids;
}

}  // namespace

TEST_CASE("match bitmap finds the documents the matcher finds, for every boolean operator") {
  // 300 documents over 12 terms, some deleted, so docids have gaps.
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::mt19937 random(7);
  const std::vector<std::string> terms = {"hop", "nhat", "van", "phong", "xa", "huyen",
                                          "tinh", "XP06", "XP19", "XY2019", "XY2020", "giai"};
  for (int d = 0; d < 300; ++d) {
    Xapian::Document doc;
    for (const std::string& t : terms) {
      if (random() % 3 == 0) doc.add_term(t);
    }
    db.add_document(doc);
  }
  for (Xapian::docid gone : {3u, 64u, 65u, 128u, 299u}) db.delete_document(gone);

  auto term = [&](int i) { return Xapian::Query(terms[static_cast<std::size_t>(i)]); };
  const std::vector<Xapian::Query> queries = {
      term(0),
      Xapian::Query(Xapian::Query::OP_OR, term(0), term(1)),
      Xapian::Query(Xapian::Query::OP_AND, term(2), term(3)),
      Xapian::Query(Xapian::Query::OP_AND_NOT, term(4), Xapian::Query(Xapian::Query::OP_OR, term(5), term(6))),
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(Xapian::Query::OP_OR, term(0), term(11)),
                    Xapian::Query(Xapian::Query::OP_AND, Xapian::Query(Xapian::Query::OP_OR, term(7), term(8)), term(9))),
      Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, term(10), 0.0),
      Xapian::Query(Xapian::Query::OP_AND_MAYBE, term(1), term(2)),
      Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query::MatchAll, term(7)),
      Xapian::Query::MatchAll,
      Xapian::Query("absent"),
      Xapian::Query(Xapian::Query::OP_AND, term(0), Xapian::Query("absent")),
  };
  for (const Xapian::Query& q : queries) {
    INFO(q.get_description());
    std::optional<MatchBitmap> bitmap = MatchBitmap::Evaluate(db, q);
    REQUIRE(bitmap);
    const std::set<Xapian::docid> expected = ByMatcher(db, q);
    CHECK(ByBitmap(*bitmap) == expected);
    CHECK(bitmap->count() == expected.size());
  }
}

TEST_CASE("match bitmap leaves phrases and value ranges to the matcher") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  doc.add_posting("hop", 1);
  doc.add_posting("nhat", 2);
  doc.add_value(0, "20190520");
  db.add_document(doc);
  Xapian::Query pair[] = {Xapian::Query("hop"), Xapian::Query("nhat")};
  CHECK_FALSE(MatchBitmap::Evaluate(db, Xapian::Query(Xapian::Query::OP_PHRASE, pair, pair + 2, 2)));
  CHECK_FALSE(MatchBitmap::Evaluate(
      db, Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query("hop"),
                        Xapian::Query(Xapian::Query::OP_VALUE_RANGE, 0, "20190101", "20191231"))));
  // An empty database, and the empty query.
  Xapian::WritableDatabase empty(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::optional<MatchBitmap> none = MatchBitmap::Evaluate(empty, Xapian::Query::MatchAll);
  REQUIRE(none);
  CHECK(none->count() == 0);
  CHECK(MatchBitmap::Evaluate(db, Xapian::Query())->count() == 0);
}

}  // namespace tinhgon
