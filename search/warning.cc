#include "search/warning.h"

#include "index/schema.h"

namespace tinhgon {
namespace {

std::string Ignored(const std::string& reason) { return "query syntax ignored (" + reason + "): searched for the words"; }

}  // namespace

bool Warning::syntax() const {
  switch (code) {
    case Code::kUnbalancedQuotes:
    case Code::kUnbalancedParentheses:
    case Code::kUnexpectedClose:
    case Code::kNothingToApply:
    case Code::kNotOfNot:
    case Code::kUnknownField:
    case Code::kFieldWithoutValue: return true;
    case Code::kNotAMonth:
    case Code::kNotAYear:
    case Code::kUnknownName:
    case Code::kQueryCut:
    case Code::kOtherSchema:
    case Code::kRelaxedOverShards: return false;
  }
  return false;
}

// Every code is worded (no default), so a new one is a compiler warning
// until it is.
std::string EnglishText(const Warning& w) {
  switch (w.code) {
    case Warning::Code::kUnbalancedQuotes: return Ignored("unbalanced quotes");
    case Warning::Code::kUnbalancedParentheses: return Ignored("unbalanced parentheses");
    case Warning::Code::kUnexpectedClose: return Ignored("unexpected ')'");
    case Warning::Code::kNothingToApply: return Ignored("an operator with nothing to apply to");
    case Warning::Code::kNotOfNot: return Ignored("NOT cannot exclude another NOT");
    case Warning::Code::kUnknownField: return Ignored("unknown field '" + w.text + "'");
    case Warning::Code::kFieldWithoutValue: return Ignored("field '" + w.text + "' has no value");
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
  }
  return {};
}

}  // namespace tinhgon
