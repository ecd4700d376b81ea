#include "analyzers/abbreviation_expander.h"

#include <stdexcept>

namespace tinhgon {
namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  std::size_t start = 0;
  while (true) {
    std::size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? tab : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace

AbbreviationExpander::AbbreviationExpander(std::string_view tsv, const PhraseAnalyzer& analyze) {
  std::unordered_map<std::string, int> folded_count;
  std::vector<std::string> folded_keys;
  int line_number = 0;
  while (!tsv.empty()) {
    std::size_t newline = tsv.find('\n');
    std::string_view line = tsv.substr(0, newline);
    tsv.remove_prefix(newline == std::string_view::npos ? tsv.size() : newline + 1);
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line.front() == '#') continue;

    auto fail = [&](const std::string& why) {
      throw std::invalid_argument("abbreviations line " + std::to_string(line_number) + ": " + why);
    };
    std::vector<std::string_view> fields = SplitTabs(line);
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
    if (!by_term_.emplace(key[0].term, entries_.size()).second) {
      fail("duplicate abbreviation '" + std::string(fields[0]) + "'");
    }
    ++folded_count[key[0].folded];
    folded_keys.push_back(entry.capitals_only ? std::string() : key[0].folded);
    entries_.push_back(std::move(entry));
  }
  for (std::size_t i = 0; i < folded_keys.size(); ++i) {
    const std::string& folded = folded_keys[i];
    if (!folded.empty() && folded_count[folded] == 1) by_folded_.emplace(folded, i);
  }
}

const AbbreviationExpander::Entry* AbbreviationExpander::Find(const Token& token) const {
  if (token.expansion || token.type == TokenType::kNumber || token.type == TokenType::kDate) {
    return nullptr;
  }
  auto exact = by_term_.find(token.term);
  if (exact != by_term_.end()) {
    const Entry& entry = entries_[exact->second];
    if (!entry.capitals_only || token.all_caps) return &entry;
    return nullptr;
  }
  if (token.has_marks()) return nullptr;  // "đa" must not become "ĐA"'s expansion via "da"
  auto folded = by_folded_.find(token.folded);
  return folded == by_folded_.end() ? nullptr : &entries_[folded->second];
}

void AbbreviationExpander::Apply(std::vector<Token>* tokens) const {
  std::vector<Token> out;
  bool expanded = false;
  for (std::size_t i = 0; i < tokens->size(); ++i) {
    const Token& token = (*tokens)[i];
    const Entry* entry = Find(token);
    if (entry == nullptr) {
      if (expanded) out.push_back(std::move((*tokens)[i]));
      continue;
    }
    if (!expanded) {
      out.reserve(tokens->size() + 16);
      out.assign(std::make_move_iterator(tokens->begin()),
                 std::make_move_iterator(tokens->begin() + static_cast<std::ptrdiff_t>(i)));
      expanded = true;
    }
    Token source = std::move((*tokens)[i]);
    std::uint32_t position = source.position;
    std::uint32_t start = source.start, end = source.end;
    out.push_back(std::move(source));
    for (std::size_t k = 0; k < entry->expansion.size(); ++k) {
      Token word = entry->expansion[k];
      word.position = position + static_cast<std::uint32_t>(k);
      word.start = start;
      word.end = end;
      out.push_back(std::move(word));
    }
  }
  if (expanded) *tokens = std::move(out);
}

}  // namespace tinhgon
