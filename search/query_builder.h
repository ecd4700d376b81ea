// A parsed query → a Xapian query, through the same analysis chain as the
// reports.
#pragma once

#include <set>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/query_parser.h"

namespace tinhgon {

class Analyzer;
class FilterResolver;

// What a snippet should mark: the exact terms when the user typed marks, and
// the folded terms, which also match words found only through folding.
struct HighlightTerms {
  std::set<std::string> exact;
  std::set<std::string> folded;
};

// Ranking, as measured in docs/ANALYSIS.md and issue benchmarks:
//  - each word matches its exact term or its folded term; when the query has
//    any diacritics, exact matches weigh kExactBoost times more, so "đường"
//    is not drowned by "dương"/"đương", while "duong" matches them all alike;
//  - adjacent syllables of the query add their pair term (schema::kPair), so
//    "hợp nhất" together ranks above "hợp" and "nhất" apart;
//  - an abbreviation also matches its full form as a phrase ("UBND" →
//    "ủy ban nhân dân"), and the full form typed matches reports that
//    abbreviate it (their expansions are indexed);
//  - title matches weigh more already in the index (schema.h).
class QueryBuilder {
 public:
  static constexpr double kExactBoost = 2.0;

  QueryBuilder(Analyzer& analyzer, const FilterResolver& filters);

  // kRanking: the query above. kMatching: the same set of documents with
  // none of what only weighs (exact boosts, syllable pairs), which is
  // far cheaper to run over every match, as exact facet counts must.
  enum class Purpose { kRanking, kMatching };

  // The query; an empty query, or one of filters only, matches everything
  // the filters allow. `problems` receives filters that name nothing.
  Xapian::Query Build(const QueryNode& node, HighlightTerms* highlight, std::vector<std::string>* problems,
                      Purpose purpose = Purpose::kRanking);

 private:
  Xapian::Query Words(const std::string& text, HighlightTerms* highlight, Purpose purpose);
  Xapian::Query Phrase(const std::string& text, HighlightTerms* highlight);

  Analyzer& analyzer_;
  const FilterResolver& filters_;
};

}  // namespace tinhgon
