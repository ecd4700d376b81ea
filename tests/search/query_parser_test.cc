// The query language: what each piece of syntax becomes.
#include "search/query_parser.h"

#include <catch2/catch.hpp>

using tinhgon::ParseQuery;
using tinhgon::QueryNode;
using Kind = tinhgon::QueryNode::Kind;

namespace {

// A compact picture of a parsed tree: AND(…), OR(…), NOT(…, …), words[…],
// "phrase", field=value.
std::string Show(const QueryNode& n) {
  auto list = [&](const char* op) {
    std::string out = op;
    out += '(';
    for (std::size_t i = 0; i < n.children.size(); ++i) out += (i ? ", " : "") + Show(n.children[i]);
    return out + ')';
  };
  switch (n.kind) {
    case Kind::kWords: return "words[" + n.text + "]";
    case Kind::kPhrase: return "\"" + n.text + "\"";
    case Kind::kFilter: return std::string(tinhgon::ApiName(n.filter)) + "=" + n.text;
    case Kind::kAnd: return list("AND");
    case Kind::kOr: return list("OR");
    case Kind::kNot: return list("NOT");
  }
  return "?";
}

std::string Parsed(const std::string& q) { return Show(ParseQuery(q).root); }

}  // namespace

TEST_CASE("consecutive words stay one group, whose words are all required", "[parser]") {
  CHECK(Parsed("hop nhat van phong") == "words[hop nhat van phong]");
  CHECK_FALSE(ParseQuery("hop nhat van phong").has_operators);
}

TEST_CASE("items side by side are AND'd, field filters among them", "[parser]") {
  CHECK(Parsed("van phong tinh:\"Nghệ An\"") == "AND(words[van phong], province=Nghệ An)");
  CHECK(Parsed("\"hợp nhất\" huyen:\"Đầm Hà\" giảm") == "AND(\"hợp nhất\", district=Đầm Hà, words[giảm])");
  CHECK(Parsed("tinh2025:\"Thái Nguyên\" xa:\"Minh Sơn\"") == "AND(province_2025=Thái Nguyên, commune=Minh Sơn)");
  CHECK_FALSE(ParseQuery("van phong tinh:\"Nghệ An\"").has_operators);
}

TEST_CASE("OR is explicit and binds looser than AND", "[parser]") {
  CHECK(Parsed("a b OR c") == "OR(words[a b], words[c])");
  CHECK(Parsed("(a OR b) c") == "AND(OR(words[a], words[b]), words[c])");
  CHECK(Parsed("a AND b OR c AND d") == "OR(AND(words[a], words[b]), AND(words[c], words[d]))");
  CHECK(ParseQuery("a OR b").has_operators);
}

TEST_CASE("NOT, -word and AND NOT exclude from the rest of their group", "[parser]") {
  CHECK(Parsed("sap nhap NOT truong") == "NOT(words[sap nhap], words[truong])");
  CHECK(Parsed("sap nhap -truong") == "NOT(words[sap nhap], words[truong])");
  CHECK(Parsed("sap nhap AND NOT truong") == "NOT(words[sap nhap], words[truong])");
  CHECK(Parsed("sap nhap AND -truong") == "NOT(words[sap nhap], words[truong])");
  CHECK(Parsed("a AND NOT b AND c") == "NOT(AND(words[a], words[c]), words[b])");
  CHECK(ParseQuery("a AND NOT b").has_operators);
  CHECK(ParseQuery("a -b").has_operators);
  // A hyphen inside a word is no operator.
  CHECK(Parsed("18-NQ/TW") == "words[18-NQ/TW]");
  CHECK_FALSE(ParseQuery("18-NQ/TW").has_operators);
}

TEST_CASE("an exclusion takes one word, wherever it stands", "[parser]") {
  // The words after it are required, not excluded with it.
  CHECK(Parsed("sáp nhập -xã huyện") == "NOT(AND(words[sáp nhập], words[huyện]), words[xã])");
  CHECK(Parsed("sáp NOT xã nhập") == "NOT(AND(words[sáp], words[nhập]), words[xã])");
  // First in the query, it excludes from what follows.
  CHECK(Parsed("-xã sáp nhập") == "NOT(words[sáp nhập], words[xã])");
  CHECK(Parsed("NOT xã sáp nhập") == "NOT(words[sáp nhập], words[xã])");
  // Several exclusions: a report holding any of them is left out.
  CHECK(Parsed("a -b c -d") == "NOT(AND(words[a], words[c]), OR(words[b], words[d]))");
  // More than one word: a phrase, a group or a field.
  CHECK(Parsed("a -\"văn phòng\"") == "NOT(words[a], \"văn phòng\")");
  CHECK(Parsed("a -(b c)") == "NOT(words[a], words[b c])");
  CHECK(Parsed("a -tinh:\"Nghệ An\"") == "NOT(words[a], province=Nghệ An)");
  // Within parentheses, from the group's own words.
  CHECK(Parsed("(a -b) OR c") == "OR(NOT(words[a], words[b]), words[c])");
}

TEST_CASE("exclusions alone exclude from every report", "[parser]") {
  for (const char* q : {"-xã", "NOT xã"}) {
    INFO(q);
    tinhgon::ParsedQuery p = ParseQuery(q);
    CHECK_FALSE(p.fell_back());
    CHECK(p.has_operators);
    CHECK(Show(p.root) == "NOT(words[], words[xã])");
  }
  CHECK(Parsed("-xã -huyện") == "NOT(words[], OR(words[xã], words[huyện]))");
}

TEST_CASE("syntax spans: operators and fields as typed, none when the syntax is broken", "[parser]") {
  using Spans = std::vector<std::pair<std::size_t, std::size_t>>;
  const std::string q = "van tinh:\"Nghệ An\" OR -xa";
  const Spans spans = tinhgon::SyntaxSpans(q);
  REQUIRE(spans.size() == 3);
  CHECK(q.substr(spans[0].first, spans[0].second - spans[0].first) == "tinh:\"Nghệ An\"");
  CHECK(q.substr(spans[1].first, spans[1].second - spans[1].first) == "OR");
  CHECK(q.substr(spans[2].first, spans[2].second - spans[2].first) == "-");
  // Searched as plain words: nothing in them is syntax.
  CHECK(tinhgon::SyntaxSpans("cong an AND").empty());
  CHECK(tinhgon::SyntaxSpans("\"cong an").empty());
  CHECK(tinhgon::SyntaxSpans("cong an").empty());
}

TEST_CASE("lower-case operator words are words", "[parser]") {
  CHECK(Parsed("và hoặc không and or not") == "words[và hoặc không and or not]");
}

TEST_CASE("broken syntax falls back to the plain words and says why", "[parser]") {
  for (const char* q : {"\"hợp nhất", "(a b", "a b)", "AND", "AND a", "AND NOT a", "a OR", "a NOT", "a NOT NOT b", "a AND NOT",
                        "khong:ro", "tinh:"}) {
    INFO(q);
    tinhgon::ParsedQuery p = ParseQuery(q);
    REQUIRE(p.fell_back());
    CHECK(p.problem->syntax());
    CHECK(p.root.kind == Kind::kWords);
  }
  // Each reason, for the response to give in its own words.
  using Code = tinhgon::Warning::Code;
  auto code = [](const char* q) {
    tinhgon::ParsedQuery p = ParseQuery(q);
    REQUIRE(p.problem);
    return p.problem->code;
  };
  CHECK(code("\"hợp nhất") == Code::kUnbalancedQuotes);
  CHECK(code("(a b") == Code::kUnbalancedParentheses);
  CHECK(code("a b)") == Code::kUnexpectedClose);
  CHECK(code("a OR") == Code::kNothingToApply);
  CHECK(code("a NOT NOT b") == Code::kNotOfNot);
  CHECK(code("khong:ro") == Code::kUnknownField);
  CHECK(code("tinh:") == Code::kFieldWithoutValue);
  tinhgon::ParsedQuery unknown = ParseQuery("khong:ro"), empty = ParseQuery("tinh:");
  REQUIRE(unknown.problem);
  CHECK(unknown.problem->text == "khong");
  REQUIRE(empty.problem);
  CHECK(tinhgon::EnglishText(*empty.problem) == "query syntax ignored (field 'tinh' has no value): searched for the words");
  CHECK(ParseQuery("\"hợp nhất (văn phòng").root.text.find("hợp nhất") != std::string::npos);
}

TEST_CASE("an empty query is every document", "[parser]") {
  for (const char* q : {"", "   ", "\t\n"}) {
    tinhgon::ParsedQuery p = ParseQuery(q);
    CHECK_FALSE(p.fell_back());
    CHECK(p.root.kind == Kind::kWords);
    CHECK(p.root.text.empty());
  }
}
