#include "search/typing.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

#include "analyzers/analyzer.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "index/schema.h"

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

namespace {

std::uint32_t Key(std::string_view text) {
  return static_cast<std::uint32_t>(std::hash<std::string_view>{}(text));
}

// `longer` is `shorter` with one letter more, anywhere.
bool OneLetterMore(std::string_view longer, std::string_view shorter) {
  if (longer.size() != shorter.size() + 1) return false;
  std::size_t first = 0;
  while (first < shorter.size() && shorter[first] == longer[first]) ++first;
  return longer.substr(first + 1) == shorter.substr(first);
}

}  // namespace

SlipTable::SlipTable(const Xapian::Database& db) {
  // Only terms starting with a-z: the prefixed tags and pairs, most of the
  // term list, are never walked.
  for (char first = 'a'; first <= 'z'; ++first) AddWords(db, std::string(1, first));
  // The term list's order already; sorted all the same, since Find relies on it.
  std::sort(words_.begin(), words_.end(), [](const Word& a, const Word& b) { return a.text < b.text; });
  words_.shrink_to_fit();
  for (std::uint32_t position = 0; position < words_.size(); ++position) {
    const std::string& text = words_[position].text;
    for (std::size_t i = 0; i < text.size(); ++i) deletions_.push_back({Key(text.substr(0, i) + text.substr(i + 1)), position});
  }
  std::sort(deletions_.begin(), deletions_.end());
  deletions_.shrink_to_fit();
}

void SlipTable::AddWords(const Xapian::Database& db, const std::string& prefix) {
  for (auto t = db.allterms_begin(prefix); t != db.allterms_end(prefix); ++t) {
    const std::string& term = *t;
    const bool syllable = AsciiLetters(term, 2, kLongestSyllable) && t.get_termfreq() >= kMinFrequency;
    if (syllable || AsciiLetters(term, kLongestSyllable + 1, kLongestWord)) words_.push_back({term, t.get_termfreq()});
  }
}

std::optional<std::uint32_t> SlipTable::Find(std::string_view text) const {
  auto it = std::lower_bound(words_.begin(), words_.end(), text,
                             [](const Word& w, std::string_view t) { return w.text < t; });
  if (it == words_.end() || it->text != text) return std::nullopt;
  return static_cast<std::uint32_t>(it - words_.begin());
}

std::vector<std::uint32_t> SlipTable::Filed(std::string_view less_one_letter) const {
  auto [from, to] = std::equal_range(deletions_.begin(), deletions_.end(), Deletion{Key(less_one_letter), 0});
  std::vector<std::uint32_t> words;
  for (auto it = from; it != to; ++it) words.push_back(it->word);
  return words;
}

std::vector<std::uint32_t> SlipTable::NeighbourPositions(std::string_view folded) const {
  std::vector<std::uint32_t> found;
  auto consider = [&](std::uint32_t position) {
    if (words_[position].text != folded) found.push_back(position);
  };
  const std::string typed(folded);
  // A letter dropped: the word less one letter is what was typed.
  for (std::uint32_t p : Filed(typed)) {
    if (OneLetterMore(words_[p].text, typed)) consider(p);
  }
  for (std::size_t i = 0; i < typed.size(); ++i) {
    const std::string shorter = typed.substr(0, i) + typed.substr(i + 1);
    // A letter doubled or added: the typed word less one letter is the word.
    if (auto p = Find(shorter)) consider(*p);
    // A neighbouring key or a swap: both less one letter meet.
    for (std::uint32_t p : Filed(shorter)) {
      if (words_[p].text.size() == typed.size() && OneSlipApart(typed, words_[p].text)) consider(p);
    }
  }
  // Most frequent first; a word found two ways is listed once.
  std::sort(found.begin(), found.end(), [&](std::uint32_t a, std::uint32_t b) {
    return words_[a].frequency != words_[b].frequency ? words_[a].frequency > words_[b].frequency : a < b;
  });
  found.erase(std::unique(found.begin(), found.end()), found.end());
  return found;
}

std::vector<std::string_view> SlipTable::Neighbours(std::string_view folded) const {
  std::vector<std::string_view> words;
  for (std::uint32_t p : NeighbourPositions(folded)) words.emplace_back(words_[p].text);
  return words;
}

std::string_view SlipTable::Nearest(std::string_view folded, Xapian::doccount* frequency) const {
  std::vector<std::uint32_t> neighbours = NeighbourPositions(folded);
  if (frequency != nullptr) *frequency = neighbours.empty() ? 0 : words_[neighbours[0]].frequency;
  return neighbours.empty() ? std::string_view() : std::string_view(words_[neighbours[0]].text);
}

namespace {

// The index's term for `word` (the chain's exact form), or empty.
std::string ExactTerm(const Analyzer& analyzer, const std::string& word) {
  const Analysis analysis = analyzer.Analyze(word);
  std::vector<const Token*> tokens = WrittenTokens(analysis.tokens);
  return tokens.size() == 1 ? tokens[0]->term : std::string();
}

// The correction of one typed word (ASCII letters and digits, lower-cased),
// or nothing when reports hold it as typed or no reading of it is held.
std::optional<Correction> CorrectWord(const Analyzer& analyzer, const Xapian::Database& db,
                                      const std::function<const SlipTable&()>& slips, const std::string& word) {
  // A word some reports hold is left alone unless it is rare: expanding a
  // real word such as "lat" (lật) to "la" would count reports holding
  // another word. A rare one is searched as typed or as a reading or word
  // kFarLess times more frequent ("trmp" or "trump"); a word no report holds
  // is replaced.
  const Xapian::doccount held = db.get_termfreq(word);
  if (held > std::max<Xapian::doccount>(kRareReports, db.get_doccount() / 10000)) return std::nullopt;
  auto better = [&](Xapian::doccount other) { return held == 0 ? other > 0 : other >= held * kFarLess; };
  const std::pair<Correction::Kind, std::optional<std::string>> readings[] = {
      {Correction::Kind::kTelex, DecodeTelex(word)}, {Correction::Kind::kVni, DecodeVni(word)}};
  for (const auto& [kind, reading] : readings) {
    if (!reading) continue;
    std::string term = ExactTerm(analyzer, *reading);
    if (!term.empty() && better(db.get_termfreq(term))) return Correction{word, term, kind, held > 0, false};
  }
  if (!AsciiLetters(word, 2, SlipTable::kLongestWord + 1)) return std::nullopt;
  Xapian::doccount nearest_held = 0;
  std::string_view nearest = slips().Nearest(word, &nearest_held);
  if (nearest.empty() || !better(nearest_held)) return std::nullopt;
  return Correction{word, std::string(nearest), Correction::Kind::kSlip, held > 0, false};
}

bool IsOperator(std::string_view w) { return w == "AND" || w == "OR" || w == "NOT"; }

}  // namespace

std::string TypedTerm(std::string_view word) {
  std::string folded = DiacriticFolder::Fold(std::string(word));
  std::transform(folded.begin(), folded.end(), folded.begin(),
                 [](char k) { return static_cast<char>(std::tolower(static_cast<unsigned char>(k))); });
  return folded;
}

const char* KindName(Correction::Kind kind) {
  switch (kind) {
    case Correction::Kind::kTelex: return "telex";
    case Correction::Kind::kVni: return "vni";
    case Correction::Kind::kSlip: return "slip";
  }
  return "slip";
}

namespace {

// A piece of the query: a separator, or a word with what was typed after it.
struct Piece {
  std::string text;           // as typed: a separator, or the word
  std::string trailing;       // punctuation typed after a word
  std::string folded;         // a word's folded form, empty for a separator
  bool correctable = false;   // ASCII letters and digits outside quotes, no operator
  std::optional<Correction> correction;
};

std::vector<Piece> Pieces(const std::string& query) {
  auto separator = [](char c) { return std::isspace(static_cast<unsigned char>(c)) || c == '"' || c == '(' || c == ')'; };
  std::vector<Piece> pieces;
  bool quoted = false;
  for (std::size_t i = 0; i < query.size();) {
    if (separator(query[i])) {
      quoted = quoted != (query[i] == '"');
      pieces.push_back({std::string(1, query[i++]), "", "", false, std::nullopt});
      continue;
    }
    std::size_t end = i;
    while (end < query.size() && !separator(query[end])) ++end;
    std::string chunk = query.substr(i, end - i);
    i = end;
    // "nooij," or "tinh;": the word without the punctuation typed after it.
    std::size_t kept = chunk.size();
    while (kept > 0 && std::ispunct(static_cast<unsigned char>(chunk[kept - 1])) && chunk[kept - 1] != ':') --kept;
    Piece piece{chunk.substr(0, kept), chunk.substr(kept), "", false, std::nullopt};
    if (piece.text.empty()) {  // punctuation alone
      piece.text.swap(piece.trailing);
      pieces.push_back(std::move(piece));
      continue;
    }
    piece.folded = TypedTerm(piece.text);
    // Only words of ASCII letters and digits can be keys typed with the
    // input method off; field:value, codes, marked words, operators and
    // quoted words stay as typed.
    piece.correctable = !quoted && !IsOperator(piece.text) &&
                        std::all_of(piece.text.begin(), piece.text.end(),
                                    [](char k) { return std::isalnum(static_cast<unsigned char>(k)) != 0; });
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

// A slip into another real word ("linh" typed for "kinh" in "thanh phan
// linh te"): the word seldom stands beside the words typed next to it,
// while a word one slip away often does. The index's syllable pairs are the
// evidence. The strongest such word of the query is expanded to its
// neighbour (searched as either), which then is the context of the others,
// and the next is looked for, at most kContextRounds times. Only words
// weakly paired with a neighbour are looked into, so a query of common
// phrases costs two look-ups a word.
void ExpandByContext(const Xapian::Database& db, const std::function<const SlipTable&()>& slips,
                     std::vector<Piece>* pieces) {
  std::vector<Piece*> words;
  for (Piece& p : *pieces) {
    if (!p.folded.empty()) words.push_back(&p);
  }
  std::vector<std::string> context;  // each word as the others see it
  for (const Piece* w : words) context.push_back(w->folded);
  // How often `word` stands beside the word before it and after it.
  auto sides = [&](std::size_t i, std::string_view word) {
    std::pair<Xapian::doccount, Xapian::doccount> n{kWeakPair, kWeakPair};  // no neighbour: no doubt
    if (i > 0) n.first = db.get_termfreq(schema::PairTerm(context[i - 1], word));
    if (i + 1 < words.size()) n.second = db.get_termfreq(schema::PairTerm(word, context[i + 1]));
    return n;
  };
  auto beside = [&](std::size_t i, std::string_view word) {
    auto [before, after] = sides(i, word);
    return (i > 0 ? before : 0) + (i + 1 < words.size() ? after : 0);
  };
  for (int round = 0; round < kContextRounds; ++round) {
    std::size_t best_word = words.size();
    std::string_view best;
    double best_gain = 0;
    for (std::size_t i = 0; i < words.size() && words.size() > 1; ++i) {
      const Piece& w = *words[i];
      if (!w.correctable || w.correction || !AsciiLetters(w.folded, 2, 8)) continue;
      auto [before, after] = sides(i, w.folded);
      if (before >= kWeakPair && after >= kWeakPair) continue;  // at home on both sides
      const Xapian::doccount held = beside(i, w.folded);
      std::vector<std::string_view> neighbours = slips().Neighbours(w.folded);
      for (std::size_t n = 0; n < neighbours.size() && n < kContextCandidates; ++n) {
        const Xapian::doccount evidence = beside(i, neighbours[n]);
        const double gain = static_cast<double>(evidence) / (held + 1);
        if (gain >= kContextGain && gain > best_gain) best_word = i, best = neighbours[n], best_gain = gain;
      }
    }
    if (best_word == words.size()) return;
    Piece& w = *words[best_word];
    w.correction = Correction{w.text, std::string(best), Correction::Kind::kSlip, true, true};
    context[best_word] = std::string(best);
  }
}

// The reports holding every one of `terms`, counted exactly.
Xapian::doccount HoldingAll(const Xapian::Database& db, const std::vector<std::string>& terms) {
  if (terms.size() == 1) return db.get_termfreq(terms.front());
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, terms.begin(), terms.end()));
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

// A slip has several words one key away ("hhoi": "hoi", "thoi"; "htien":
// "hien", "thien"; "koi": "loi", "khoi"), and the most frequent is often
// not the one meant. The words typed beside it decide, by the syllable
// pairs: first, the candidate with which the words around it stand as
// typed in most reports ("binh sy koi": "binh sy" and "sy khoi" in one
// report, where "sy loi" is the more frequent pair but never after "binh
// sy"); then, when no candidate does, the one that stands beside its
// neighbours in most reports. Bounded: kContextCandidates candidates a
// word, and at most kJointCounts counts of reports a query, each skipped
// when a pair of the candidate's is in no report.
void PreferSlipsInContext(const Xapian::Database& db, const std::function<const SlipTable&()>& slips,
                          std::vector<Piece>* pieces) {
  std::vector<Piece*> words;
  for (Piece& p : *pieces) {
    if (!p.folded.empty()) words.push_back(&p);
  }
  if (words.size() < 2) return;
  auto seen_as = [&](std::size_t i) -> const std::string& {
    const Piece& w = *words[i];
    return w.correction && !w.correction->expanded ? w.correction->to : w.folded;
  };
  int counts_left = kJointCounts;
  for (std::size_t i = 0; i < words.size(); ++i) {
    Piece& w = *words[i];
    if (!w.correction || w.correction->kind != Correction::Kind::kSlip) continue;
    std::vector<std::string_view> neighbours = slips().Neighbours(w.folded);
    neighbours.resize(std::min(neighbours.size(), kContextCandidates));
    // The pairs the neighbours form beyond word i: when a report lacks one,
    // no candidate stands with them all, and the pairs' frequencies decide.
    std::vector<std::string> around;
    if (i > 1) around.push_back(schema::PairTerm(seen_as(i - 2), seen_as(i - 1)));
    if (i + 2 < words.size()) around.push_back(schema::PairTerm(seen_as(i + 1), seen_as(i + 2)));
    const bool count_together =
        counts_left > static_cast<int>(neighbours.size()) &&
        std::all_of(around.begin(), around.end(), [&](const std::string& pair) { return db.get_termfreq(pair) > 0; });
    // (reports where word i stands with the pairs around it, reports
    // holding each pair of word i with a neighbour, summed)
    auto evidence = [&](std::string_view word) {
      std::vector<std::string> pairs;
      if (i > 0) pairs.push_back(schema::PairTerm(seen_as(i - 1), word));
      if (i + 1 < words.size()) pairs.push_back(schema::PairTerm(word, seen_as(i + 1)));
      Xapian::doccount beside = 0;
      bool each_held = true;
      for (const std::string& pair : pairs) {
        const Xapian::doccount held = db.get_termfreq(pair);
        beside += held;
        each_held = each_held && held > 0;
      }
      if (!count_together || !each_held) return std::make_pair(Xapian::doccount{0}, beside);
      pairs.insert(pairs.end(), around.begin(), around.end());
      if (pairs.size() > 1) --counts_left;
      return std::make_pair(HoldingAll(db, pairs), beside);
    };
    const Xapian::doccount minimum = w.correction->expanded ? db.get_termfreq(w.folded) * kFarLess : 1;
    auto best = evidence(w.correction->to);
    for (std::string_view candidate : neighbours) {
      if (candidate == w.correction->to || db.get_termfreq(std::string(candidate)) < minimum) continue;
      const auto found = evidence(candidate);
      if (found <= best) continue;
      best = found;
      w.correction->to = std::string(candidate);
    }
  }
}

}  // namespace

// A query typed with the input method off is typed so throughout: once a
// word no report holds reads as Telex (or VNI), every other word that reads
// as a word more reports hold than hold it as typed is read so too. Alone,
// "coong" (a name a few reports hold) and "moon" (one slip from "mon") stay
// or become something else; beside "tacs" or "cuar" they are "công" and
// "môn".
void DecodeInContext(const Analyzer& analyzer, const Xapian::Database& db, std::vector<Piece>* pieces) {
  std::optional<Correction::Kind> method;
  for (const Piece& p : *pieces) {
    if (p.correction && !p.correction->expanded && p.correction->kind != Correction::Kind::kSlip) {
      method = p.correction->kind;
      break;
    }
  }
  if (!method) return;
  for (Piece& p : *pieces) {
    if (!p.correctable || (p.correction && p.correction->kind == *method)) continue;
    std::optional<std::string> reading = *method == Correction::Kind::kTelex ? DecodeTelex(p.folded) : DecodeVni(p.folded);
    if (!reading) continue;
    std::string term = ExactTerm(analyzer, *reading);
    if (term.empty() || term == p.folded || db.get_termfreq(term) <= db.get_termfreq(p.folded)) continue;
    p.correction = Correction{p.text, term, *method, false, false};
  }
}

std::string CorrectTyping(const Analyzer& analyzer, const Xapian::Database& db,
                          const std::function<const SlipTable&()>& slips, const std::string& query,
                          std::vector<Correction>* corrections) {
  std::vector<Piece> pieces = Pieces(query);
  for (Piece& p : pieces) {
    if (p.correctable) p.correction = CorrectWord(analyzer, db, slips, p.folded);
    if (p.correction) p.correction->from = p.text;
  }
  DecodeInContext(analyzer, db, &pieces);
  PreferSlipsInContext(db, slips, &pieces);
  ExpandByContext(db, slips, &pieces);
  std::string out;
  for (Piece& p : pieces) {
    out += (p.correction && !p.correction->expanded ? p.correction->to : p.text) + p.trailing;
    if (p.correction) corrections->push_back(std::move(*p.correction));
  }
  return out;
}

}  // namespace tinhgon
