#include "search/warning.h"

#include "index/schema.h"

namespace tinhgon {
namespace {

// Why the query fell back to its words.
std::string SyntaxReason(const Warning& w) {
  switch (w.code) {
    case Warning::Code::kUnbalancedQuotes: return "unbalanced quotes";
    case Warning::Code::kUnbalancedParentheses: return "unbalanced parentheses";
    case Warning::Code::kUnexpectedClose: return "unexpected ')'";
    case Warning::Code::kNothingToApply: return "an operator with nothing to apply to";
    case Warning::Code::kNotOfNot: return "NOT cannot exclude another NOT";
    case Warning::Code::kUnknownField: return "unknown field '" + w.text + "'";
    case Warning::Code::kFieldWithoutValue: return "field '" + w.text + "' has no value";
    default: return {};
  }
}

}  // namespace

std::string EnglishText(const Warning& w) {
  if (w.syntax()) return "query syntax ignored (" + SyntaxReason(w) + "): searched for the words";
  switch (w.code) {
    case Warning::Code::kNotAMonth: return "month '" + w.text + "' is not a month (YYYY-MM)";
    case Warning::Code::kNotAYear: return "year '" + w.text + "' is not four digits";
    case Warning::Code::kUnknownName: return "no " + std::string(ApiName(w.filter)) + " called '" + w.text + "'";
    case Warning::Code::kQueryCut:
      return "the query has " + std::to_string(w.of) + " words: searched for the first " + std::to_string(w.count);
    case Warning::Code::kOtherSchema:
      return "the index was written with schema version " + w.text + " and this server reads version " +
             std::string(schema::kVersion) +
             ": counts and ranking may be wrong until it is rebuilt (tinhgon-index --rebuild)";
    case Warning::Code::kRelaxedOverShards:
      return "relaxed over remote shards, where " + std::to_string(w.count) + " of " + std::to_string(w.of) +
             " words can be held too many ways to list: reports holding more of them come first";
    default: return {};
  }
}

}  // namespace tinhgon
