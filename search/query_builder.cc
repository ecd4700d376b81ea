#include "search/query_builder.h"

#include <map>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "indexer/schema.h"
#include "search/filter_resolver.h"

namespace tinhgon {
namespace {

bool AnyMarks(const std::vector<const Token*>& tokens) {
  for (const Token* t : tokens) {
    if (t->has_marks()) return true;
  }
  return false;
}

Xapian::Query Combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(op, parts.begin(), parts.end());
}

}  // namespace

QueryBuilder::QueryBuilder(Analyzer& analyzer, const FilterResolver& filters)
    : analyzer_(analyzer), filters_(filters) {}

Xapian::Query QueryBuilder::Words(const std::string& text, HighlightTerms* highlight, Purpose purpose) {
  const Analysis analysis = analyzer_.Analyze(text);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.empty()) return Xapian::Query();
  const bool marks = AnyMarks(words);
  // Expansions carry their abbreviation's offsets: group them by source.
  std::map<std::uint32_t, std::vector<const Token*>> expansions;
  for (const Token& t : analysis.tokens) {
    if (t.expansion) expansions[t.start].push_back(&t);
  }
  std::vector<Xapian::Query> parts;
  for (const Token* t : words) {
    Xapian::Query word(t->folded);
    highlight->folded.insert(t->folded);
    // Every word of a query typed with diacritics gets its exact boost, the
    // unmarked ones too ("là" and "ba" alike): boosting only marked words
    // made the unmarked words of the same query count for less.
    if (marks && purpose == Purpose::kRanking) {  // every exact term is also indexed folded
      word = Xapian::Query(Xapian::Query::OP_OR,
                           Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(t->term), kExactBoost), word);
      if (t->has_marks()) highlight->exact.insert(t->term);
    }
    auto expanded = expansions.find(t->start);
    if (expanded != expansions.end()) {
      std::vector<Xapian::Query> full;
      for (const Token* e : expanded->second) {
        full.emplace_back(e->folded);
        highlight->folded.insert(e->folded);
      }
      word = Xapian::Query(Xapian::Query::OP_OR, word,
                           Xapian::Query(Xapian::Query::OP_PHRASE, full.begin(), full.end(), full.size()));
    }
    parts.push_back(word);
  }
  // Adjacent syllables in the query, adjacent in the report: the word they
  // form, looked up as the pair term the indexer wrote. Both syllables
  // already match alone, so the set is the same without.
  for (std::size_t i = 0; purpose == Purpose::kRanking && i + 1 < words.size(); ++i) {
    if (words[i + 1]->position != words[i]->position + 1) continue;
    parts.emplace_back(schema::PairTerm(words[i]->folded, words[i + 1]->folded));
  }
  return Combine(Xapian::Query::OP_OR, parts);
}

Xapian::Query QueryBuilder::Phrase(const std::string& text, HighlightTerms* highlight) {
  const Analysis analysis = analyzer_.Analyze(text);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.empty()) return Xapian::Query();
  const bool marks = AnyMarks(words);
  std::vector<Xapian::Query> parts;
  for (const Token* t : words) {
    // Typed with marks, the phrase means those exact words; without, any.
    const std::string& term = marks ? t->term : t->folded;
    parts.emplace_back(term);
    (marks ? highlight->exact : highlight->folded).insert(term);
  }
  if (parts.size() == 1) return parts.front();
  return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
}

Xapian::Query QueryBuilder::Build(const QueryNode& node, HighlightTerms* highlight,
                                  std::vector<std::string>* problems, Purpose purpose) {
  switch (node.kind) {
    case QueryNode::Kind::kWords:
      return Words(node.text, highlight, purpose);
    case QueryNode::Kind::kPhrase:
      return Phrase(node.text, highlight);
    case QueryNode::Kind::kFilter: {
      std::string problem;
      std::vector<std::string> terms = filters_.Terms(node.field, node.text, &problem);
      if (!problem.empty()) problems->push_back(problem);
      if (terms.empty()) return Xapian::Query::MatchNothing;
      std::vector<Xapian::Query> alternatives(terms.begin(), terms.end());
      // A filter selects; it adds nothing to the score.
      return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Combine(Xapian::Query::OP_OR, alternatives), 0.0);
    }
    case QueryNode::Kind::kAnd:
    case QueryNode::Kind::kOr: {
      std::vector<Xapian::Query> parts;
      for (const QueryNode& child : node.children) {
        Xapian::Query q = Build(child, highlight, problems, purpose);
        if (!q.empty()) parts.push_back(q);
      }
      return Combine(node.kind == QueryNode::Kind::kAnd ? Xapian::Query::OP_AND : Xapian::Query::OP_OR, parts);
    }
    case QueryNode::Kind::kNot: {
      HighlightTerms ignored;  // excluded words are never highlighted
      Xapian::Query positive = Build(node.children[0], highlight, problems, purpose);
      Xapian::Query negative = Build(node.children[1], &ignored, problems, purpose);
      if (positive.empty()) positive = Xapian::Query::MatchAll;
      if (negative.empty()) return positive;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, positive, negative);
    }
  }
  return Xapian::Query();
}

}  // namespace tinhgon
