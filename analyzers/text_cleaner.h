// Stage 1 of the analysis chain: arbitrary bytes in, clean UTF-16 text out.
#pragma once

#include <cstddef>
#include <string_view>

#include <unicode/unistr.h>

namespace tinhgon {

struct CleaningStats {
  std::size_t invalid_sequences = 0;  // malformed UTF-8 sequences replaced by U+FFFD
  std::size_t removed_characters = 0; // BOM, NUL, zero-width and soft hyphen characters dropped
  std::size_t replaced_characters = 0; // unusual spaces and CRs made plain

  bool changed() const {
    return invalid_sequences + removed_characters + replaced_characters > 0;
  }
};

// Decodes UTF-8 and removes what scraped pages leave behind but readers never
// see. Never fails: malformed input is replaced and counted so the caller can
// report it while still indexing the rest of the document.
//
//  - invalid UTF-8 → U+FFFD, one per maximal invalid subpart (counted);
//  - BOM, NUL and other C0/C1 controls except tab and newlines, zero-width
//    space/joiners, word joiner and soft hyphen are removed (counted);
//  - NBSP, tabs and the other Unicode spaces become a plain space;
//  - CR LF and lone CR become LF, so line-based metadata rules see one style.
class TextCleaner {
 public:
  static icu::UnicodeString Clean(std::string_view bytes, CleaningStats* stats);
};

}  // namespace tinhgon
