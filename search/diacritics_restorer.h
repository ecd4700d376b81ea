// "Did you mean": the form with diacritics of a query typed without them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include <xapian.h>

namespace tinhgon {

class Analyzer;

// For every unaccented word of one revision of the index, the written form
// with marks that most reports hold: "van" -> "văn", "phong" -> "phòng".
// Built once per revision, on the first suggestion it is asked for (one
// pass over the term list), so a suggestion costs one look-up per query
// word, however the query is written. Immutable once built: safe to share between threads.
class SuggestionTable {
 public:
  explicit SuggestionTable(const Xapian::Database& db);

  // The most frequent marked form of `folded`, or empty when the index holds
  // the word only without marks (or not at all).
  std::string_view Best(std::string_view folded) const;
  std::size_t size() const { return best_.size(); }

 private:
  struct Form {
    std::string term;
    Xapian::doccount count = 0;
  };
  std::unordered_map<std::string, Form> best_;
};

// `query` with each unaccented word replaced by its form in `table`
// ("hop nhat van phong" -> "hợp nhất văn phòng"); words that already have
// marks, numbers and codes are kept as typed. Empty when nothing changes,
// or when the user typed marks anywhere (they know how to write them).
std::optional<std::string> RestoreDiacritics(Analyzer& analyzer, const SuggestionTable& table,
                                             const std::string& query);

}  // namespace tinhgon
