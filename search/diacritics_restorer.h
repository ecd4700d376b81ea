// "Did you mean": the form with diacritics of a query typed without them.
//
// Thread safety: a SuggestionTable is immutable once built; the functions
// keep no state and may run from any number of threads at once, sharing one
// Analyzer (but not one Xapian::Database, which is not thread-safe).
#pragma once

#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <xapian.h>

namespace tinhgon {

class Analyzer;

// For every unaccented word of one revision of the index, the written forms
// with marks the reports hold, most frequent first: "van" -> "văn", "vấn",
// "vận"…; "phong" -> "phòng", "phong"…
// Built once per revision, on the first suggestion it is asked for (one
// pass over the term list), so a suggestion costs one look-up per query
// word, however the query is written. Immutable once built: safe to share between threads.
class SuggestionTable {
 public:
  explicit SuggestionTable(const Xapian::Database& db);

  struct Form {
    std::string term;
    Xapian::doccount count = 0;
  };

  // The most frequent marked form of `folded`, or empty when the index holds
  // the word only without marks (or not at all).
  std::string_view Best(std::string_view folded) const;
  // Every marked form of `folded`, most frequent first; empty when none.
  const std::vector<Form>& Forms(std::string_view folded) const;
  std::size_t size() const { return forms_.size(); }

 private:
  std::unordered_map<std::string, std::vector<Form>> forms_;
};

// `query` with each unaccented word replaced by its form in `table`
// ("hop nhat van phong" -> "hợp nhất văn phòng"); words that already have
// marks, numbers and codes are kept as typed. Empty when nothing changes,
// or when the user typed marks anywhere (they know how to write them).
std::optional<std::string> RestoreDiacritics(const Analyzer& analyzer, const SuggestionTable& table,
                                             const std::string& query);

// The reading of an unaccented query that its hits make likely: each
// unaccented word replaced by the marked form most hits hold ("sap nhap" ->
// "sáp nhập" where the hits are about mergers, "sắp xếp" where the other
// word is "xep"); ties go to the form more reports hold, and a word no hit
// holds in a marked form stays as typed. `held(term)` says how many hits
// hold a form; it is asked only of FormsToRead(query), which the caller can
// look up all at once. `read` receives the folded forms of the words
// replaced. Empty when nothing changes or the user typed marks.
std::optional<std::string> RestoreFromHits(const Analyzer& analyzer, const SuggestionTable& table,
                                           const std::function<std::size_t(const std::string&)>& held,
                                           const std::string& query, std::set<std::string>* read);
// Every marked form RestoreFromHits may weigh for `query`.
std::set<std::string> FormsToRead(const Analyzer& analyzer, const SuggestionTable& table, const std::string& query);

}  // namespace tinhgon
