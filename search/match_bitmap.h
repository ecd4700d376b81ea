// The documents a query matches, as a bitmap over docids.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <xapian.h>

namespace tinhgon {

// Exact facet counts need every match and no weights. Xapian's matcher
// spends most of its time per match on bookkeeping a count does not need
// (merging posting lists one document at a time, building a Document for
// each), so for queries made of terms and boolean operators the match set
// is computed here straight from the posting lists, a word of 64 documents
// at a time. Anything else (phrases, value ranges) is left to the matcher.
class MatchBitmap {
 public:
  // The documents `query` matches in `db`, or nothing when the query holds
  // an operator a bitmap does not evaluate.
  static std::optional<MatchBitmap> Evaluate(const Xapian::Database& db, const Xapian::Query& query);

  // The documents `query` matches, from the posting lists where Evaluate
  // can, else from Xapian's matcher, unweighted, over at most `limit`
  // matches (phrases: an abbreviation's expansion, a quoted phrase).
  static MatchBitmap Of(const Xapian::Database& db, const Xapian::Query& query, Xapian::doccount limit);

  // An empty set over the documents of `db`.
  static MatchBitmap Empty(const Xapian::Database& db) { return MatchBitmap(db.get_lastdocid()); }

  Xapian::doccount count() const;
  bool Contains(Xapian::docid did) const {
    return did / 64 < words_.size() && (words_[did / 64] >> (did % 64) & 1) != 0;
  }
  void Insert(Xapian::docid did) { words_[did / 64] |= std::uint64_t{1} << (did % 64); }
  void IntersectWith(const MatchBitmap& other);

  // Calls f(docid) for every document in the set, in ascending order.
  template <typename F>
  void ForEach(F&& f) const {
    for (std::size_t w = 0; w < words_.size(); ++w) {
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1) {
        f(static_cast<Xapian::docid>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits))));
      }
    }
  }

 private:
  explicit MatchBitmap(Xapian::docid last) : words_(last / 64 + 1, 0) {}
  static std::optional<MatchBitmap> OfPostings(const Xapian::Database& db, const Xapian::Query& query,
                                               Xapian::docid last);

  std::vector<std::uint64_t> words_;  // bit d of the set is document d
};

}  // namespace tinhgon
