// Stage 5 of the analysis chain: the unaccented form of every term.
#pragma once

#include <string>
#include <string_view>

#include "analyzers/token_filter.h"

namespace tinhgon {

// Fills Token::folded with the term stripped of every mark, and đ→d, which
// Unicode decomposition does not do because đ is a letter of its own. The
// exact term is kept, so an unaccented query ("hop nhat") can match through
// the folded form while a query typed with marks can still prefer exact hits.
class DiacriticFolder final : public TokenFilter {
 public:
  void Apply(std::vector<Token>* tokens) const override;

  // The folded form of any UTF-8 string.
  static std::string Fold(std::string_view utf8);
  // The same, into `out`, reusing its storage.
  static void FoldInto(std::string_view utf8, std::string* out);
};

}  // namespace tinhgon
