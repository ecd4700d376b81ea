// Finds known phrases (agency names, event triggers, units) in a token list.
//
// Thread safety: Add builds the matcher and must not overlap any other call;
// once the last phrase is added, MatchAt and FindAll may run from any number
// of threads at once.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "analyzers/token.h"

namespace tinhgon {

// The tokens of a text without abbreviation expansions: what the text says.
std::vector<const Token*> WrittenTokens(const std::vector<Token>& tokens);

// Phrases are sequences of analysis-chain terms, so matching ignores case and
// tone-mark style just as search does. Matches never span a gap in positions.
class PhraseMatcher {
 public:
  struct Match {
    std::size_t begin = 0;  // index of the first token
    std::size_t end = 0;    // one past the last token
    int id = 0;
  };

  void Add(std::vector<std::string> terms, int id);

  // Longest phrase starting at `i`, if any.
  bool MatchAt(const std::vector<const Token*>& tokens, std::size_t i, Match* match) const;

  // Longest, non-overlapping matches from left to right.
  std::vector<Match> FindAll(const std::vector<const Token*>& tokens) const;

 private:
  struct Phrase {
    std::vector<std::string> terms;
    int id;
  };
  std::unordered_map<std::string, std::vector<Phrase>> by_first_;  // longest first
};

}  // namespace tinhgon
