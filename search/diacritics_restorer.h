// "Did you mean": the form with diacritics of a query typed without them.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

namespace tinhgon {

class Analyzer;

// For each unaccented word, tries every way Vietnamese could have written it
// (vowel qualities ă â ê ô ơ ư, đ, and the five tones on any vowel), puts each
// candidate through the analysis chain, and keeps the one the index holds most
// often. "hop nhat van phong" → "hợp nhất văn phòng". Words that already have
// marks, numbers and codes are kept as typed. Empty when nothing changes.
std::optional<std::string> RestoreDiacritics(Analyzer& analyzer, const Xapian::Database& db,
                                             const std::string& query);

}  // namespace tinhgon
