// Which weighting scheme ranks which kind of query.
#include "search/weighting.h"

#include <catch2/catch.hpp>

#include "search/relaxation.h"

namespace tinhgon {

TEST_CASE("keyword queries are weighed by BM25, questions by IneB2", "[search][ranking]") {
  CHECK(WeightingFor(0)->name() == "Xapian::BM25Weight");  // operators: never a question
  CHECK(WeightingFor(1)->name() == "Xapian::BM25Weight");
  CHECK(WeightingFor(kQuestionClauses - 1)->name() == "Xapian::BM25Weight");
  CHECK(WeightingFor(kQuestionClauses)->name() == "Xapian::IneB2Weight");
  CHECK(WeightingFor(20)->name() == "Xapian::IneB2Weight");
}

TEST_CASE("a question's scheme survives being sent to a remote shard", "[search][ranking]") {
  // xapian-tcpsrv rebuilds the scheme from its name and serialised
  // parameters: a scheme it cannot rebuild would fail every remote search.
  std::unique_ptr<Xapian::Weight> weight = WeightingFor(kQuestionClauses);
  Xapian::Registry registry;
  const Xapian::Weight* known = registry.get_weighting_scheme(weight->name());
  REQUIRE(known != nullptr);
  std::unique_ptr<Xapian::Weight> rebuilt(known->unserialise(weight->serialise()));
  CHECK(rebuilt->serialise() == weight->serialise());
}

}  // namespace tinhgon
