#include "analyzers/abbreviation_expander.h"

#include <stdexcept>

#include "analyzers/data_file.h"

namespace tinhgon {
AbbreviationExpander::AbbreviationExpander(std::string_view tsv, const PhraseAnalyzer& analyze) {
  for (const DataLine& line : ReadDataLines(tsv)) {
    auto fail = [&](const std::string& why) {
      throw std::invalid_argument("abbreviations line " + std::to_string(line.number) + ": " + why);
    };
    const std::vector<std::string_view>& fields = line.fields;
    if (fields.size() < 2 || fields.size() > 3) fail("expected abbreviation<TAB>full form[<TAB>caps]");
    Entry entry;
    if (fields.size() == 3) {
      if (fields[2] != "caps") fail("unknown flag '" + std::string(fields[2]) + "'");
      entry.capitals_only = true;
    }
    std::vector<Token> key = analyze(fields[0]);
    if (key.size() != 1) fail("abbreviation '" + std::string(fields[0]) + "' is not one token");
    entry.expansion = analyze(fields[1]);
    if (entry.expansion.empty()) fail("empty full form");
    for (Token& token : entry.expansion) {
      token.expansion = true;
      token.all_caps = false;
    }
    auto [first, last] = by_folded_.equal_range(key[0].folded);
    for (auto it = first; it != last; ++it) {
      if (entries_[it->second].term == key[0].term) {
        fail("duplicate abbreviation '" + std::string(fields[0]) + "'");
      }
    }
    entry.term = key[0].term;
    by_folded_.emplace(key[0].folded, entries_.size());
    sketches_.set(Sketch(key[0].folded));
    entries_.push_back(std::move(entry));
  }
}

std::size_t AbbreviationExpander::Sketch(const std::string& folded) {
  if (folded.empty()) return 0;
  auto first = static_cast<unsigned char>(folded.front());
  auto last = static_cast<unsigned char>(folded.back());
  return (first * 31u + last * 7u + folded.size() * 131u) % 4096u;
}

const AbbreviationExpander::Entry* AbbreviationExpander::Find(const Token& token) const {
  if (!sketches_.test(Sketch(token.folded))) return nullptr;
  if (token.expansion || token.type == TokenType::kNumber || token.type == TokenType::kDate) {
    return nullptr;
  }
  auto [first, last] = by_folded_.equal_range(token.folded);
  if (first == last) return nullptr;
  const Entry* unaccented_match = nullptr;
  int candidates = 0;
  for (auto it = first; it != last; ++it) {
    const Entry& entry = entries_[it->second];
    if (entry.term == token.term) {
      return !entry.capitals_only || token.all_caps ? &entry : nullptr;
    }
    ++candidates;
    if (!entry.capitals_only) unaccented_match = &entry;
  }
  // An unaccented term stands for an abbreviation with marks only when no
  // other entry folds to the same letters ("da" could be "ĐA" or "DA"), and a
  // term with marks stands only for itself ("đa" is not "ĐA").
  if (token.has_marks() || candidates != 1) return nullptr;
  return unaccented_match;
}

void AbbreviationExpander::Apply(std::vector<Token>* tokens) const {
  // Appended after the text's own tokens rather than inserted beside their
  // source: inserting moved every later token, a visible cost on long reports.
  const std::size_t original = tokens->size();
  for (std::size_t i = 0; i < original; ++i) {
    const Entry* entry = Find((*tokens)[i]);
    if (entry == nullptr) continue;
    const std::uint32_t position = (*tokens)[i].position;
    const std::uint32_t start = (*tokens)[i].start, end = (*tokens)[i].end;
    for (std::size_t k = 0; k < entry->expansion.size(); ++k) {
      tokens->push_back(entry->expansion[k]);
      Token& word = tokens->back();
      word.position = position + static_cast<std::uint32_t>(k);
      word.start = start;
      word.end = end;
    }
  }
}

}  // namespace tinhgon
