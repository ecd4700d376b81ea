// Stage 6 of the analysis chain: administrative abbreviations → full forms.
#pragma once

#include <bitset>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/token_filter.h"

namespace tinhgon {

// For each abbreviation ("UBND") it appends the tokens of its full form ("ủy
// ban nhân dân") after the text's own tokens, at consecutive positions starting
// at the abbreviation's own, marked as expansions and carrying the
// abbreviation's offsets (so a highlighter marks "UBND" for a match on "ủy"). Indexing the expansion
// makes a report that only writes "UBND" match the words of the full form; the
// query side receives the same expansion and ORs it with the abbreviation, so
// either form finds both.
//
// The list is data (abbreviations.tsv: abbreviation, full form, optional flag
// "caps"), not code. An entry flagged "caps" only expands where written in
// capitals, for abbreviations that are also everyday words ("TU" tỉnh ủy vs
// "tu"). An unaccented term also matches an abbreviation with marks ("hdnd" →
// HĐND) when no other entry folds to the same letters.
class AbbreviationExpander final : public TokenFilter {
 public:
  // Runs a phrase through the chain stages before this one, so the list is
  // matched in exactly the form the text arrives in.
  using PhraseAnalyzer = std::function<std::vector<Token>(std::string_view)>;

  // Throws std::invalid_argument naming the line of a malformed or duplicate entry.
  AbbreviationExpander(std::string_view tsv, const PhraseAnalyzer& analyze);

  void Apply(std::vector<Token>* tokens) const override;

  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    std::string term;  // the abbreviation as the chain writes it: "hđnd"
    std::vector<Token> expansion;
    bool capitals_only = false;
  };
  const Entry* Find(const Token& token) const;
  static std::size_t Sketch(const std::string& folded);

  std::vector<Entry> entries_;
  // Entries by the folded form of their abbreviation: one lookup per token
  // finds both exact matches and candidates for an unaccented term.
  std::unordered_multimap<std::string, std::size_t> by_folded_;
  // Sketches (length, first and last byte) of every key: most tokens fail this
  // bit test and never pay for hashing a string.
  std::bitset<4096> sketches_;
};

}  // namespace tinhgon
