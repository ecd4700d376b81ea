#include "analyzers/metadata/sentences.h"

#include "analyzers/metadata/capitals.h"

namespace tinhgon {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

// The word before a dot at `dot` is a capitalized word of at most three
// letters: an abbreviation ("TP.", "Tp.", "Q."), not the end of "hơn.".
bool AfterAbbreviation(std::string_view text, std::size_t dot) {
  std::size_t start = dot;
  while (start > 0 && !IsSpace(text[start - 1]) && text[start - 1] != '\n' && dot - start < 8) --start;
  if (!StartsWithCapital(text.substr(start, dot - start))) return false;
  std::size_t letters = 0;
  for (std::size_t i = start; i < dot; ++i) {
    if (static_cast<unsigned char>(text[i]) < 0x80 || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++letters;
  }
  return letters > 0 && letters <= 3;
}

}  // namespace

std::vector<Sentence> SplitSentences(std::string_view text) {
  std::vector<Sentence> sentences;
  std::size_t begin = 0;
  auto close = [&](std::size_t end) {
    while (begin < end && (IsSpace(text[begin]) || text[begin] == '\n')) ++begin;
    if (end > begin) sentences.push_back({begin, end});
    begin = end;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\n') {
      close(i);
      continue;
    }
    if ((c == '.' || c == '!' || c == '?') && i + 2 < text.size() && IsSpace(text[i + 1])) {
      std::size_t next = i + 1;
      while (next < text.size() && IsSpace(text[next])) ++next;
      std::string_view rest = text.substr(next);
      bool starts = StartsWithCapital(rest) || (!rest.empty() && rest[0] >= '0' && rest[0] <= '9');
      if (starts && !(c == '.' && AfterAbbreviation(text, i))) close(i + 1);
    }
  }
  close(text.size());
  return sentences;
}

std::vector<Sentence> SplitSentences(std::string_view text, const std::vector<const Token*>& tokens) {
  std::vector<Sentence> sentences = SplitSentences(text);
  std::size_t i = 0;
  for (Sentence& s : sentences) {
    while (i < tokens.size() && tokens[i]->start < s.begin) ++i;
    s.first_token = i;
    while (i < tokens.size() && tokens[i]->start < s.end) ++i;
    s.end_token = i;
  }
  return sentences;
}

}  // namespace tinhgon
