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

  Xapian::doccount count() const;

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
  static std::optional<MatchBitmap> Of(const Xapian::Database& db, const Xapian::Query& query, Xapian::docid last);

  std::vector<std::uint64_t> words_;  // bit d of the set is document d
};

}  // namespace tinhgon
