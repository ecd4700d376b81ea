// A query as people mistype it, for the typing rows of bench/known_item:
// keyed in Telex with the input method off, and typed without marks with
// one slip. Deterministic for a given generator state.
#pragma once

#include <random>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace tinhgon::bench {

// The Telex keys that type `text` (lower-cased): "Sáp nhập" -> "saps nhaapj".
// Marks become the keys that make them; the tone key ends its word.
inline std::string Telex(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString decomposed = nfd->normalize(icu::UnicodeString::fromUTF8(text).toLower(), status);
  std::string out, tone;
  auto end_word = [&] {
    out += tone;
    tone.clear();
  };
  for (int32_t i = 0; i < decomposed.length(); ++i) {
    const char16_t c = decomposed.charAt(i);
    switch (c) {
      case 0x0302: out += out.empty() ? "" : std::string(1, out.back()); break;  // â ê ô: the vowel twice
      case 0x0306: case 0x031B: out += 'w'; break;                                 // ă, ơ ư
      case 0x0301: tone = "s"; break;
      case 0x0300: tone = "f"; break;
      case 0x0309: tone = "r"; break;
      case 0x0303: tone = "x"; break;
      case 0x0323: tone = "j"; break;
      case 0x0111: out += "dd"; break;  // đ
      default:
        if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) end_word();
        if (c < 0x80) out += static_cast<char>(c);
    }
  }
  end_word();
  return out;
}

// `folded` (a query without marks) with one slip in one of its words of three
// letters or more: a letter dropped, doubled, two swapped, or a key beside
// the right one on a QWERTY keyboard. Unchanged when no word is long enough.
inline std::string OneSlip(const std::string& folded, std::mt19937& random) {
  std::vector<std::pair<std::size_t, std::size_t>> words;  // [begin, end) of the letter runs
  for (std::size_t i = 0; i < folded.size();) {
    std::size_t j = i;
    while (j < folded.size() && folded[j] >= 'a' && folded[j] <= 'z') ++j;
    if (j - i >= 3) words.emplace_back(i, j);
    i = j == i ? i + 1 : j;
  }
  if (words.empty()) return folded;
  auto [begin, end] = words[std::uniform_int_distribution<std::size_t>(0, words.size() - 1)(random)];
  std::string word = folded.substr(begin, end - begin);
  const std::size_t at = std::uniform_int_distribution<std::size_t>(0, word.size() - 2)(random);
  static const char* const kRows[] = {"qwertyuiop", "asdfghjkl", "zxcvbnm"};
  switch (std::uniform_int_distribution<int>(0, 3)(random)) {
    case 0: word.erase(at, 1); break;
    case 1: word.insert(at, 1, word[at]); break;
    case 2: std::swap(word[at], word[at + 1]); break;
    default:
      for (const char* row : kRows) {  // the key to the right, or to the left at a row's end
        const std::string keys(row);
        const std::size_t k = keys.find(word[at]);
        if (k != std::string::npos) word[at] = k + 1 < keys.size() ? keys[k + 1] : keys[k - 1];
      }
  }
  return folded.substr(0, begin) + word + folded.substr(end);
}

}  // namespace tinhgon::bench
