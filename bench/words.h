// How the benchmarks hand a query to the peer engines.
#pragma once

#include <string>
#include <vector>

namespace tinhgon::bench {

// The words of a query as a peer engine is given them: letters and digits
// only (engines' query syntaxes differ; the words are what is compared).
inline std::vector<std::string> PlainWords(const std::string& q) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : q) {
    const bool part = c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    if (part) {
      word += static_cast<char>(c);
    } else if (!word.empty()) {
      words.push_back(word);
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(word);
  return words;
}

}  // namespace tinhgon::bench
