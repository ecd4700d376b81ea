// A parsed query → a Xapian query, through the same analysis chain as the
// reports.
//
// Thread safety: none; a QueryBuilder holds the alternatives of the query
// being built (SetAlternatives), so give each Searcher its own. That is
// cheap: it keeps only references to the shared, thread-safe Analyzer and
// FilterResolver, which must outlive it.
#pragma once

#include <map>
#include <optional>
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

// One required part of a query: a word (with its folded form and
// expansions) or a quoted phrase. A plain query matches the reports that
// hold every clause; when that is too few, Relax (relaxation.h) requires
// fewer of them.
struct Clause {
  std::string text;        // as typed, to say which clause a relaxation dropped
  Xapian::Query ranking;   // weighs, for the ranking query
  Xapian::Query matching;  // the same documents, unweighted: for counting
};

// Matching and ranking, as measured in docs/ANALYSIS.md and docs/BENCHMARKS.md:
//  - every word is required (AND), where a word matches its exact term, its
//    folded term or its expansion; the query language's OR is explicit;
//  - each word matches its exact term or its folded term; when the query has
//    any diacritics, an exact match adds the exact term's weight, scaled by
//    kExactBoost, to the folded term's, so "đường" is not drowned by
//    "dương"/"đương", while "duong" matches them all alike;
//  - adjacent syllables of the query add their pair term (schema::kPair), so
//    "hợp nhất" together ranks above "hợp" and "nhất" apart;
//  - an abbreviation also matches its full form as a phrase ("UBND" →
//    "ủy ban nhân dân"), and the full form typed matches reports that
//    abbreviate it (their expansions are indexed);
//  - title matches weigh more already in the index (schema.h);
//  - the scheme that weighs the terms (BM25, or IneB2 for a question) is
//    the searcher's choice (weighting.h).
class QueryBuilder {
 public:
  // 1, measured against 0.5, 1.5 and the 2 it was first given
  // (docs/ANALYSIS.md, "An exact form counts once more").
  static constexpr double kExactBoost = 1.0;

  QueryBuilder(const Analyzer& analyzer, const FilterResolver& filters);

  // An unaccented word also searched as another ("tan" -> "tran": a slip
  // the typing step found, typing.h). `one_word`: the typed word is a rare
  // misspelling of `word`, and both weigh as one term (OP_SYNONYM); else
  // each weighs as itself.
  struct Alternative {
    std::string word;
    bool one_word = false;
  };
  // For the queries built until the next call; keys and words are folded,
  // lower-case terms.
  void SetAlternatives(std::map<std::string, Alternative> alternatives) { alternatives_ = std::move(alternatives); }

  // kRanking: the query above. kMatching: the same set of documents with
  // none of what only weighs (exact boosts, syllable pairs), which is
  // far cheaper to run over every match, as exact facet counts must.
  enum class Purpose { kRanking, kMatching };

  // The query; an empty query, or one of filters only, matches everything
  // the filters allow. `problems` receives filters that name nothing.
  Xapian::Query Build(const QueryNode& node, HighlightTerms* highlight, std::vector<Warning>* problems,
                      Purpose purpose = Purpose::kRanking);

  // The clauses of a query without operators (words, phrases and field
  // filters side by side), which a relaxation may require fewer of; its
  // filters go to `filters`, its syllable pairs (which only weigh) to `pairs`.
  // Nothing when the query has operators, which mean exactly what they say.
  struct Clauses {
    std::vector<Clause> clauses;
    std::vector<Xapian::Query> filters;
    std::vector<Xapian::Query> pairs;
  };
  std::optional<Clauses> Split(const ParsedQuery& parsed, std::vector<Warning>* problems);

 private:
  // One clause per word of `text`, and the pair terms of adjacent words.
  void Words(const std::string& text, HighlightTerms* highlight, std::vector<Clause>* clauses,
             std::vector<Xapian::Query>* pairs);
  Xapian::Query Phrase(const std::string& text, HighlightTerms* highlight);
  Xapian::Query FilterClause(const QueryNode& node, std::vector<Warning>* problems);
  bool SplitInto(const QueryNode& node, Clauses* out, std::vector<Warning>* problems);

  const Analyzer& analyzer_;
  const FilterResolver& filters_;
  std::map<std::string, Alternative> alternatives_;  // by the folded word typed
};

}  // namespace tinhgon
