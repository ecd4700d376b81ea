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

}  // namespace tinhgon
