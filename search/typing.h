// Queries typed as people type: Vietnamese keyed in Telex or VNI with the
// input method off ("saps nhaapj", "sa1p nha65p"), and slips of one key
// ("hop nhat van phogn").
//
// Thread safety: the decoders and CorrectTyping keep no state and may run
// from any number of threads at once, sharing one Analyzer (but not one
// Xapian::Database, which is not thread-safe); a SlipTable is immutable once
// built.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace tinhgon {

class Analyzer;

// The word a Telex or VNI key sequence spells, with its marks as combining
// characters (the analysis chain composes them and places the tone mark),
// or nothing when the sequence uses no key of that method or is not one
// syllable's worth of keys ("saps" -> "sáp", "nhaapj" -> "nhập",
// "dduowngf" -> "đường"; "sa1p" -> "sáp", "nha65p" -> "nhập").
std::optional<std::string> DecodeTelex(std::string_view keys);
std::optional<std::string> DecodeVni(std::string_view keys);

// The unaccented words of one revision of the index, for finding the word a
// slip was meant to be: every folded word of 2 to 7 letters (a syllable's
// length) that at least kMinFrequency reports hold, every longer word up to
// kLongestWord letters (a name or a foreign word: "rhodophyte", "zuckerberg")
// that any report holds, and the words one letter shorter each gives (the
// symmetric-deletion scheme), so a look-up is a few binary searches, not a
// scan.
// A long word is one slip from few others, so one report is evidence
// enough; a short one is one slip from many, and a word that few reports
// hold is as likely a slip itself. Built once per revision; immutable, so
// safe to share between threads.
class SlipTable {
 public:
  static constexpr Xapian::doccount kMinFrequency = 3;
  static constexpr std::size_t kLongestSyllable = 7;
  static constexpr std::size_t kLongestWord = 24;

  explicit SlipTable(const Xapian::Database& db);

  // The most frequent word one slip away from `folded` (a letter dropped,
  // doubled or added, two letters swapped, or a key next to the right one on
  // a QWERTY keyboard), or empty when there is none; `frequency` receives
  // how many reports hold it.
  std::string_view Nearest(std::string_view folded, Xapian::doccount* frequency = nullptr) const;
  // Every word one slip away, most frequent first.
  std::vector<std::string_view> Neighbours(std::string_view folded) const;
  std::size_t size() const { return words_.size(); }

 private:
  struct Word {
    std::string text;
    Xapian::doccount frequency = 0;
  };
  // A word less one letter, hashed, and the word it was made from. Hashes
  // stand in for the strings (8 bytes an entry instead of a node and two
  // heap blocks): a table of a few hundred thousand words has over a million
  // of them. Two keys may share a hash, so every word found is checked
  // against the word looked up.
  struct Deletion {
    std::uint32_t key;
    std::uint32_t word;  // position in words_
    bool operator<(const Deletion& other) const { return key < other.key; }
  };

  void AddWords(const Xapian::Database& db, const std::string& prefix);
  // Neighbours' positions in words_, most frequent first.
  std::vector<std::uint32_t> NeighbourPositions(std::string_view folded) const;
  // The position of `text` in words_ (sorted, as the term list is), if held.
  std::optional<std::uint32_t> Find(std::string_view text) const;
  // The words filed under `less_one_letter` (candidates, not yet checked).
  std::vector<std::uint32_t> Filed(std::string_view less_one_letter) const;

  std::vector<Word> words_;           // sorted by text
  std::vector<Deletion> deletions_;   // sorted by key
};

struct Correction {
  enum class Kind { kTelex, kVni, kSlip };
  std::string from;  // as typed
  std::string to;    // as searched
  Kind kind = Kind::kSlip;
  // The word is searched as typed *or* as `to`: a few reports hold it, but
  // kFarLess times fewer than the word one slip away ("trmp" for "trump").
  bool expanded = false;
  // Expanded for its neighbours, not for being rare: a word many reports
  // hold ("gao", "loan") that seldom stands beside the words typed next to
  // it. It may well be meant, so it keeps its own weight beside `to`'s,
  // where a rare slip and `to` weigh as one word.
  bool in_context = false;
};

// An unaccented word that at most kRareReports reports hold (or one in
// 10,000), and this many times fewer than the word one slip away, is
// searched as either.
inline constexpr Xapian::doccount kFarLess = 20;
inline constexpr Xapian::doccount kRareReports = 3;
// Context: a word that stands beside a word typed next to it in fewer than
// kWeakPair reports is checked against kContextCandidates words one slip
// away (the most frequent first); one that stands beside its neighbours
// kContextGain times as often is searched too, for at most kContextRounds
// words of a query.
inline constexpr Xapian::doccount kWeakPair = 5;
inline constexpr std::size_t kContextCandidates = 30;
inline constexpr double kContextGain = kFarLess;
inline constexpr int kContextRounds = 2;
// Counts of reports where a slip's candidate stands with the words around it
// (an AND of up to four pair terms each), at most this many a query: a word
// whose candidates would go past it is decided by its pairs' frequencies.
inline constexpr int kJointCounts = 64;

// A query with its mistyped words replaced by what the index holds. A word
// no report holds is replaced: by its Telex or VNI reading when reports hold
// that, else by the nearest word one slip away. An unaccented word far rarer
// than its nearest slip is kept and expanded (Correction::expanded), which
// the query builder does. Words in quotes, field values and operators are
// kept as typed, so quoting a word searches for it exactly as written;
// punctuation around a word stays where it is. A word that seldom stands
// beside the words typed next to it, while a word one slip away often does,
// is expanded to that word too. `slips` is asked for its table only when a word
// needs it, so a query of known words never builds one.
std::string CorrectTyping(const Analyzer& analyzer, const Xapian::Database& db,
                          const std::function<const SlipTable&()>& slips, const std::string& query,
                          std::vector<Correction>* corrections);

// A word as typed, without marks and in lower case: the term the typing
// step looks up, and the key of a Correction's `from` ("Zukerberg" ->
// "zukerberg").
std::string TypedTerm(std::string_view word);

// "telex", "vni", "slip": the kind's name in the API.
const char* KindName(Correction::Kind kind);

}  // namespace tinhgon
