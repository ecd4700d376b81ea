// Stage 6 of the analysis chain: administrative abbreviations → full forms.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyzers/token_filter.h"

namespace tinhgon {

// After each abbreviation ("UBND") it adds the tokens of its full form ("ủy ban
// nhân dân") at consecutive positions starting at the abbreviation's own, marked
// as expansions and carrying the abbreviation's offsets. Indexing the expansion
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
    std::vector<Token> expansion;
    bool capitals_only = false;
  };
  const Entry* Find(const Token& token) const;

  std::vector<Entry> entries_;
  std::unordered_map<std::string, std::size_t> by_term_;
  std::unordered_map<std::string, std::size_t> by_folded_;
};

}  // namespace tinhgon
