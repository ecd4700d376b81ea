// Counting over shards on this machine: the facet table of the revision and
// match bitmaps (counting.h).
#include <algorithm>

#include "search/counting.h"
#include "search/facet_table.h"
#include "search/index_handle.h"
#include "search/relaxation.h"

namespace tinhgon {

namespace {

// Counts the facets of every document the counting match visits.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(const FacetTable& table) : table_(table), counts_(table.NewCounts()) {}
  void operator()(const Xapian::Document& doc, double /*weight*/) override { Add(doc.get_docid()); }
  void Add(Xapian::docid did) { table_.Count(did, counts_); }

  FacetTally Tally() const {
    FacetTally tally(counts_.size());
    for (std::size_t f = 0; f < counts_.size(); ++f) {
      for (std::size_t ordinal = 0; ordinal < counts_[f].size(); ++ordinal) {
        if (counts_[f][ordinal] > 0) tally[f].emplace_back(table_.values(f)[ordinal], counts_[f][ordinal]);
      }
    }
    return tally;
  }

 private:
  const FacetTable& table_;
  std::vector<std::vector<Xapian::doccount>> counts_;
};

// The documents of a match set, as a posting list the ranking is filtered
// by. Over a combined database Xapian hands match deciders and spies each
// shard's own Document, whose docid is the shard's, not the combined one a
// bitmap holds. A posting source is cloned for each shard and initialised
// with that shard's database, known here by its uuid, so it can translate:
// combined docid d is document (d - 1) / n + 1 of shard (d - 1) % n.
class InSet : public Xapian::PostingSource {
 public:
  InSet(const MatchBitmap& set, std::vector<std::string> uuids) : set_(set), uuids_(std::move(uuids)) {}

  Xapian::PostingSource* clone() const override { return new InSet(set_, uuids_); }
  void init(const Xapian::Database& shard) override {
    auto it = uuids_.size() == 1 ? uuids_.begin() : std::find(uuids_.begin(), uuids_.end(), shard.get_uuid());
    if (it == uuids_.end()) throw Xapian::InvalidOperationError("a shard not among the index's: " + shard.get_uuid());
    shard_ = static_cast<Xapian::docid>(it - uuids_.begin());
    last_ = shard.get_lastdocid();
    did_ = 0;
  }
  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return set_.count() / Shards(); }
  Xapian::doccount get_termfreq_max() const override { return last_; }
  void next(double) override { Advance(did_ + 1); }
  void skip_to(Xapian::docid did, double) override {
    if (did > did_) Advance(did);
  }
  bool at_end() const override { return did_ > last_; }
  Xapian::docid get_docid() const override { return did_; }

 private:
  Xapian::doccount Shards() const { return static_cast<Xapian::doccount>(uuids_.size()); }
  // This shard's first document at or after `did` that the set holds.
  void Advance(Xapian::docid did) {
    for (did_ = did; did_ <= last_ && !set_.Contains((did_ - 1) * Shards() + shard_ + 1);) ++did_;
  }

  const MatchBitmap& set_;
  const std::vector<std::string> uuids_;
  Xapian::docid shard_ = 0, last_ = 0, did_ = 0;
};

class LocalCounting : public Counting {
 public:
  LocalCounting(const IndexHandle& index, FacetTableCache& tables) : index_(index), tables_(tables) {}

  // Exact counts visit every match of the matching query, which weighs
  // nothing, and read each match's facets from the table of this revision.
  // The match set comes from the posting lists as a bitmap where the query
  // allows, else from Xapian's matcher, unweighted.
  Xapian::doccount Count(const Xapian::Query& matching, FacetTally* facets) override {
    std::shared_ptr<const FacetTable> table;
    std::optional<FacetCounter> counter;
    if (facets != nullptr) counter.emplace(*(table = Table()));
    Xapian::doccount total = 0;
    if (std::optional<MatchBitmap> matches = MatchBitmap::Evaluate(db(), matching)) {
      if (counter) matches->ForEach([&](Xapian::docid did) { counter->Add(did); });
      total = matches->count();
    } else if (index_.shard_count() > 1) {  // a spy would see each shard's docids: list the matches
      const MatchBitmap listed = MatchBitmap::Of(db(), matching, kExactFacetLimit);
      if (counter) listed.ForEach([&](Xapian::docid did) { counter->Add(did); });
      total = listed.count();
    } else {
      Xapian::Enquire counting(db());
      counting.set_query(matching);
      counting.set_weighting_scheme(Xapian::BoolWeight());
      if (counter) counting.add_matchspy(&*counter);
      total = counting.get_mset(0, 0, kExactFacetLimit).get_matches_estimated();
    }
    if (counter) *facets = counter->Tally();
    return total;
  }

  RelaxedMatch Relax(const std::vector<Clause>& clauses, const Xapian::Query& filters, Xapian::doccount enough,
                     FacetTally* facets) override {
    Relaxation r = tinhgon::Relax(db(), clauses, filters, enough, kExactFacetLimit);
    RelaxedMatch match;
    match.relaxed = r.relaxed;
    match.required = r.required;
    match.of = r.of;
    match.dropped = std::move(r.dropped);
    match.kept = std::move(r.kept);
    if (!r.relaxed) return match;
    match.total = r.matches.count();
    if (facets != nullptr) {
      std::shared_ptr<const FacetTable> table = Table();
      FacetCounter counter(*table);
      r.matches.ForEach([&](Xapian::docid did) { counter.Add(did); });
      *facets = counter.Tally();
    }
    match.matches = std::move(r.matches);
    return match;
  }

  Xapian::MSet RankRelaxed(const RelaxedMatch& match, Xapian::Enquire& enquire, Xapian::doccount first,
                           Xapian::doccount count) override {
    Xapian::Query in_set((new InSet(*match.matches, index_.shard_uuids()))->release());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, enquire.get_query(), in_set));
    return enquire.get_mset(first, count);
  }

 private:
  const Xapian::Database& db() const { return index_.db(); }
  std::shared_ptr<const FacetTable> Table() { return tables_.Get(db(), index_.RevisionKey(), kFacetSlots); }

  const IndexHandle& index_;
  FacetTableCache& tables_;
};

}  // namespace

std::unique_ptr<Counting> MakeLocalCounting(const IndexHandle& index, FacetTableCache& facets) {
  return std::make_unique<LocalCounting>(index, facets);
}

}  // namespace tinhgon
