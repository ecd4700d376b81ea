// "Did you mean": the form with diacritics of a query typed without them.
//
// Thread safety: a SuggestionTable is immutable once built; the functions
// keep no state and may run from any number of threads at once, sharing one
// Analyzer (but not one Xapian::Database, which is not thread-safe).
#pragma once

#include <functional>
#include <map>
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

// Both readings below change words only: operators and field filters
// (query_parser.h, SyntaxSpans) stay as typed, so the suggestion searches
// what the query searched. Both are empty when nothing changes, or when the
// user typed marks in a word (they know how to write them).

// `query` with each unaccented word replaced by its most frequent marked
// form in `table` ("hop nhat van phong" -> "hợp nhất văn phòng"), unless
// `unmarked_more_often(folded)`: the reports write it without marks more
// often ("an" in "công an", "tinh" in "tinh gọn"). Numbers and codes stay.
std::optional<std::string> RestoreDiacritics(const Analyzer& analyzer, const SuggestionTable& table,
                                             const std::string& query,
                                             const std::function<bool(const std::string&)>& unmarked_more_often);

// The query has words a reading may spell: some, and none with marks.
bool HasWordsToRead(const Analyzer& analyzer, const std::string& query);

// The reading of an unaccented query that the texts of its best hits show:
// each word read as those texts write it where it stands beside the word
// typed next to it in the query ("van phong" -> "văn phòng", though "vẫn"
// is more frequent; "sap nhap" -> "sáp nhập", "sap xep" -> "sắp xếp"; "cong
// an" -> "công an"), counted in hits, then anywhere in them; a word with no
// neighbour, or never seen beside it, by where it stands at all; a tie
// keeps the word as typed. `read` receives, per folded word the texts hold,
// the form read (unmarked too).
std::optional<std::string> ReadFromTexts(const Analyzer& analyzer, const std::vector<std::string_view>& texts,
                                         const std::string& query, std::map<std::string, std::string>* read);

}  // namespace tinhgon
