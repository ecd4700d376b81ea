#include "search/diacritics_restorer.h"

#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"

namespace tinhgon {
namespace {

// The letters an unaccented Latin letter can stand for in Vietnamese.
std::vector<std::string> Letters(char c) {
  switch (c) {
    case 'a': return {"a", "ă", "â"};
    case 'e': return {"e", "ê"};
    case 'o': return {"o", "ô", "ơ"};
    case 'u': return {"u", "ư"};
    case 'd': return {"d", "đ"};
    default: return {std::string(1, c)};
  }
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

// Combining tone marks, appended after a vowel; NFC in the chain composes them.
const char* const kTones[] = {"\xCC\x80", "\xCC\x81", "\xCC\x83", "\xCC\x89", "\xCC\xA3"};

void Expand(const std::string& word, std::size_t i, std::string prefix, std::vector<std::string>* out) {
  if (out->size() > 2000) return;  // a long foreign word: give up rather than explode
  if (i == word.size()) {
    out->push_back(prefix);
    return;
  }
  for (const std::string& letter : Letters(word[i])) Expand(word, i + 1, prefix + letter, out);
}

std::string BestForm(Analyzer& analyzer, const Xapian::Database& db, const std::string& word) {
  if (word.size() > 7 || word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos) return word;
  std::vector<std::string> bases;
  Expand(word, 0, "", &bases);
  // Folded forms share the term space, so the typed word's own count includes
  // every variant: candidates compete among themselves, and the word stays as
  // typed only when none of them occurs.
  std::string best = word;
  Xapian::doccount best_count = 0;
  for (const std::string& base : bases) {
    // No tone, or one tone on any vowel: the chain moves it where it belongs.
    std::vector<std::string> candidates = {base};
    for (std::size_t at = 0; at < base.size();) {
      std::size_t next = at + 1;
      while (next < base.size() && (static_cast<unsigned char>(base[next]) & 0xC0) == 0x80) ++next;
      bool vowel = IsVowel(base[at]) || static_cast<unsigned char>(base[at]) >= 0x80;  // ă â ê ô ơ ư
      if (vowel && base.substr(at, next - at) != "đ") {
        for (const char* tone : kTones) candidates.push_back(base.substr(0, next) + tone + base.substr(next));
      }
      at = next;
    }
    for (const std::string& candidate : candidates) {
      const Analysis analysis = analyzer.Analyze(candidate);
      std::vector<const Token*> tokens = WrittenTokens(analysis.tokens);
      if (tokens.size() != 1 || !tokens[0]->has_marks()) continue;
      Xapian::doccount count = db.get_termfreq(tokens[0]->term);
      if (count > best_count) best = tokens[0]->term, best_count = count;
    }
  }
  return best;
}

}  // namespace

std::optional<std::string> RestoreDiacritics(Analyzer& analyzer, const Xapian::Database& db,
                                             const std::string& query) {
  const Analysis analysis = analyzer.Analyze(query);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.empty()) return std::nullopt;
  for (const Token* t : words) {
    if (t->has_marks()) return std::nullopt;  // the user types with marks: nothing to restore
  }
  std::string restored;
  std::size_t cursor = 0;
  bool changed = false;
  for (const Token* t : words) {
    std::string form = t->type == TokenType::kWord ? BestForm(analyzer, db, t->term) : t->term;
    changed = changed || form != t->term;
    restored += analysis.text.substr(cursor, t->start - cursor);
    restored += form == t->term ? analysis.text.substr(t->start, t->end - t->start) : form;
    cursor = t->end;
  }
  restored += analysis.text.substr(cursor);
  if (!changed) return std::nullopt;
  return restored;
}

}  // namespace tinhgon
