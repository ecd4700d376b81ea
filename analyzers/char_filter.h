// A whole-text transformation that runs before tokenization.
#pragma once

#include <unicode/unistr.h>

namespace tinhgon {

// Char filters see the complete text, so they can fix things a token-level
// stage would have to undo again (a mark split across code points, a letter
// that tokenizers treat as foreign). Implementations are stateless and
// thread-safe; Apply edits in place and says whether it changed anything, so
// the chain can hand back the caller's own bytes when no stage did.
class CharFilter {
 public:
  virtual ~CharFilter() = default;
  virtual bool Apply(icu::UnicodeString* text) const = 0;
};

}  // namespace tinhgon
