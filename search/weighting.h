// How the hits of a search are weighed, chosen by the kind of query.
//
// Thread safety: a free function with no state; each call returns a new
// scheme for the caller's own Enquire.
#pragma once

#include <cstddef>
#include <memory>

#include <xapian.h>

namespace tinhgon {

// A keyword query (fewer than kQuestionClauses clauses, relaxation.h) is
// weighed by BM25, Xapian's default. A question is weighed by IneB2, a
// divergence-from-randomness scheme: its length normalization rewards the
// short paragraph that holds a few of a long question's words over the long
// report that holds many of them once. On XQuAD-vi it ranked better on both
// halves of the test and both ways of typing; on title fragments (3 to 5
// words) IneB2 for every query ranked worse than BM25, and IneB2 for the
// 5-word ones only as well as BM25 (docs/ANALYSIS.md, "How hits are
// weighed"). `clauses` counts the query's clauses as typed, a word no
// report holds included (relaxation counts those it keeps, so "four words
// and a slip nothing mends" is relaxed as keywords and weighed as a
// question: the word dropped weighs nothing either way); it is 0 for a query
// with operators, never a question.
std::unique_ptr<Xapian::Weight> WeightingFor(std::size_t clauses);

// IneB2's one parameter (the normalization's c), chosen on half of XQuAD-vi.
inline constexpr double kQuestionNormalization = 2.0;

}  // namespace tinhgon
