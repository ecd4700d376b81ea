#include "search/query_builder.h"

#include <map>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "index/schema.h"
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

// A query that matches nothing and, unlike Xapian's MatchNothing (an empty
// query, which an AND drops and an empty search turns into "everything"),
// stays what it is wherever it is put: a filter naming no place.
Xapian::Query Nothing() {
  return Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query::MatchAll, Xapian::Query::MatchAll);
}

}  // namespace

QueryBuilder::QueryBuilder(const Analyzer& analyzer, const FilterResolver& filters)
    : analyzer_(analyzer), filters_(filters) {}

void QueryBuilder::Words(const std::string& text, HighlightTerms* highlight, std::vector<Clause>* clauses,
                         std::vector<Xapian::Query>* pairs) {
  const Analysis analysis = analyzer_.Analyze(text);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.empty()) return;
  const bool marks = AnyMarks(words);
  // Expansions carry their abbreviation's offsets: group them by source.
  std::map<std::uint32_t, std::vector<const Token*>> expansions;
  for (const Token& t : analysis.tokens) {
    if (t.expansion) expansions[t.start].push_back(&t);
  }
  for (const Token* t : words) {
    Clause clause{analysis.text.substr(t->start, t->end - t->start), Xapian::Query(t->folded),
                  Xapian::Query(t->folded)};
    highlight->folded.insert(t->folded);
    const auto alternative = alternatives_.find(t->folded);
    const bool one_word = alternative != alternatives_.end() && alternative->second.one_word;
    if (one_word) {
      // A rare slip and the word it stands for: one word in two spellings,
      // weighed as one term (the slip alone would weigh as the rarest word
      // of the query, and the few reports holding it would come first).
      const std::string forms[] = {t->folded, alternative->second.word};
      clause.ranking = Xapian::Query(Xapian::Query::OP_SYNONYM, std::begin(forms), std::end(forms));
      clause.matching = clause.ranking;
    }
    // Every word of a query typed with diacritics gets its exact boost, the
    // unmarked ones too ("là" and "ba" alike): boosting only marked words
    // made the unmarked words of the same query count for less. A word in
    // two spellings (unmarked, so its exact term is its folded one) is
    // boosted as the one word it is, or the slip would weigh again.
    if (marks) {  // every exact term is also indexed folded
      Xapian::Query exact = one_word ? clause.ranking : Xapian::Query(t->term);
      clause.ranking = Xapian::Query(
          Xapian::Query::OP_OR, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, exact, kExactBoost), clause.ranking);
      if (t->has_marks()) highlight->exact.insert(t->term);
    }
    if (alternative != alternatives_.end()) {
      // A word its neighbours make doubtful is searched as either, each
      // weighing as itself: the word typed, if meant, keeps its weight.
      if (!one_word) {
        Xapian::Query other(alternative->second.word);
        clause.ranking = Xapian::Query(Xapian::Query::OP_OR, clause.ranking, other);
        clause.matching = Xapian::Query(Xapian::Query::OP_OR, clause.matching, other);
      }
      highlight->folded.insert(alternative->second.word);
    }
    auto expanded = expansions.find(t->start);
    if (expanded != expansions.end()) {
      std::vector<Xapian::Query> full;
      for (const Token* e : expanded->second) {
        full.emplace_back(e->folded);
        highlight->folded.insert(e->folded);
      }
      Xapian::Query phrase(Xapian::Query::OP_PHRASE, full.begin(), full.end(), full.size());
      clause.ranking = Xapian::Query(Xapian::Query::OP_OR, clause.ranking, phrase);
      clause.matching = Xapian::Query(Xapian::Query::OP_OR, clause.matching, phrase);
    }
    clauses->push_back(std::move(clause));
  }
  // Adjacent syllables in the query, adjacent in the report: the word they
  // form, looked up as the pair term the indexer wrote. Both syllables are
  // required already, so the pair only weighs.
  // A word expanded to its likelier neighbour pairs in both forms: the pair
  // of what was meant is what the report holds.
  auto forms = [&](const Token* t) {
    std::vector<std::string> both{t->folded};
    if (auto alternative = alternatives_.find(t->folded); alternative != alternatives_.end()) {
      both.push_back(alternative->second.word);
    }
    return both;
  };
  for (std::size_t i = 0; i + 1 < words.size(); ++i) {
    if (words[i + 1]->position != words[i]->position + 1) continue;
    for (const std::string& first : forms(words[i])) {
      for (const std::string& second : forms(words[i + 1])) pairs->emplace_back(schema::PairTerm(first, second));
    }
  }
}

Xapian::Query QueryBuilder::Phrase(const std::string& text, HighlightTerms* highlight) {
  const Analysis analysis = analyzer_.Analyze(text);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.empty()) return Xapian::Query();
  const bool marks = AnyMarks(words);
  std::vector<Xapian::Query> parts, exact;
  for (const Token* t : words) {
    // Typed with marks, the phrase means those exact words; without, any.
    parts.emplace_back(t->folded);
    if (marks && t->has_marks()) exact.emplace_back(t->term);
    (marks ? highlight->exact : highlight->folded).insert(marks ? t->term : t->folded);
  }
  if (parts.size() == 1) return marks ? Xapian::Query(words.front()->term) : parts.front();
  // Only folded forms have positions (schema.h): the words in order,
  // folded, in a report that holds each marked word as typed.
  Xapian::Query phrase(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), parts.size());
  if (exact.empty()) return phrase;
  exact.insert(exact.begin(), phrase);
  return Xapian::Query(Xapian::Query::OP_AND, exact.begin(), exact.end());
}

Xapian::Query QueryBuilder::FilterClause(const QueryNode& node, std::vector<Warning>* problems) {
  std::optional<Warning> problem;
  std::vector<std::string> terms = filters_.Terms(node.filter, node.text, &problem);
  if (problem) problems->push_back(*problem);
  if (terms.empty()) return Nothing();
  std::vector<Xapian::Query> alternatives(terms.begin(), terms.end());
  return Combine(Xapian::Query::OP_OR, alternatives);
}

Xapian::Query QueryBuilder::Build(const QueryNode& node, HighlightTerms* highlight,
                                  std::vector<Warning>* problems, Purpose purpose) {
  switch (node.kind) {
    case QueryNode::Kind::kWords: {
      std::vector<Clause> clauses;
      std::vector<Xapian::Query> pairs;
      Words(node.text, highlight, &clauses, &pairs);
      std::vector<Xapian::Query> required;
      for (const Clause& c : clauses) required.push_back(purpose == Purpose::kRanking ? c.ranking : c.matching);
      Xapian::Query all = Combine(Xapian::Query::OP_AND, required);
      if (purpose == Purpose::kMatching || pairs.empty()) return all;
      return Xapian::Query(Xapian::Query::OP_AND_MAYBE, all, Combine(Xapian::Query::OP_OR, pairs));
    }
    case QueryNode::Kind::kPhrase:
      return Phrase(node.text, highlight);
    case QueryNode::Kind::kFilter: {
      // A filter selects; it adds nothing to the score.
      return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, FilterClause(node, problems), 0.0);
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

bool QueryBuilder::SplitInto(const QueryNode& node, Clauses* out, std::vector<Warning>* problems) {
  HighlightTerms unused;  // the ranking query's Build collects what to mark
  switch (node.kind) {
    case QueryNode::Kind::kWords:
      Words(node.text, &unused, &out->clauses, &out->pairs);
      return true;
    case QueryNode::Kind::kPhrase: {
      Xapian::Query phrase = Phrase(node.text, &unused);
      if (!phrase.empty()) out->clauses.push_back({node.text, phrase, phrase});
      return true;
    }
    case QueryNode::Kind::kFilter:
      out->filters.push_back(FilterClause(node, problems));
      return true;
    case QueryNode::Kind::kAnd:
      for (const QueryNode& child : node.children) {
        if (!SplitInto(child, out, problems)) return false;
      }
      return true;
    default:
      return false;
  }
}

std::optional<QueryBuilder::Clauses> QueryBuilder::Split(const ParsedQuery& parsed, std::vector<Warning>* problems) {
  if (parsed.has_operators) return std::nullopt;
  Clauses clauses;
  if (!SplitInto(parsed.root, &clauses, problems)) return std::nullopt;
  return clauses;
}

}  // namespace tinhgon
