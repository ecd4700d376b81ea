// query_mix: the fixed query mix of the search benchmarks, drawn from an
// index's own reports with a seeded generator, as URL query strings for
// /api/search, one per line.
//
//   query_mix --db INDEX [--plain 300] [--filtered 100] [--seed 42]
//
// A query is 2–4 consecutive words of a random report's title; every second
// one is typed without diacritics (the analyzer's folded form). Filtered
// queries add the report's own province or publication year, so none is
// empty by construction.

#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/stored_report.h"
#include "analyzers/analyzer.h"

namespace {

struct Query {
  std::string text, filter;
};

std::vector<std::string> Words(const std::string& title) {
  std::vector<std::string> words;
  std::string word;
  for (char c : title + " ") {
    if (c == ' ' || c == '\t') {
      if (!word.empty()) words.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  return words;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"query_mix: the benchmark query mix, drawn from an index"};
  std::string db;
  int plain = 300, filtered = 100;
  unsigned seed = 42;
  app.add_option("--db", db, "A tinhgon index")->required();
  app.add_option("--plain", plain, "Queries without a filter");
  app.add_option("--filtered", filtered, "Queries with one filter (province or year)");
  app.add_option("--seed", seed, "Seed of the generator");
  CLI11_PARSE(app, argc, argv);

  Xapian::Database index(db);
  if (index.get_doccount() == 0) {
    std::fprintf(stderr, "query_mix: %s is empty\n", db.c_str());
    return 1;
  }
  tinhgon::Analyzer analyzer;
  std::mt19937 random(seed);
  std::uniform_int_distribution<Xapian::docid> pick(1, index.get_lastdocid());
  std::vector<Query> queries;
  for (int made = 0, attempts = 0; made < plain + filtered && attempts < 100 * (plain + filtered); ++attempts) {
    Xapian::Document doc;
    try {
      doc = index.get_document(pick(random));
    } catch (const Xapian::DocNotFoundError&) {
      continue;  // a deleted document's id
    }
    nlohmann::json data = nlohmann::json(tinhgon::DecodeStoredRecord(doc.get_data()).value());
    std::vector<std::string> words = Words(data.value("title", ""));
    if (words.size() < 2) continue;
    std::size_t length = std::uniform_int_distribution<std::size_t>(2, std::min<std::size_t>(4, words.size()))(random);
    std::size_t start = std::uniform_int_distribution<std::size_t>(0, words.size() - length)(random);
    std::string text;
    for (std::size_t i = start; i < start + length; ++i) text += (text.empty() ? "" : " ") + words[i];
    if (made % 2 == 1) {  // typed without diacritics
      std::string folded;
      for (const tinhgon::Token& t : analyzer.Analyze(text).tokens) {
        if (!t.expansion) folded += (folded.empty() ? "" : " ") + t.folded;
      }
      text = folded;
    }
    if (text.empty()) continue;
    Query q{text, ""};
    if (made >= plain) {
      // Alternately a province and a year, whichever the report has.
      const nlohmann::json& localities = data["localities"];
      std::string province, year;
      if (!localities.empty() && localities[0]["province_code"].is_string()) {
        province = "province=" + localities[0]["province_code"].get<std::string>();
      }
      if (data["date"].is_string()) year = "year=" + data["date"].get<std::string>().substr(0, 4);
      q.filter = (made % 2 == 0 && !province.empty()) || year.empty() ? province : year;
      if (q.filter.empty()) continue;
    }
    queries.push_back(q);
    ++made;
  }
  for (const Query& q : queries) {
    std::printf("q=%s%s%s\n", httplib::detail::encode_query_param(q.text).c_str(), q.filter.empty() ? "" : "&",
                q.filter.c_str());
  }
  return 0;
}
