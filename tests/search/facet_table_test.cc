#include "search/facet_table.h"

#include <catch2/catch.hpp>

#include "index/schema.h"

namespace tinhgon {
namespace {

std::string List(std::initializer_list<const char*> values) {
  std::string list;
  for (const char* v : values) {
    if (!list.empty()) list += schema::kListSeparator;
    list += v;
  }
  return list;
}

Xapian::docid Add(Xapian::WritableDatabase& db, const std::string& provinces, const std::string& year) {
  Xapian::Document doc;
  if (!provinces.empty()) doc.add_value(schema::kProvincesSlot, provinces);
  if (!year.empty()) doc.add_value(schema::kYearSlot, year);
  return db.add_document(doc);
}

// counts[f] as value → count, zero counts left out.
std::map<std::string, Xapian::doccount> Named(const FacetTable& table,
                                              const std::vector<std::vector<Xapian::doccount>>& counts, std::size_t f) {
  std::map<std::string, Xapian::doccount> named;
  for (std::size_t i = 0; i < counts[f].size(); ++i) {
    if (counts[f][i] > 0) named[table.values(f)[i]] = counts[f][i];
  }
  return named;
}

const std::vector<Xapian::valueno> kSlots = {schema::kProvincesSlot, schema::kYearSlot};

}  // namespace

TEST_CASE("facet table counts every value of a multi-valued slot once per document") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Xapian::docid a = Add(db, List({"06", "19"}), "2019");
  const Xapian::docid b = Add(db, List({"06"}), "2020");
  const Xapian::docid none = Add(db, "", "");  // a report with no locality and no date
  const Xapian::docid c = Add(db, List({"22"}), "2019");
  FacetTable table(db, kSlots);
  REQUIRE(table.facet_count() == 2);

  auto counts = table.NewCounts();
  for (Xapian::docid did : {a, b, none, c}) table.Count(did, counts);
  CHECK(Named(table, counts, 0) == std::map<std::string, Xapian::doccount>{{"06", 2}, {"19", 1}, {"22", 1}});
  CHECK(Named(table, counts, 1) == std::map<std::string, Xapian::doccount>{{"2019", 2}, {"2020", 1}});

  auto only_none = table.NewCounts();
  table.Count(none, only_none);
  CHECK(Named(table, only_none, 0).empty());
  CHECK(Named(table, only_none, 1).empty());
}

TEST_CASE("facet table skips deleted documents and ignores docids it never saw") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Add(db, List({"01"}), "2018");
  const Xapian::docid gone = Add(db, List({"02"}), "2018");
  const Xapian::docid last = Add(db, List({"03"}), "2025");
  db.delete_document(gone);
  FacetTable table(db, kSlots);
  auto counts = table.NewCounts();
  for (Xapian::docid did = 1; did <= last + 5; ++did) table.Count(did, counts);
  CHECK(Named(table, counts, 0) == std::map<std::string, Xapian::doccount>{{"01", 1}, {"03", 1}});
}

TEST_CASE("facet table cache builds once per revision and never serves another revision's table") {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Add(db, List({"01"}), "2018");
  FacetTableCache cache;
  auto first = cache.Get(db, "index@1", kSlots);
  CHECK(cache.Get(db, "index@1", kSlots) == first);

  Add(db, List({"02"}), "2019");
  auto second = cache.Get(db, "index@2", kSlots);
  CHECK(second != first);
  CHECK(second->values(0).size() == 2);
  CHECK(first->values(0).size() == 1);  // a snapshot: the old revision is unchanged
  CHECK(cache.Get(db, "index@1", kSlots) == first);  // two revisions are kept while searchers catch up
  cache.Get(db, "index@3", kSlots);
  CHECK(cache.Get(db, "index@2", kSlots) != second);  // the least recently asked for was dropped: built anew
}

}  // namespace tinhgon
