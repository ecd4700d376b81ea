// Publication dates and the dates a report talks about.
//
// Thread safety: a DateExtractor is immutable; its methods may run from any
// number of threads at once. It keeps a reference to the Analyzer it was
// given, which must outlive it.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/token.h"

namespace tinhgon {

class Analyzer;
struct Layout;

// Works on the analysis chain's tokens, where "20/11/2020", "7-8-2018" and
// "01.01.2019" already arrive as one canonical date token, so the rules here
// only add what Vietnamese spells out in words.
class DateExtractor {
 public:
  explicit DateExtractor(const Analyzer& analyzer) : analyzer_(analyzer) {}

  // Every date mentioned, normalized and in order of first mention, without
  // duplicates: "2018-08-07" (ngày 7-8-2018, ngày 7 tháng 8 năm 2018),
  // "2018-11" (Tháng 11 năm 2018, tháng 11/2018), "2020" (năm 2020), and both
  // ends of a range ("Giai đoạn 2020 – 2025" → "2020", "2025").
  // `text` is the text the tokens were made from.
  std::vector<std::string> Mentioned(const std::vector<Token>& tokens, std::string_view text) const;

  // The date of a line that is only a publication stamp ("20/11/2020",
  // "28/07/2020 09:38", "Thứ Hai, 02/12/2019 - 08:15"), as YYYY-MM-DD.
  std::optional<std::string> DateLine(std::string_view line) const;

  // The publication date: the first stamp line among the first eight and the
  // last six lines. Never guessed from dates in the running text.
  std::optional<std::string> PublicationDate(const Layout& layout) const;

 private:
  const Analyzer& analyzer_;
};

}  // namespace tinhgon
