#include "analyzers/tokenizer.h"

#include <stdexcept>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>

#include "analyzers/compound_matcher.h"
#include "analyzers/utf8.h"

namespace tinhgon {
namespace {

// Maps UTF-16 indexes to UTF-8 byte offsets for indexes visited in increasing
// order, which is how tokens arrive, so the whole text costs one pass.
class OffsetTracker {
 public:
  explicit OffsetTracker(std::u16string_view text) : text_(text) {}
  std::uint32_t ByteOffset(std::int32_t index) {
    for (; unit_ < index; ++unit_) byte_ += Utf8LengthOfUnit(text_[unit_]);
    return static_cast<std::uint32_t>(byte_);
  }

 private:
  std::u16string_view text_;
  std::int32_t unit_ = 0;
  std::size_t byte_ = 0;
};

bool IsAllCaps(std::u16string_view s) {
  bool any_letter = false;
  for (char16_t c : s) {
    if (c < 0x80) {
      if (c >= u'a' && c <= u'z') return false;
      any_letter = any_letter || (c >= u'A' && c <= u'Z');
      continue;
    }
    if (u_islower(c)) return false;
    any_letter = any_letter || u_isalpha(c);
  }
  return any_letter;
}

bool IsDigit(char16_t c) { return c >= u'0' && c <= u'9'; }

// Cheap pre-check so the compound matcher only runs where a compound can start:
// a digit or capital whose break-iterator segment is followed by a joiner, or
// a number segment that itself holds separators ("01.01.2019").
bool MayStartCompound(std::u16string_view text, std::int32_t start, std::int32_t end) {
  char16_t first = text[start];
  bool digit = IsDigit(first);
  if (!digit && !u_isupper(first)) return false;
  if (end < static_cast<std::int32_t>(text.size())) {
    char16_t next = text[end];
    if (next == u'/' || next == u'-' || next == u'&') return true;
    if (next == u' ' && digit) return true;
  }
  if (digit) {
    for (std::int32_t i = start; i < end; ++i) {
      if (text[i] == u'.' || text[i] == u'/') return true;
    }
  }
  return false;
}

}  // namespace

Tokenizer::Tokenizer() {
  UErrorCode status = U_ZERO_ERROR;
  words_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status) || !words_) throw std::runtime_error("ICU word break rules unavailable");
}

Tokenizer::~Tokenizer() = default;

void Tokenizer::Tokenize(const icu::UnicodeString& text, std::vector<Token>* tokens) {
  Tokenize(text, ToUtf8(text), tokens);
}

void Tokenizer::Tokenize(const icu::UnicodeString& text, std::string_view utf8,
                         std::vector<Token>* tokens) {
  std::u16string_view view(text.getBuffer(), static_cast<std::size_t>(text.length()));
  OffsetTracker offsets(view);
  std::uint32_t position = 0;
  tokens->reserve(tokens->size() + view.size() / 4 + 16);  // Vietnamese: ~1 token per 4.4 units
  // Plain tokens are slices of the UTF-8 text; compounds have a canonical
  // spelling of their own ("7-8-2018" → "07/08/2018").
  auto emit = [&](std::int32_t start, std::int32_t end, std::u16string_view surface,
                  TokenType type, bool canonical) {
    Token token;
    token.start = offsets.ByteOffset(start);
    token.end = offsets.ByteOffset(end);
    if (canonical) {
      AppendUtf8(surface, &token.term);
    } else {
      token.term.assign(utf8.substr(token.start, token.end - token.start));
    }
    token.position = position++;
    token.type = type;
    token.all_caps = IsAllCaps(surface);
    tokens->push_back(std::move(token));
  };

  words_->setText(text);
  std::int32_t consumed = 0;  // end of the last compound, whose pieces are skipped
  std::int32_t start = words_->first();
  for (std::int32_t end = words_->next(); end != icu::BreakIterator::DONE;
       start = end, end = words_->next()) {
    int32_t status = words_->getRuleStatus();
    if (status < UBRK_WORD_NONE_LIMIT || start < consumed) continue;
    if (MayStartCompound(view, start, end)) {
      CompoundMatch compound = MatchCompound(view, start);
      if (compound.end > start) {
        emit(start, compound.end, compound.canonical, compound.type, true);
        consumed = compound.end;
        continue;
      }
    }
    TokenType type = status < UBRK_WORD_LETTER ? TokenType::kNumber : TokenType::kWord;
    if (type == TokenType::kWord) {
      // "TP.HCM": the word rules join letters across a dot; readers do not.
      std::int32_t piece = start;
      for (std::int32_t i = start; i < end; ++i) {
        if (view[i] != u'.') continue;
        if (i > piece) emit(piece, i, view.substr(piece, i - piece), type, false);
        piece = i + 1;
      }
      if (piece < end) emit(piece, end, view.substr(piece, end - piece), type, false);
      continue;
    }
    emit(start, end, view.substr(start, end - start), type, false);
  }
}

}  // namespace tinhgon
