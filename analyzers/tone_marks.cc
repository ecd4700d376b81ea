#include "analyzers/tone_marks.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string_view>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

namespace tinhgon {
namespace {

constexpr std::u16string_view kVowels = u"aăâeêioôơuưy";
constexpr std::u16string_view kQualityVowels = u"ăâêôơư";

class VietnameseLetters;
const VietnameseLetters& Letters();
constexpr char16_t kTableSize = 0x1F00;  // covers Latin-1 … Latin Extended Additional
constexpr int kTones = 6;                // none, grave, hook, tilde, acute, dot below

struct Letter {
  char16_t lower_base = 0;  // lowercase letter without tone ("ư" for "Ừ"); 0 = not Vietnamese
  std::uint8_t tone = 0;
  bool upper = false;
  bool alpha = false;    // any letter, Vietnamese or not: words are runs of these
  bool vowel = false;    // a Vietnamese vowel, with or without marks
  bool quality = false;  // ă â ê ô ơ ư, with or without a tone
};

// Decomposition and composition tables, derived once from ICU's NFD data
// rather than typed in by hand, so no vowel/tone combination can be missed.
class VietnameseLetters {
 public:
  VietnameseLetters() {
    for (char16_t c = 0; c < kTableSize; ++c) letters_[c].alpha = u_isalpha(c);
    for (char16_t c = u'a'; c <= u'z'; ++c) {
      std::size_t v = kVowels.find(c);
      bool vowel = v != std::u16string_view::npos;
      letters_[c] = {c, 0, false, true, vowel, false};
      letters_[c - 32] = {c, 0, true, true, vowel, false};
      if (vowel) composed_[v][0] = {c, static_cast<char16_t>(c - 32)};
    }
    letters_[0x0111] = {0x0111, 0, false, true};  // đ
    letters_[0x0110] = {0x0111, 0, true, true};   // Đ
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return;
    for (char16_t c = 0xC0; c < kTableSize; ++c) Learn(c, *nfd, *nfc);
  }

  const Letter& Of(char16_t c) const {
    static const Letter kNone;
    return c < kTableSize ? letters_[c] : kNone;
  }

  bool IsWordLetter(char16_t c) const {
    return c < kTableSize ? letters_[c].alpha : u_isalpha(c) != 0;
  }

  char16_t Compose(char16_t lower_base, int tone, bool upper) const {
    std::size_t v = kVowels.find(lower_base);
    if (v == std::u16string_view::npos) return lower_base;
    return composed_[v][tone][upper ? 1 : 0];
  }

 private:
  static int ToneOf(char16_t mark) {
    switch (mark) {
      case 0x0300: return 1;  // huyền
      case 0x0309: return 2;  // hỏi
      case 0x0303: return 3;  // ngã
      case 0x0301: return 4;  // sắc
      case 0x0323: return 5;  // nặng
      default: return 0;
    }
  }

  void Learn(char16_t c, const icu::Normalizer2& nfd, const icu::Normalizer2& nfc) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString parts = nfd.normalize(icu::UnicodeString(c), status);
    if (U_FAILURE(status) || parts.length() < 1) return;
    char16_t first = parts.charAt(0);
    bool upper = first >= u'A' && first <= u'Z';
    if (!upper && !(first >= u'a' && first <= u'z')) return;
    int tone = 0;
    icu::UnicodeString base(static_cast<char16_t>(upper ? first + 32 : first));
    for (int32_t i = 1; i < parts.length(); ++i) {
      char16_t mark = parts.charAt(i);
      int t = ToneOf(mark);
      if (t != 0) {
        if (tone != 0) return;  // two tone marks: not Vietnamese
        tone = t;
      } else if (mark == 0x0302 || mark == 0x0306 || mark == 0x031B) {
        base.append(mark);
      } else {
        return;  // some other diacritic: not a Vietnamese letter
      }
    }
    icu::UnicodeString composed = nfc.normalize(base, status);
    if (U_FAILURE(status) || composed.length() != 1) return;
    char16_t lower_base = composed.charAt(0);
    std::size_t v = kVowels.find(lower_base);
    if (v == std::u16string_view::npos) return;
    letters_[c] = {lower_base, static_cast<std::uint8_t>(tone), upper, true, true,
                   kQualityVowels.find(lower_base) != std::u16string_view::npos};
    composed_[v][tone][upper ? 1 : 0] = c;
  }

  std::array<Letter, kTableSize> letters_{};
  std::array<std::array<std::array<char16_t, 2>, kTones>, kVowels.size()> composed_{};
};

const VietnameseLetters& Letters() {
  static const VietnameseLetters letters;
  return letters;
}

bool IsVowel(char16_t lower) { return Letters().Of(lower).vowel; }
bool HasQuality(char16_t lower) { return Letters().Of(lower).quality; }

// Length of the initial consonant of a syllable (lowercase, tone removed), or
// -1 if it starts with one Vietnamese does not allow.
int InitialLength(std::u16string_view s) {
  auto at = [&](std::size_t i) { return i < s.size() ? s[i] : u'\0'; };
  switch (at(0)) {
    case u'b': case u'd': case 0x0111: case u'h': case u'l': case u'm': case u'r':
    case u's': case u'v': case u'x':
      return 1;
    case u'c': case u'k': case u'p':
      return at(1) == u'h' ? 2 : 1;
    case u't':
      return at(1) == u'h' || at(1) == u'r' ? 2 : 1;
    case u'n':
      if (at(1) == u'g') return at(2) == u'h' ? 3 : 2;
      return at(1) == u'h' ? 2 : 1;
    case u'g':
      // "gi" is a consonant only when a vowel follows ("già"); in "gì", "gìn"
      // the i is the vowel.
      if (at(1) == u'h') return 2;
      return at(1) == u'i' && IsVowel(at(2)) ? 2 : 1;
    case u'q':
      return at(1) == u'u' && IsVowel(at(2)) ? 2 : -1;  // "quý": u belongs to q
    default:
      return IsVowel(at(0)) ? 0 : -1;
  }
}

bool IsFinalConsonant(std::u16string_view s) {
  switch (s.size()) {
    case 0:
      return true;
    case 1:
      return s[0] == u'c' || s[0] == u'm' || s[0] == u'n' || s[0] == u'p' || s[0] == u't';
    case 2:
      return (s[0] == u'c' && s[1] == u'h') || (s[0] == u'n' && (s[1] == u'g' || s[1] == u'h'));
    default:
      return false;
  }
}

// Where the tone belongs within the vowel cluster [0, size).
int CanonicalToneIndex(std::u16string_view cluster, bool closed) {
  for (int i = static_cast<int>(cluster.size()) - 1; i >= 0; --i) {
    if (HasQuality(cluster[i])) return i;
  }
  if (closed) return static_cast<int>(cluster.size()) - 1;
  return cluster.size() == 3 ? 1 : 0;
}

constexpr int kMaxSyllable = 8;  // "nghiêng" has 7 letters

void NormalizeSyllable(char16_t* word, int length) {
  const VietnameseLetters& letters = Letters();
  char16_t lower[kMaxSyllable];
  int tone = 0;
  int tone_at = -1;
  for (int i = 0; i < length; ++i) {
    const Letter& l = letters.Of(word[i]);
    if (l.lower_base == 0) return;  // a letter Vietnamese does not use
    lower[i] = l.lower_base;
    if (l.tone != 0) {
      if (tone != 0) return;  // two tone marks: not one syllable
      tone = l.tone;
      tone_at = i;
    }
  }
  if (tone == 0) return;
  std::u16string_view s(lower, static_cast<std::size_t>(length));
  int initial = InitialLength(s);
  if (initial < 0) return;
  int vowels_end = initial;
  while (vowels_end < length && IsVowel(s[vowels_end])) ++vowels_end;
  int cluster_size = vowels_end - initial;
  if (cluster_size < 1 || cluster_size > 3) return;
  std::u16string_view final_consonant = s.substr(vowels_end);
  if (!IsFinalConsonant(final_consonant)) return;
  int target = initial + CanonicalToneIndex(s.substr(initial, cluster_size),
                                            !final_consonant.empty());
  if (target == tone_at) return;
  // A tone written on the "i" of "gi" or "u" of "qu" also lands here and moves.
  word[tone_at] = letters.Compose(lower[tone_at], 0, letters.Of(word[tone_at]).upper);
  word[target] = letters.Compose(lower[target], tone, letters.Of(word[target]).upper);
}

// Most syllables can be passed over without parsing, judged from the toned
// letter and its neighbours alone: a tone on a vowel with no vowel beside it,
// or on a quality vowel with no quality vowel after it ("người", "việc",
// "được"), is where every style puts it.
bool MayNeedMove(const VietnameseLetters& letters, const char16_t* text, int32_t length,
                 int32_t toned) {
  auto vowel = [&](int32_t i) { return i >= 0 && i < length && letters.Of(text[i]).vowel; };
  if (!vowel(toned - 1) && !vowel(toned + 1)) return false;
  if (!letters.Of(text[toned]).quality) return true;
  for (int32_t i = toned + 1; vowel(i); ++i) {
    if (letters.Of(text[i]).quality) return true;
  }
  return false;
}

}  // namespace

bool ToneMarkNormalizer::Apply(icu::UnicodeString* text) const {
  const VietnameseLetters& letters = Letters();
  const int32_t length = text->length();
  char16_t* buffer = nullptr;  // made writable only once something must move
  const char16_t* read = text->getBuffer();
  int32_t word_end = 0;  // words are visited once, from their first toned letter
  for (int32_t i = 0; i < length; ++i) {
    char16_t c = read[i];
    // Toned vowels all lie in U+00C0…U+1EF9: one compare rejects ASCII.
    if (c < 0xC0 || i < word_end || letters.Of(c).tone == 0) continue;
    if (!MayNeedMove(letters, read, length, i)) continue;
    int32_t start = i;
    while (start > 0 && letters.IsWordLetter(read[start - 1])) --start;
    word_end = i + 1;
    while (word_end < length && letters.IsWordLetter(read[word_end])) ++word_end;
    int32_t word_length = word_end - start;
    if (word_length > kMaxSyllable) continue;
    char16_t word[kMaxSyllable];
    std::copy(read + start, read + word_end, word);
    NormalizeSyllable(word, word_length);
    if (std::equal(word, word + word_length, read + start)) continue;
    if (buffer == nullptr) {
      buffer = text->getBuffer(-1);
      read = buffer;
    }
    std::copy(word, word + word_length, buffer + start);
  }
  if (buffer == nullptr) return false;
  text->releaseBuffer(length);
  return true;
}

}  // namespace tinhgon
