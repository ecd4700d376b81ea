#include "search/diacritics_restorer.h"

#include <algorithm>
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
  // The term list by first byte, all but the capitals that begin prefixed
  // terms: those are 15 of every 16 terms (syllable pairs mostly), and over
  // a remote shard a term list travels whole (35k reports: 0.5 s instead of
  // 5.5 over loopback; 13 ms instead of 63 on disk).
  std::string folded;
  for (int first = 0; first < 256; ++first) {
    if (first >= 'A' && first <= 'Z') continue;
    const std::string prefix(1, static_cast<char>(first));
    for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
      const std::string& term = *t;
      if (!IsWordTerm(term) || term.size() > kMaxSyllableBytes) continue;
      bool ascii = true;
      for (unsigned char c : term) ascii = ascii && c < 0x80;
      if (ascii) continue;
      DiacriticFolder::FoldInto(term, &folded);
      if (folded == term) continue;
      forms_[folded].push_back({term, t.get_termfreq()});
    }
  }
  // Most frequent first; equal counts by term, so a build is deterministic.
  for (auto& [folded_form, forms] : forms_) {
    std::sort(forms.begin(), forms.end(), [](const Form& a, const Form& b) {
      return a.count != b.count ? a.count > b.count : a.term < b.term;
    });
  }
}

std::string_view SuggestionTable::Best(std::string_view folded) const {
  const std::vector<Form>& forms = Forms(folded);
  return forms.empty() ? std::string_view() : std::string_view(forms.front().term);
}

const std::vector<SuggestionTable::Form>& SuggestionTable::Forms(std::string_view folded) const {
  static const std::vector<Form> kNone;
  auto it = forms_.find(std::string(folded));
  return it == forms_.end() ? kNone : it->second;
}

namespace {

// `query` with each unaccented word replaced by choose(folded word), or
// kept where that is empty; nothing when the query has marks or no word
// changes.
template <typename Choose>
std::optional<std::string> Replace(const Analyzer& analyzer, const std::string& query, Choose&& choose) {
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
    std::string_view form = t->type == TokenType::kWord ? choose(t->term) : std::string_view();
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

}  // namespace

std::optional<std::string> RestoreDiacritics(const Analyzer& analyzer, const SuggestionTable& table,
                                             const std::string& query) {
  return Replace(analyzer, query, [&](const std::string& folded) { return table.Best(folded); });
}

std::optional<std::string> RestoreFromHits(const Analyzer& analyzer, const SuggestionTable& table,
                                           const std::function<std::size_t(const std::string&)>& held,
                                           const std::string& query, std::set<std::string>* read) {
  return Replace(analyzer, query, [&](const std::string& folded) -> std::string_view {
    std::string_view best;
    std::size_t most = 0;
    for (const SuggestionTable::Form& form : table.Forms(folded)) {  // most frequent first: ties keep it
      const std::size_t holding = held(form.term);
      if (holding > most) best = form.term, most = holding;
    }
    if (!best.empty()) read->insert(folded);
    return best;
  });
}

std::set<std::string> FormsToRead(const Analyzer& analyzer, const SuggestionTable& table, const std::string& query) {
  std::set<std::string> forms;
  Replace(analyzer, query, [&](const std::string& folded) {
    for (const SuggestionTable::Form& form : table.Forms(folded)) forms.insert(form.term);
    return std::string_view();  // replace nothing: only list
  });
  return forms;
}

}  // namespace tinhgon
