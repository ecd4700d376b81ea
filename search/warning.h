// What a search did other than it was asked: a query whose syntax was
// broken and was searched as plain words, a filter value that names
// nothing, a query cut to the word budget. A code and the values it names,
// so that each edge words it once in its own language: English in the
// API's `warnings` and on the command line (EnglishText), Vietnamese in the
// web form (server/page_messages.h).
//
// Thread safety: a value type; EnglishText is a pure function.
#pragma once

#include <cstddef>
#include <string>
#include <utility>

#include "analyzers/metadata/vocabulary.h"

namespace tinhgon {

struct Warning {
  enum class Code {
    // The query's syntax was broken, so its words were searched as plain
    // words; `text` is the field at fault, for the two field codes.
    kUnbalancedQuotes,
    kUnbalancedParentheses,
    kUnexpectedClose,
    kNothingToApply,   // an operator with no operand
    kNotOfNot,         // NOT NOT
    kUnknownField,
    kFieldWithoutValue,
    // A filter value (`text`) that names nothing of `filter`: the filter
    // matches nothing.
    kNotAMonth,
    kNotAYear,
    kUnknownName,
    // The query had `of` words; the first `count` were searched.
    kQueryCut,
    // The index was written with schema version `text`, not the server's.
    kOtherSchema,
    // Relaxed over remote shards to `count` of `of` words, ranked by how
    // many each report holds.
    kRelaxedOverShards,
  };

  Warning() = default;
  explicit Warning(Code c, std::string named = {}, Filter of_filter = Filter::kProvince)
      : code(c), text(std::move(named)), filter(of_filter) {}

  Code code = Code::kUnbalancedQuotes;
  std::string text;
  Filter filter = Filter::kProvince;
  std::size_t count = 0, of = 0;

  // The query fell back to its words (the first seven codes).
  bool syntax() const;
  bool operator==(const Warning& other) const {
    return code == other.code && text == other.text && filter == other.filter && count == other.count &&
           of == other.of;
  }
};

// The warning in English, as the API and tinhgon-search give it.
std::string EnglishText(const Warning& warning);

}  // namespace tinhgon
