#include "analyzers/tokenizer.h"

#include <array>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string_view>

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

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
  // For a caller that measured the UTF-8 length of [unit_, index) itself.
  std::uint32_t Skip(std::int32_t index, std::size_t bytes) {
    unit_ = index;
    byte_ += bytes;
    return static_cast<std::uint32_t>(byte_);
  }

 private:
  std::u16string_view text_;
  std::int32_t unit_ = 0;
  std::size_t byte_ = 0;
};

// Letter case of the characters Vietnamese text uses, looked up in a table:
// ICU's property functions, called per character of every token, showed up
// in profiles. Characters past the table fall back to ICU.
class CharClasses {
 public:
  enum : std::uint8_t { kAlpha = 1, kUpper = 2, kLower = 4, kFolds = 8 };
  CharClasses() {
    for (char16_t c = 0; c < kSize; ++c) classes_[c] = Compute(c);
  }
  std::uint8_t Of(char16_t c) const { return c < kSize ? classes_[c] : Compute(c); }

 private:
  static std::uint8_t Compute(char16_t c) {
    // kFolds: full case folding changes it (capitals, but also "ſ", "ﬀ").
    UChar folded[4];
    UErrorCode status = U_ZERO_ERROR;
    int32_t length = u_strFoldCase(folded, 4, &c, 1, U_FOLD_CASE_DEFAULT, &status);
    bool folds = U_FAILURE(status) || length != 1 || folded[0] != c;
    return static_cast<std::uint8_t>((u_isalpha(c) ? kAlpha : 0) | (u_isupper(c) ? kUpper : 0) |
                                     (u_islower(c) ? kLower : 0) | (folds ? kFolds : 0));
  }

  static constexpr char16_t kSize = 0x2000;
  std::array<std::uint8_t, kSize> classes_{};
};

const CharClasses& Classes() {
  static const CharClasses classes;
  return classes;
}

// One pass over a token's characters for what the tokenizer needs of them.
struct Measure {
  std::size_t utf8_bytes = 0;
  bool all_caps = false;
  bool needs_case_folding = false;
};

Measure MeasureToken(std::u16string_view s) {
  const CharClasses& classes = Classes();
  Measure m;
  std::uint8_t any = 0;
  for (char16_t c : s) {
    m.utf8_bytes += Utf8LengthOfUnit(c);
    any |= classes.Of(c);
  }
  m.all_caps = (any & CharClasses::kAlpha) && !(any & CharClasses::kLower);
  m.needs_case_folding = any & CharClasses::kFolds;
  return m;
}

bool IsDigit(char16_t c) { return c >= u'0' && c <= u'9'; }

// Cheap pre-check so the compound matcher only runs where a compound can start:
// a digit or capital whose break-iterator segment is followed by a joiner, or
// a number segment that itself holds separators ("01.01.2019").
bool MayStartCompound(std::u16string_view text, std::int32_t start, std::int32_t end) {
  char16_t first = text[start];
  bool digit = IsDigit(first);
  if (!digit && !(Classes().Of(first) & CharClasses::kUpper)) return false;
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

// An ICU break iterator holds the position in the text it walks, so two
// tokenizations at once need one each. They are kept in a small pool: a call
// takes an idle one, or clones the prototype when none is idle, and gives it
// back when done. Measured on a two-word query (ICU 72, Release, 0.36 µs to
// analyse whole): cloning per call costs 0.4 µs and 1.7 KB, doubling query
// analysis; the pool's lock adds about 3% on one thread and 7% with two
// threads analysing nothing but such queries, a thread_local cache about 1%.
// The pool wins anyway: it keeps only as many iterators as tokenizations
// ever ran at once (in the server, no more than its searchers) and frees
// them with the Tokenizer, where a thread_local one stays in every connection
// thread that ever searched (up to --max-connections) until the thread
// exits; and a search spends milliseconds in Xapian for each microsecond here.
class Tokenizer::WordBreaks {
 public:
  WordBreaks() {
    UErrorCode status = U_ZERO_ERROR;
    prototype_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !prototype_) throw std::runtime_error("ICU word break rules unavailable");
  }

  // Gives the iterator back to the pool it came from.
  struct Return {
    WordBreaks* pool;
    void operator()(icu::BreakIterator* words) const { pool->GiveBack(words); }
  };
  using Borrowed = std::unique_ptr<icu::BreakIterator, Return>;

  // An iterator for the caller alone until the handle is destroyed. Throws
  // std::bad_alloc if ICU cannot clone one.
  Borrowed Borrow() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (idle_.empty()) {
      // Room for it to come back, made now: giving back runs in a
      // destructor, which must not throw.
      idle_.reserve(++created_);
      // Cloned under the lock: ICU does not promise that cloning one
      // iterator from several threads at once is safe.
      std::unique_ptr<icu::BreakIterator> clone(prototype_->clone());
      if (!clone) {
        --created_;
        throw std::bad_alloc();
      }
      return Borrowed(clone.release(), Return{this});
    }
    Borrowed words(idle_.back().release(), Return{this});
    idle_.pop_back();
    return words;
  }

 private:
  void GiveBack(icu::BreakIterator* words) noexcept {
    std::lock_guard<std::mutex> lock(mutex_);
    idle_.emplace_back(words);  // never reallocates: Borrow reserved room for every clone
  }

  std::mutex mutex_;
  std::unique_ptr<icu::BreakIterator> prototype_;            // never given text
  std::vector<std::unique_ptr<icu::BreakIterator>> idle_;  // returned, ready for the next call
  std::size_t created_ = 0;                                // clones made, idle or borrowed
};

Tokenizer::Tokenizer() : words_(std::make_unique<WordBreaks>()) {}

Tokenizer::~Tokenizer() = default;

void Tokenizer::Tokenize(const icu::UnicodeString& text, std::vector<Token>* tokens) const {
  Tokenize(text, ToUtf8(text), tokens);
}

void Tokenizer::Tokenize(const icu::UnicodeString& text, std::string_view utf8,
                         std::vector<Token>* tokens) const {
  std::u16string_view view(text.getBuffer(), static_cast<std::size_t>(text.length()));
  OffsetTracker offsets(view);
  std::uint32_t position = 0;
  tokens->reserve(tokens->size() + view.size() / 4 + 16);  // Vietnamese: ~1 token per 4.4 units
  // Plain tokens are slices of the UTF-8 text; compounds have a canonical
  // spelling of their own ("7-8-2018" → "07/08/2018").
  std::int32_t previous_end = 0;
  auto emit = [&](std::int32_t start, std::int32_t end, std::u16string_view surface,
                  TokenType type, bool canonical) {
    // A line break ends a phrase: the next token is not adjacent to the last,
    // so "…văn phòng⏎Huyện Ba Bể" never reads as "văn phòng huyện".
    if (position > 0 &&
        view.substr(previous_end, start - previous_end).find(u'\n') != std::u16string_view::npos) {
      ++position;
    }
    previous_end = end;
    Token& token = tokens->emplace_back();  // built in place: a Token is ~100 bytes
    token.start = offsets.ByteOffset(start);
    token.position = position++;
    token.type = type;
    if (canonical) {
      token.end = offsets.ByteOffset(end);
      AppendUtf8(surface, &token.term);
      token.all_caps = MeasureToken(surface).all_caps;
      return;  // compounds keep needs_case_folding = true: their surface was rewritten
    }
    Measure measure = MeasureToken(surface);
    token.end = offsets.Skip(end, measure.utf8_bytes);
    token.all_caps = measure.all_caps;
    token.needs_case_folding = measure.needs_case_folding;
    token.term.assign(utf8.substr(token.start, measure.utf8_bytes));
  };

  WordBreaks::Borrowed words = words_->Borrow();
  words->setText(text);
  std::int32_t consumed = 0;  // end of the last compound, whose pieces are skipped
  std::int32_t start = words->first();
  for (std::int32_t end = words->next(); end != icu::BreakIterator::DONE;
       start = end, end = words->next()) {
    int32_t status = words->getRuleStatus();
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
