// Counting when any shard is remote (counting.h). Everything the shards are
// asked is a query, run where each shard is; what comes back is a count,
// the match spies' value counts, or the hits. No value stream is read and no
// match decider runs, which the remote backend cannot do in one message or
// at all.
//
// Totals and facets: the matching query under BoolWeight with every match
// checked (check_at_least: the document count), and a ValueCountMatchSpy
// per facet slot. A spy counts whole values, and a multi-valued slot joins
// its codes with schema::kListSeparator, so each value's count is added to
// each of its codes: per code, the matches holding it, as the facet table
// counts them.
//
// Relaxation (relaxation.h), "at least m of the n clauses", without a
// bitmap: each clause is written as OP_FILTER(a posting source weighing 1 in
// every document, the clause), so a document matching it weighs exactly 1
// whatever its terms; OR'd, a document weighs the number of clauses it
// holds, and a weight cutoff of m - 1/2 keeps exactly the ones holding m or
// more. Counts, under the filters, and spies run on that query like on any
// other: exact for any n, one query per m tried.
//
// The ranking must keep to that set while weighing as the ranking query
// does, which a cutoff cannot (it would weigh the clauses held). So the set
// is also written as a boolean query, the OR of the AND of every m of the n
// clauses, when there are at most kMaxCombinations of them (a question of up
// to 12 clauses, a keyword query of any length under kQuestionClauses);
// beyond that, the reports holding more clauses rank first, then by the
// ranking query (RelaxedMatch::ranked_by_clauses_held), with a warning.
#include <map>
#include <numeric>
#include <string_view>

#include "index/schema.h"
#include "search/counting.h"
#include "search/index_handle.h"
#include "search/relaxation.h"

namespace tinhgon {
namespace {

// Combinations written out at most: an OR of this many ANDs of a few
// clauses each still runs in about the time of the facet count.
constexpr std::size_t kMaxCombinations = 256;
// Per clause held, in the fallback ranking: more than twice what a ranking
// query can weigh, so the clauses held always decide first and the cutoff
// never lets the ranking's weight make up for a missing clause. The
// fallback ranks questions (it needs 13 clauses or more), weighed by IneB2
// (weighting.h), whose weight per term has no fixed ceiling as BM25's has:
// it grows with a term's mean wdf (titles count 10) and is summed over up to
// 64 clauses, their exact forms and pairs, some thousands at most. 1e9
// leaves a margin of 1e5 and, at 64 clauses, a resolution of 1e-5 for the
// ranking within a count of clauses held.
constexpr double kHeldWeight = 1e9;

// Every document, weighing `weight`.
Xapian::Query Weighing(double weight) {
  return Xapian::Query((new Xapian::FixedWeightPostingSource(weight))->release());
}

// Each document matching a clause weighs `weight` per clause it holds.
Xapian::Query Held(const std::vector<Xapian::Query>& clauses, double weight) {
  std::vector<Xapian::Query> each;
  for (const Xapian::Query& clause : clauses) each.emplace_back(Xapian::Query::OP_FILTER, Weighing(weight), clause);
  return Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end());
}

Xapian::Query Filtered(const Xapian::Query& query, const Xapian::Query& filters) {
  return filters.empty() ? query : Xapian::Query(Xapian::Query::OP_FILTER, query, filters);
}

// C(n, m), or cap + 1 when over `cap`.
std::size_t Combinations(std::size_t n, std::size_t m, std::size_t cap) {
  unsigned long long c = 1;
  for (std::size_t i = 1; i <= m; ++i) {
    c = c * (n - m + i) / i;  // exact: a product of i consecutive numbers is divisible by i!
    if (c > cap) return cap + 1;
  }
  return static_cast<std::size_t>(c);
}

// The documents holding at least m of `clauses`, as an OR of ANDs.
Xapian::Query AtLeast(const std::vector<Xapian::Query>& clauses, std::size_t m) {
  const std::size_t n = clauses.size();
  std::vector<std::size_t> pick(m);
  std::iota(pick.begin(), pick.end(), 0);
  std::vector<Xapian::Query> any;
  while (true) {
    std::vector<Xapian::Query> all;
    for (std::size_t i : pick) all.push_back(clauses[i]);
    any.emplace_back(Xapian::Query::OP_AND, all.begin(), all.end());
    std::size_t i = m;  // the next combination, in lexicographic order
    while (i > 0 && pick[i - 1] == n - m + i - 1) --i;
    if (i == 0) break;
    ++pick[i - 1];
    for (std::size_t j = i; j < m; ++j) pick[j] = pick[j - 1] + 1;
  }
  return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

// Per code, the matches holding it: each spied value's count, to each of
// the codes it joins.
FacetTally Tally(const std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>>& spies) {
  FacetTally tally(spies.size());
  for (std::size_t f = 0; f < spies.size(); ++f) {
    std::map<std::string, Xapian::doccount, std::less<>> counts;
    for (auto v = spies[f]->values_begin(); v != spies[f]->values_end(); ++v) {
      const std::string list = *v;
      std::string_view rest(list);
      while (!rest.empty()) {
        const std::size_t end = std::min(rest.find(schema::kListSeparator), rest.size());
        if (end > 0) counts[std::string(rest.substr(0, end))] += v.get_termfreq();
        rest.remove_prefix(std::min(end + 1, rest.size()));
      }
    }
    tally[f].assign(counts.begin(), counts.end());
  }
  return tally;
}

class RemoteCounting : public Counting {
 public:
  explicit RemoteCounting(const IndexHandle& index) : index_(index) {}

  Xapian::doccount Count(const Xapian::Query& matching, FacetTally* facets) override {
    return Run(matching, std::nullopt, facets);
  }

  RelaxedMatch Relax(const std::vector<Clause>& clauses, const Xapian::Query& filters, Xapian::doccount enough,
                     FacetTally* facets) override {
    RelaxedMatch match;
    std::vector<Xapian::Query> kept;
    for (const Clause& clause : clauses) {
      match.kept.push_back(MatchesAny(clause.matching));
      if (match.kept.back()) kept.push_back(clause.matching);
      if (!match.kept.back()) match.dropped.push_back(clause.text);
    }
    match.of = kept.size();
    const Xapian::Query held = Held(kept, 1);
    std::map<std::size_t, Xapian::doccount> at_least;  // asked once per m
    auto count_at_least = [&](std::size_t m) {
      if (m == 0) return db().get_doccount();
      auto known = at_least.find(m);
      return known != at_least.end() ? known->second : at_least[m] = Run(held, m - 0.5, nullptr);
    };
    std::optional<std::size_t> required = RequiredClauses(match.of, !match.dropped.empty(), enough, count_at_least);
    if (!required) {
      match.required = match.of;
      return match;
    }
    match.relaxed = true;
    match.required = *required;
    if (match.required == 0) {  // every clause dropped: nothing matches
      match.within = Xapian::Query::MatchNothing;
      if (facets != nullptr) *facets = FacetTally(kFacetSlots.size());
      return match;
    }
    match.total = Run(Filtered(held, filters), match.required - 0.5, facets);
    if (Combinations(kept.size(), match.required, kMaxCombinations) <= kMaxCombinations) {
      match.within = Filtered(AtLeast(kept, match.required), filters);
    } else {
      match.within = Filtered(Held(kept, kHeldWeight), filters);
      match.ranked_by_clauses_held = true;
    }
    return match;
  }

  Xapian::MSet RankRelaxed(const RelaxedMatch& match, Xapian::Enquire& enquire, Xapian::doccount first,
                           Xapian::doccount count) override {
    if (!match.ranked_by_clauses_held) {
      enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, enquire.get_query(), match.within));
    } else {
      enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_MAYBE, match.within, enquire.get_query()));
      enquire.set_cutoff(0, kHeldWeight * (static_cast<double>(match.required) - 0.5));
    }
    return enquire.get_mset(first, count);
  }

 private:
  const Xapian::Database& db() const { return index_.db(); }

  // The matches of `query`, every one checked: those weighing `cutoff` or
  // more when given (else unweighted); their facets into *facets unless null.
  Xapian::doccount Run(const Xapian::Query& query, std::optional<double> cutoff, FacetTally* facets) {
    Xapian::Enquire enquire(db());
    enquire.set_query(query);
    if (cutoff) {
      enquire.set_cutoff(0, *cutoff);
    } else {
      enquire.set_weighting_scheme(Xapian::BoolWeight());
    }
    std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> spies;
    for (std::size_t f = 0; facets != nullptr && f < kFacetSlots.size(); ++f) {
      spies.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(kFacetSlots[f]));
      enquire.add_matchspy(spies.back().get());
    }
    const Xapian::doccount total = enquire.get_mset(0, 0, db().get_doccount()).get_matches_estimated();
    if (facets != nullptr) *facets = Tally(spies);
    return total;
  }

  bool MatchesAny(const Xapian::Query& query) {
    Xapian::Enquire enquire(db());
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return !enquire.get_mset(0, 1).empty();
  }

  const IndexHandle& index_;
};

}  // namespace

std::unique_ptr<Counting> MakeRemoteCounting(const IndexHandle& index) {
  return std::make_unique<RemoteCounting>(index);
}

}  // namespace tinhgon
