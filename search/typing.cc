#include "search/typing.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"

namespace tinhgon {
namespace {

// A letter being keyed: its base and the mark a later key gave it.
struct Keyed {
  char base;
  enum Mark { kNone, kCircumflex, kBreve, kHorn, kStroke } mark = kNone;
};

// Combining marks in UTF-8: the chain's NFC stage composes them.
constexpr const char* kMarkUtf8[] = {"", "\xCC\x82", "\xCC\x86", "\xCC\x9B", ""};
// Tones 1-5: sắc, huyền, hỏi, ngã, nặng (VNI's digits, in that order).
constexpr const char* kToneUtf8[] = {"", "\xCC\x81", "\xCC\x80", "\xCC\x89", "\xCC\x83", "\xCC\xA3"};

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }
bool IsLetter(char c) { return c >= 'a' && c <= 'z'; }

int LastVowel(const std::vector<Keyed>& w) {
  for (int i = static_cast<int>(w.size()) - 1; i >= 0; --i) {
    if (IsVowel(w[static_cast<std::size_t>(i)].base)) return i;
  }
  return -1;
}

// A horn or breve key applies to the last vowel that takes it; "uo" takes
// the horn on both ("ươ"). False when no vowel takes it.
bool MarkLastVowel(std::vector<Keyed>* w, Keyed::Mark mark) {
  for (int i = static_cast<int>(w->size()) - 1; i >= 0; --i) {
    Keyed& k = (*w)[static_cast<std::size_t>(i)];
    if (!IsVowel(k.base)) continue;
    bool takes = mark == Keyed::kHorn ? (k.base == 'o' || k.base == 'u')
                 : mark == Keyed::kBreve ? k.base == 'a'
                                         : (k.base == 'a' || k.base == 'e' || k.base == 'o');
    if (!takes) continue;
    k.mark = mark;
    if (mark == Keyed::kHorn && k.base == 'o' && i > 0 && (*w)[static_cast<std::size_t>(i) - 1].base == 'u') {
      (*w)[static_cast<std::size_t>(i) - 1].mark = Keyed::kHorn;
    }
    return true;
  }
  return false;
}

// The word with its marks; the tone goes after the first vowel, and the
// chain's tone-mark stage moves it where Vietnamese writes it.
std::string Compose(const std::vector<Keyed>& w, int tone) {
  std::string out;
  bool toned = tone == 0;
  for (const Keyed& k : w) {
    if (k.mark == Keyed::kStroke) {
      out += "\xC4\x91";  // đ
      continue;
    }
    out += k.base;
    out += kMarkUtf8[k.mark];
    if (!toned && IsVowel(k.base)) {
      out += kToneUtf8[tone];
      toned = true;
    }
  }
  return out;
}

bool OneSyllable(const std::vector<Keyed>& w) {
  // Vowels in one run, at most three, and a short word: a syllable.
  int runs = 0, vowels = 0;
  for (std::size_t i = 0; i < w.size(); ++i) {
    bool vowel = IsVowel(w[i].base);
    vowels += vowel;
    if (vowel && (i == 0 || !IsVowel(w[i - 1].base))) ++runs;
  }
  return runs == 1 && vowels <= 3 && w.size() <= 8;
}

}  // namespace

std::optional<std::string> DecodeTelex(std::string_view keys) {
  std::vector<Keyed> w;
  int tone = 0;
  bool used = false;
  for (char c : keys) {
    if (!IsLetter(c)) return std::nullopt;
    const bool after_vowel = LastVowel(w) >= 0;
    if (c == 'd' && w.size() == 1 && w[0].base == 'd' && w[0].mark == Keyed::kNone) {
      w[0].mark = Keyed::kStroke;
    } else if ((c == 'a' || c == 'e' || c == 'o') && !w.empty() && w.back().base == c && w.back().mark == Keyed::kNone) {
      w.back().mark = Keyed::kCircumflex;
    } else if (c == 'w') {
      if (!after_vowel) {
        w.push_back({'u', Keyed::kHorn});  // "w" alone is "ư"
      } else if (!MarkLastVowel(&w, Keyed::kHorn) && !MarkLastVowel(&w, Keyed::kBreve)) {
        return std::nullopt;
      }
    } else if (after_vowel && (c == 's' || c == 'f' || c == 'r' || c == 'x' || c == 'j')) {
      if (tone != 0) return std::nullopt;  // two tones: not Telex
      tone = c == 's' ? 1 : c == 'f' ? 2 : c == 'r' ? 3 : c == 'x' ? 4 : 5;
    } else if (after_vowel && c == 'z') {
      tone = 0;
    } else {
      w.push_back({c});
      continue;
    }
    used = true;
  }
  if (!used || !OneSyllable(w)) return std::nullopt;
  return Compose(w, tone);
}

std::optional<std::string> DecodeVni(std::string_view keys) {
  std::vector<Keyed> w;
  int tone = 0;
  bool used = false;
  for (char c : keys) {
    if (IsLetter(c)) {
      w.push_back({c});
      continue;
    }
    if (c < '0' || c > '9' || w.empty()) return std::nullopt;
    used = true;
    if (c >= '1' && c <= '5') {
      if (tone != 0) return std::nullopt;
      tone = c - '0';
    } else if (c == '0') {
      tone = 0;
    } else if (c == '9') {
      if (w[0].base != 'd') return std::nullopt;
      w[0].mark = Keyed::kStroke;
    } else {
      Keyed::Mark mark = c == '6' ? Keyed::kCircumflex : c == '7' ? Keyed::kHorn : Keyed::kBreve;
      if (!MarkLastVowel(&w, mark)) return std::nullopt;
    }
  }
  if (!used || !OneSyllable(w)) return std::nullopt;
  return Compose(w, tone);
}

namespace {

// Rows of a QWERTY keyboard: a slip hits a key beside the right one.
bool Neighbours(char a, char b) {
  static const char* const kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  auto where = [](char c, int* row, int* col) {
    for (int r = 0; r < 3; ++r) {
      const char* p = std::strchr(kRows[r], c);
      if (p != nullptr) {
        *row = r;
        *col = static_cast<int>(p - kRows[r]);
        return true;
      }
    }
    return false;
  };
  int ra, ca, rb, cb;
  if (!where(a, &ra, &ca) || !where(b, &rb, &cb)) return false;
  return std::abs(ra - rb) <= 1 && std::abs(ca - cb) <= 1;
}

// One slip between two words of equal length: one neighbouring key, or two
// adjacent letters swapped.
bool OneSlipApart(std::string_view typed, std::string_view word) {
  std::size_t first = 0;
  while (first < typed.size() && typed[first] == word[first]) ++first;
  if (first == typed.size()) return false;
  if (typed.substr(first + 1) == word.substr(first + 1)) return Neighbours(typed[first], word[first]);
  return first + 1 < typed.size() && typed[first] == word[first + 1] && typed[first + 1] == word[first] &&
         typed.substr(first + 2) == word.substr(first + 2);
}

bool AsciiLetters(std::string_view s, std::size_t min, std::size_t max) {
  if (s.size() < min || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), IsLetter);
}

}  // namespace

SlipTable::SlipTable(const Xapian::Database& db) {
  // Only terms starting with a-z: the prefixed tags and pairs, most of the
  // term list, are never walked.
  for (char first = 'a'; first <= 'z'; ++first) AddWords(db, std::string(1, first));
}

void SlipTable::AddWords(const Xapian::Database& db, const std::string& prefix) {
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string& term = *t;
    if (!AsciiLetters(term, 2, 7) || t.get_termfreq() < kMinFrequency) continue;
    const auto position = static_cast<std::uint32_t>(words_.size());
    words_.push_back({term, t.get_termfreq()});
    index_.emplace(term, position);
    for (std::size_t i = 0; i < term.size(); ++i) {
      deletes_[term.substr(0, i) + term.substr(i + 1)].push_back(position);
    }
  }
}

std::string_view SlipTable::Nearest(std::string_view folded, Xapian::doccount* frequency) const {
  const Word* best = nullptr;
  auto consider = [&](std::uint32_t position) {
    const Word& w = words_[position];
    if (w.text != folded && (best == nullptr || w.frequency > best->frequency)) best = &w;
  };
  const std::string typed(folded);
  // A letter dropped: the word less one letter is what was typed.
  if (auto it = deletes_.find(typed); it != deletes_.end()) {
    for (std::uint32_t p : it->second) consider(p);
  }
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const std::string shorter = typed.substr(0, i) + typed.substr(i + 1);
    // A letter doubled or added: the typed word less one letter is the word.
    if (auto it = index_.find(shorter); it != index_.end()) consider(it->second);
    // A neighbouring key or a swap: both less one letter meet.
    if (auto it = deletes_.find(shorter); it != deletes_.end()) {
      for (std::uint32_t p : it->second) {
        if (OneSlipApart(typed, words_[p].text)) consider(p);
      }
    }
  }
  if (frequency != nullptr) *frequency = best == nullptr ? 0 : best->frequency;
  return best == nullptr ? std::string_view() : std::string_view(best->text);
}

namespace {

// The index's term for `word` (the chain's exact form), or empty.
std::string ExactTerm(Analyzer& analyzer, const std::string& word) {
  const Analysis analysis = analyzer.Analyze(word);
  std::vector<const Token*> tokens = WrittenTokens(analysis.tokens);
  return tokens.size() == 1 ? tokens[0]->term : std::string();
}

// The correction of one typed word (ASCII letters and digits, lower-cased),
// or nothing when reports hold it as typed or no reading of it is held.
std::optional<Correction> CorrectWord(Analyzer& analyzer, const Xapian::Database& db,
                                      const std::function<const SlipTable&()>& slips, const std::string& word) {
  if (const Xapian::doccount held = db.get_termfreq(word); held > 0) {
    // A real word, but perhaps a slip all the same: far rarer than its
    // neighbour, it is searched as either.
    if (!AsciiLetters(word, 2, 8)) return std::nullopt;
    Xapian::doccount nearest_held = 0;
    std::string_view nearest = slips().Nearest(word, &nearest_held);
    if (nearest.empty() || nearest_held < held * kFarLess) return std::nullopt;
    return Correction{word, std::string(nearest), Correction::Kind::kSlip, true};
  }
  const std::pair<Correction::Kind, std::optional<std::string>> readings[] = {
      {Correction::Kind::kTelex, DecodeTelex(word)}, {Correction::Kind::kVni, DecodeVni(word)}};
  for (const auto& [kind, reading] : readings) {
    if (!reading) continue;
    std::string term = ExactTerm(analyzer, *reading);
    if (!term.empty() && db.term_exists(term)) return Correction{word, term, kind, false};
  }
  if (!AsciiLetters(word, 2, 8)) return std::nullopt;
  std::string_view nearest = slips().Nearest(word);
  if (nearest.empty()) return std::nullopt;
  return Correction{word, std::string(nearest), Correction::Kind::kSlip, false};
}

bool IsOperator(std::string_view w) { return w == "AND" || w == "OR" || w == "NOT"; }

}  // namespace

const char* KindName(Correction::Kind kind) {
  switch (kind) {
    case Correction::Kind::kTelex: return "telex";
    case Correction::Kind::kVni: return "vni";
    case Correction::Kind::kSlip: return "slip";
  }
  return "slip";
}

std::string CorrectTyping(Analyzer& analyzer, const Xapian::Database& db,
                          const std::function<const SlipTable&()>& slips, const std::string& query,
                          std::vector<Correction>* corrections) {
  auto separator = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '(' || c == ')'; };
  std::string out;
  bool quoted = false;
  std::size_t i = 0;
  while (i < query.size()) {
    if (separator(query[i])) {
      quoted = quoted != (query[i] == '"');
      out += query[i++];
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !separator(query[end])) ++end;
    std::string chunk = query.substr(i, end - i);
    i = end;
    // "nooij," or "tinh;": the word without the punctuation typed after it.
    std::size_t kept = chunk.size();
    while (kept > 0 && std::ispunct(static_cast<unsigned char>(chunk[kept - 1])) && chunk[kept - 1] != ':') --kept;
    const std::string raw = chunk.substr(0, kept), trailing = chunk.substr(kept);
    // Only words of ASCII letters and digits can be keys typed with the
    // input method off; field:value, codes, marked words, operators and
    // quoted words stay as typed.
    const bool plain = std::all_of(raw.begin(), raw.end(), [](char k) {
      return std::isalnum(static_cast<unsigned char>(k)) != 0;
    });
    std::optional<Correction> correction;
    if (plain && !raw.empty() && !quoted && !IsOperator(raw)) {
      std::string lower = raw;
      std::transform(lower.begin(), lower.end(), lower.begin(), [](char k) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(k)));
      });
      correction = CorrectWord(analyzer, db, slips, lower);
    }
    if (!correction) {
      out += chunk;
      continue;
    }
    correction->from = raw;
    out += (correction->expanded ? raw : correction->to) + trailing;
    corrections->push_back(std::move(*correction));
  }
  return out;
}

}  // namespace tinhgon
