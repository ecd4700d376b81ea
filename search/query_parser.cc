#include "search/query_parser.h"

#include <optional>

namespace tinhgon {
namespace {

struct Lexeme {
  enum Kind { kWord, kQuoted, kOpen, kClose, kAnd, kOr, kNot, kMinus, kField, kEnd } kind;
  std::string text;   // word, quoted text, or field value
  Filter filter = Filter::kProvince;  // kField
  std::size_t start = 0, end = 0;     // where it was typed
};

// Why the syntax is broken: the warning the search gives.
struct SyntaxError {
  Warning warning;
};

SyntaxError Broken(Warning::Code code, std::string field = {}) { return SyntaxError{Warning{code, std::move(field)}}; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Splits the query into words, quoted phrases, parentheses and operators.
std::vector<Lexeme> Lex(std::string_view q) {
  std::vector<Lexeme> out;
  std::size_t i = 0;
  auto read_quoted = [&](std::size_t open) {
    std::size_t close = q.find('"', open + 1);
    if (close == std::string_view::npos) throw Broken(Warning::Code::kUnbalancedQuotes);
    i = close + 1;
    return std::string(q.substr(open + 1, close - open - 1));
  };
  while (i < q.size()) {
    char c = q[i];
    if (IsSpace(c)) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    auto typed = [&](Lexeme lexeme) {
      lexeme.start = start;
      lexeme.end = i;
      out.push_back(std::move(lexeme));
    };
    if (c == '(') { ++i; typed({Lexeme::kOpen, ""}); continue; }
    if (c == ')') { ++i; typed({Lexeme::kClose, ""}); continue; }
    if (c == '"') { std::string quoted = read_quoted(i); typed({Lexeme::kQuoted, quoted}); continue; }
    if (c == '-' && i + 1 < q.size() && !IsSpace(q[i + 1]) && (i == 0 || IsSpace(q[i - 1]) || q[i - 1] == '(')) {
      ++i;
      typed({Lexeme::kMinus, ""});
      continue;
    }
    while (i < q.size() && !IsSpace(q[i]) && q[i] != '(' && q[i] != ')' && q[i] != '"') ++i;
    std::string word(q.substr(start, i - start));
    std::size_t colon = word.find(':');
    if (colon != std::string::npos && colon > 0) {
      std::optional<Filter> field = FilterOfQueryField(word.substr(0, colon));
      if (!field) throw Broken(Warning::Code::kUnknownField, word.substr(0, colon));
      std::string value = word.substr(colon + 1);
      if (value.empty() && i < q.size() && q[i] == '"') value = read_quoted(i);
      if (value.empty()) throw Broken(Warning::Code::kFieldWithoutValue, word.substr(0, colon));
      typed({Lexeme::kField, value, *field});
      continue;
    }
    if (word == "AND") typed({Lexeme::kAnd, ""});
    else if (word == "OR") typed({Lexeme::kOr, ""});
    else if (word == "NOT") typed({Lexeme::kNot, ""});
    else typed({Lexeme::kWord, word});
  }
  out.push_back({Lexeme::kEnd, ""});
  return out;
}

// or := and (OR and)* ; and := ((AND | implicit) unary | (NOT | - | AND NOT) excluded)+;
// implicit juxtaposition is AND. NOT x / -x / AND NOT x excludes x from the
// rest of its group, wherever it stands in it ("-xã sáp nhập" is "sáp nhập
// -xã"); a group of exclusions alone excludes from every report. What is
// excluded is one word, a "phrase", a field or a ( group ): "-xã huyện"
// excludes xã and requires huyện, as search engines read it.
class Parser {
 public:
  explicit Parser(std::vector<Lexeme> lexemes) : l_(std::move(lexemes)) {
    for (const Lexeme& l : l_) {
      has_operators_ = has_operators_ || l.kind == Lexeme::kAnd || l.kind == Lexeme::kOr ||
                       l.kind == Lexeme::kNot || l.kind == Lexeme::kMinus;
    }
  }

  bool has_operators() const { return has_operators_; }

  QueryNode Parse() {
    QueryNode root = Or();
    if (l_[p_].kind != Lexeme::kEnd) throw Broken(Warning::Code::kUnexpectedClose);
    return root;
  }

 private:
  QueryNode Or() {
    QueryNode left = And();
    while (l_[p_].kind == Lexeme::kOr) {
      ++p_;
      left = Combine(QueryNode::Kind::kOr, std::move(left), And());
    }
    return left;
  }

  QueryNode And() {
    std::optional<QueryNode> required, excluded;
    while (true) {
      Lexeme::Kind k = l_[p_].kind;
      const bool and_not = k == Lexeme::kAnd && (l_[p_ + 1].kind == Lexeme::kNot || l_[p_ + 1].kind == Lexeme::kMinus);
      if (and_not || k == Lexeme::kNot || k == Lexeme::kMinus) {
        if (and_not && !required && !excluded) throw Broken(Warning::Code::kNothingToApply);
        p_ += and_not ? 2 : 1;
        Add(QueryNode::Kind::kOr, &excluded, Excluded());
      } else if (k == Lexeme::kAnd) {
        if (!required && !excluded) throw Broken(Warning::Code::kNothingToApply);
        ++p_;
        Add(QueryNode::Kind::kAnd, &required, Unary());
      } else if (k == Lexeme::kWord || k == Lexeme::kQuoted || k == Lexeme::kOpen || k == Lexeme::kField) {
        Add(QueryNode::Kind::kAnd, &required, Unary());
      } else {
        break;
      }
    }
    if (!excluded) {
      if (!required) return Unary();  // says what is missing
      return std::move(*required);
    }
    QueryNode everything;  // an empty kWords node: every report
    return {QueryNode::Kind::kNot, "", {}, {required ? std::move(*required) : everything, std::move(*excluded)}};
  }

  // What NOT, - or AND NOT applies to: a word alone, else a unary.
  QueryNode Excluded() {
    if (l_[p_].kind != Lexeme::kWord) return Unary();
    return {QueryNode::Kind::kWords, l_[p_++].text, {}, {}};
  }

  static void Add(QueryNode::Kind kind, std::optional<QueryNode>* group, QueryNode node) {
    *group = *group ? Combine(kind, std::move(**group), std::move(node)) : std::move(node);
  }

  QueryNode Unary() {
    const Lexeme& l = l_[p_];
    switch (l.kind) {
      case Lexeme::kWord: {
        // Consecutive plain words stay together: their syllables form pairs.
        std::string words = l.text;
        ++p_;
        while (l_[p_].kind == Lexeme::kWord) words += " " + l_[p_++].text;
        return {QueryNode::Kind::kWords, words, {}, {}};
      }
      case Lexeme::kQuoted:
        ++p_;
        return {QueryNode::Kind::kPhrase, l.text, {}, {}};
      case Lexeme::kField:
        ++p_;
        return {QueryNode::Kind::kFilter, l.text, l.filter, {}};
      case Lexeme::kOpen: {
        ++p_;
        QueryNode inner = Or();
        if (l_[p_].kind != Lexeme::kClose) throw Broken(Warning::Code::kUnbalancedParentheses);
        ++p_;
        return inner;
      }
      case Lexeme::kMinus:
      case Lexeme::kNot:
        throw Broken(Warning::Code::kNotOfNot);
      default:
        throw Broken(l.kind == Lexeme::kClose ? Warning::Code::kUnbalancedParentheses : Warning::Code::kNothingToApply);
    }
  }

  static QueryNode Combine(QueryNode::Kind kind, QueryNode left, QueryNode right) {
    if (left.kind == kind) {
      left.children.push_back(std::move(right));
      return left;
    }
    return {kind, "", {}, {std::move(left), std::move(right)}};
  }

  std::vector<Lexeme> l_;
  std::size_t p_ = 0;
  bool has_operators_ = false;
};

// The words of a broken query, without its syntax.
std::string PlainWords(std::string_view q) {
  std::string out;
  for (char c : q) {
    bool syntax = c == '"' || c == '(' || c == ')';
    out += syntax ? ' ' : c;
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::size_t, std::size_t>> SyntaxSpans(std::string_view query) {
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  try {
    std::vector<Lexeme> lexemes = Lex(query);
    for (const Lexeme& l : lexemes) {
      if (l.kind != Lexeme::kWord && l.kind != Lexeme::kQuoted && l.kind != Lexeme::kEnd) spans.emplace_back(l.start, l.end);
    }
    Parser(std::move(lexemes)).Parse();  // broken syntax is searched as words
  } catch (const SyntaxError&) {
    spans.clear();  // read as plain words, as the search does
  }
  return spans;
}

ParsedQuery ParseQuery(std::string_view query) {
  ParsedQuery parsed;
  if (query.find_first_not_of(" \t\r\n") == std::string_view::npos) return parsed;  // everything
  try {
    Parser parser(Lex(query));
    parsed.root = parser.Parse();
    parsed.has_operators = parser.has_operators();
  } catch (const SyntaxError& e) {
    parsed.problem = e.warning;
    parsed.root = {QueryNode::Kind::kWords, PlainWords(query), {}, {}};
  }
  return parsed;
}

}  // namespace tinhgon
