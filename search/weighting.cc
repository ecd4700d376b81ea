#include "search/weighting.h"

#include "search/relaxation.h"

namespace tinhgon {

std::unique_ptr<Xapian::Weight> WeightingFor(std::size_t clauses) {
  if (clauses >= kQuestionClauses) return std::make_unique<Xapian::IneB2Weight>(kQuestionNormalization);
  return std::make_unique<Xapian::BM25Weight>();
}

}  // namespace tinhgon
