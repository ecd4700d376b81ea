#include "search/match_bitmap.h"

namespace tinhgon {

std::optional<MatchBitmap> MatchBitmap::Evaluate(const Xapian::Database& db, const Xapian::Query& query) {
  return OfPostings(db, query, db.get_lastdocid());
}

MatchBitmap MatchBitmap::Of(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount limit) {
  if (std::optional<MatchBitmap> fast = Evaluate(db, query)) return std::move(*fast);
  MatchBitmap set = Empty(db);
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_docid_order(Xapian::Enquire::ASCENDING);
  Xapian::MSet mset = enquire.get_mset(0, limit);
  for (auto it = mset.begin(); it != mset.end(); ++it) set.Insert(*it);
  return set;
}

void MatchBitmap::IntersectWith(const MatchBitmap& other) {
  for (std::size_t w = 0; w < words_.size(); ++w) words_[w] &= w < other.words_.size() ? other.words_[w] : 0;
}

Xapian::doccount MatchBitmap::count() const {
  Xapian::doccount n = 0;
  for (std::uint64_t w : words_) n += static_cast<Xapian::doccount>(__builtin_popcountll(w));
  return n;
}

std::optional<MatchBitmap> MatchBitmap::OfPostings(const Xapian::Database& db, const Xapian::Query& query,
                                                    Xapian::docid last) {
  MatchBitmap set(last);
  auto add_postings = [&](const std::string& term) {
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
      const Xapian::docid did = *it;
      set.words_[did / 64] |= std::uint64_t{1} << (did % 64);
    }
  };
  switch (query.get_type()) {
    case Xapian::Query::LEAF_MATCH_NOTHING:
      return set;
    case Xapian::Query::LEAF_MATCH_ALL:
      add_postings(std::string());  // the empty term's list is every document
      return set;
    case Xapian::Query::LEAF_TERM:
      add_postings(*query.get_terms_begin());
      return set;
    case Xapian::Query::OP_SCALE_WEIGHT:
      return OfPostings(db, query.get_subquery(0), last);
    case Xapian::Query::OP_AND_MAYBE:  // the optional side only weighs
      return OfPostings(db, query.get_subquery(0), last);
    case Xapian::Query::OP_OR:
    case Xapian::Query::OP_SYNONYM:
    case Xapian::Query::OP_MAX:
    case Xapian::Query::OP_AND:
    case Xapian::Query::OP_FILTER:
    case Xapian::Query::OP_AND_NOT: {
      const Xapian::Query::op op = query.get_type();
      for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) {
        std::optional<MatchBitmap> part = OfPostings(db, query.get_subquery(i), last);
        if (!part) return std::nullopt;
        if (i == 0) {
          set.words_ = std::move(part->words_);
          continue;
        }
        for (std::size_t w = 0; w < set.words_.size(); ++w) {
          if (op == Xapian::Query::OP_AND || op == Xapian::Query::OP_FILTER) {
            set.words_[w] &= part->words_[w];
          } else if (op == Xapian::Query::OP_AND_NOT) {
            set.words_[w] &= ~part->words_[w];
          } else {
            set.words_[w] |= part->words_[w];
          }
        }
      }
      return set;
    }
    default:  // phrases, value ranges, posting sources...
      return std::nullopt;
  }
}

}  // namespace tinhgon
