#include "search/diacritics_restorer.h"

#include <algorithm>
#include <vector>

#include "analyzers/analyzer.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "search/query_parser.h"

namespace tinhgon {
namespace {

// Free-text terms are unprefixed and start with a lower-case letter or a
// digit; boolean and pair terms start with an upper-case prefix.
bool IsWordTerm(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// A Vietnamese syllable is at most 7 letters unaccented ("nghiêng"), at
// most ~20 bytes with marks: longer terms are never worth suggesting.
constexpr std::size_t kMaxSyllableBytes = 24;

// Of each hit, the text read for a reading: its opening, where a news
// report says what it is about; bounds the work on very long reports.
constexpr std::size_t kReadBytes = 1024;

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

// The words of an analyzed query that a reading may spell: written tokens
// outside operators and field filters. Nothing when one has marks.
std::optional<std::vector<const Token*>> UnmarkedWords(const Analysis& analysis) {
  const std::vector<std::pair<std::size_t, std::size_t>> syntax = SyntaxSpans(analysis.text);
  std::vector<const Token*> words;
  for (const Token* t : WrittenTokens(analysis.tokens)) {
    bool in_syntax = false;
    for (const auto& [begin, end] : syntax) in_syntax = in_syntax || (t->start >= begin && t->end <= end);
    if (in_syntax) continue;
    if (t->has_marks()) return std::nullopt;
    words.push_back(t);
  }
  return words;
}

// `query` with each word of UnmarkedWords replaced by choose(folded word),
// or kept where that is empty; nothing when no word changes.
template <typename Choose>
std::optional<std::string> Replace(const Analyzer& analyzer, const std::string& query, Choose&& choose) {
  const Analysis analysis = analyzer.Analyze(query);
  std::optional<std::vector<const Token*>> words = UnmarkedWords(analysis);
  if (!words || words->empty()) return std::nullopt;
  std::string restored;
  std::size_t cursor = 0;
  bool changed = false;
  for (const Token* t : *words) {
    std::string_view form = t->type == TokenType::kWord ? choose(t->term) : std::string_view();
    if (form.empty()) continue;
    restored += analysis.text.substr(cursor, t->start - cursor);
    restored += form;
    changed = true;
    cursor = t->end;
  }
  restored += analysis.text.substr(cursor);
  if (!changed) return std::nullopt;
  return restored;
}

// The text up to kReadBytes, cut between words: half a syllable ("cô" of
// "công") would count as a form of another word.
std::string_view Opening(std::string_view text) {
  if (text.size() <= kReadBytes) return text;
  const std::size_t space = text.find_last_of(" \n\t", kReadBytes);
  return text.substr(0, space == std::string_view::npos ? 0 : space);
}

// How the texts write one word of the query: per form, the hits writing it
// beside a neighbour of the query, and the hits writing it anywhere.
struct FormSeen {
  std::size_t in_context = 0, anywhere = 0;
};

// The words typed just before and just after a word of the query.
struct Neighbours {
  std::set<std::string> before, after;
};

// A text's share of the evidence, each hit counted once per form: a form
// is in context where the word before it is one typed before it, or the
// word after it one typed after it ("văn phòng" for "van phong", not the
// "phòng vẫn" that follows it).
void Read(const std::vector<const Token*>& tokens, const std::map<std::string, Neighbours>& neighbours,
          std::map<std::string, std::map<std::string, FormSeen>>* seen) {
  std::set<std::pair<std::string, std::string>> in_context, anywhere;  // (folded, form) this text holds
  for (std::size_t j = 0; j < tokens.size(); ++j) {
    auto wanted = neighbours.find(tokens[j]->folded);
    if (wanted == neighbours.end()) continue;
    const std::pair<std::string, std::string> form{tokens[j]->folded, tokens[j]->term};
    anywhere.insert(form);
    const bool left = j > 0 && tokens[j - 1]->position + 1 == tokens[j]->position &&
                      wanted->second.before.count(tokens[j - 1]->folded);
    const bool right = j + 1 < tokens.size() && tokens[j]->position + 1 == tokens[j + 1]->position &&
                       wanted->second.after.count(tokens[j + 1]->folded);
    if (left || right) in_context.insert(form);
  }
  for (const auto& [folded, form] : anywhere) ++(*seen)[folded][form].anywhere;
  for (const auto& [folded, form] : in_context) ++(*seen)[folded][form].in_context;
}

}  // namespace

bool HasWordsToRead(const Analyzer& analyzer, const std::string& query) {
  const Analysis analysis = analyzer.Analyze(query);
  const std::optional<std::vector<const Token*>> words = UnmarkedWords(analysis);
  return words && !words->empty();
}

std::optional<std::string> RestoreDiacritics(const Analyzer& analyzer, const SuggestionTable& table,
                                             const std::string& query,
                                             const std::function<bool(const std::string&)>& unmarked_more_often) {
  return Replace(analyzer, query, [&](const std::string& folded) {
    std::string_view best = table.Best(folded);
    return best.empty() || unmarked_more_often(folded) ? std::string_view() : best;
  });
}

std::optional<std::string> ReadFromTexts(const Analyzer& analyzer, const std::vector<std::string_view>& texts,
                                         const std::string& query, std::map<std::string, std::string>* read) {
  const Analysis analysis = analyzer.Analyze(query);
  const std::optional<std::vector<const Token*>> words = UnmarkedWords(analysis);
  if (!words || words->empty()) return std::nullopt;
  // Each word's neighbours in the query (none for a word alone).
  std::map<std::string, Neighbours> neighbours;
  for (std::size_t k = 0; k < words->size(); ++k) {
    const Token* t = (*words)[k];
    if (t->type != TokenType::kWord) continue;
    Neighbours& beside = neighbours[t->folded];
    if (k > 0 && (*words)[k - 1]->position + 1 == t->position) beside.before.insert((*words)[k - 1]->folded);
    if (k + 1 < words->size() && t->position + 1 == (*words)[k + 1]->position) beside.after.insert((*words)[k + 1]->folded);
  }
  std::map<std::string, std::map<std::string, FormSeen>> seen;
  for (std::string_view text : texts) {
    const Analysis hit = analyzer.Analyze(Opening(text));
    Read(WrittenTokens(hit.tokens), neighbours, &seen);
  }
  auto more = [](const FormSeen& a, const FormSeen& b) {
    return a.in_context != b.in_context ? a.in_context > b.in_context : a.anywhere > b.anywhere;
  };
  for (const auto& [folded, forms] : seen) {
    // The form seen most; as typed when another is seen as much.
    const std::string* best = nullptr;
    bool tied = false;
    for (const auto& [form, n] : forms) {
      if (best && !more(n, forms.at(*best))) {
        tied = tied || !more(forms.at(*best), n);
        continue;
      }
      best = &form;
      tied = false;
    }
    (*read)[folded] = best && !tied ? *best : folded;
  }
  return Replace(analyzer, query, [&](const std::string& folded) -> std::string_view {
    auto it = read->find(folded);
    return it == read->end() || it->second == folded ? std::string_view() : std::string_view(it->second);
  });
}

}  // namespace tinhgon
