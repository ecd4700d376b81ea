#include "search/diacritics_restorer.h"

#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/metadata/phrase_matcher.h"

namespace tinhgon {
namespace {

// Free-text terms are unprefixed and start with a lower-case letter or a
// digit; boolean and pair terms start with an upper-case prefix.
bool IsWordTerm(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// A Vietnamese syllable is at most 7 letters unaccented ("nghiêng"), at
// most ~20 bytes with marks: longer terms are never worth suggesting.
constexpr std::size_t kMaxSyllableBytes = 24;

}  // namespace

SuggestionTable::SuggestionTable(const Xapian::Database& db) {
  std::string folded;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string& term = *t;
    if (!IsWordTerm(term) || term.size() > kMaxSyllableBytes) continue;
    bool ascii = true;
    for (unsigned char c : term) ascii = ascii && c < 0x80;
    if (ascii) continue;
    DiacriticFolder::FoldInto(term, &folded);
    if (folded == term) continue;
    Form& best = best_[folded];
    const Xapian::doccount count = t.get_termfreq();
    // Equal counts go to the smaller term, so a build is deterministic.
    if (count > best.count || (count == best.count && term < best.term)) best = {term, count};
  }
}

std::string_view SuggestionTable::Best(std::string_view folded) const {
  auto it = best_.find(std::string(folded));
  return it == best_.end() ? std::string_view() : std::string_view(it->second.term);
}

std::optional<std::string> RestoreDiacritics(Analyzer& analyzer, const SuggestionTable& table,
                                             const std::string& query) {
  const Analysis analysis = analyzer.Analyze(query);
  std::vector<const Token*> words = WrittenTokens(analysis.tokens);
  if (words.empty()) return std::nullopt;
  for (const Token* t : words) {
    if (t->has_marks()) return std::nullopt;
  }
  std::string restored;
  std::size_t cursor = 0;
  bool changed = false;
  for (const Token* t : words) {
    std::string_view form = t->type == TokenType::kWord ? table.Best(t->term) : std::string_view();
    restored += analysis.text.substr(cursor, t->start - cursor);
    if (form.empty()) {
      restored += analysis.text.substr(t->start, t->end - t->start);
    } else {
      restored += form;
      changed = true;
    }
    cursor = t->end;
  }
  restored += analysis.text.substr(cursor);
  if (!changed) return std::nullopt;
  return restored;
}

}  // namespace tinhgon
