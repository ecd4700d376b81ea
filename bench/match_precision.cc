// match_precision: how many of a search's hits hold every word of the query.
//
//   match_precision --db INDEX --mix MIX [--top 20]
//
// For each query of the mix, the first --top hits are read back from the
// index and checked word by word: a hit holds a query word when its text,
// analyzed by the chain, has the word's folded form (or, for an
// abbreviation, every word of its expansion). Two readings of each query are
// measured in one run: as typed (every word required, relaxed when nothing
// holds them all) and with its words joined by OR, which is what every query
// meant before words were required. The figure is the share of checked hits
// holding every word, over the queries that were not relaxed ("top": read
// back and checked; "all": the reports holding every word over the reports
// matched), and the count of relaxed queries, whose hits by design do not
// all hold every word.
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "bench/mix.h"
#include "server/http_params.h"
#include "search/searcher.h"

namespace {

// A query word: its folded form, and its expansion's folded words if any.
struct Word {
  std::string folded;
  std::vector<std::string> expansion;
};

std::vector<Word> QueryWords(const tinhgon::Analyzer& analyzer, const std::string& q) {
  const tinhgon::Analysis analysis = analyzer.Analyze(q);
  std::vector<Word> words;
  std::map<std::uint32_t, std::size_t> by_start;
  for (const tinhgon::Token* t : tinhgon::WrittenTokens(analysis.tokens)) {
    by_start[t->start] = words.size();
    words.push_back({t->folded, {}});
  }
  for (const tinhgon::Token& t : analysis.tokens) {
    if (t.expansion && by_start.count(t.start)) words[by_start[t.start]].expansion.push_back(t.folded);
  }
  return words;
}

class HitChecker {
 public:
  HitChecker(const tinhgon::Analyzer& analyzer, tinhgon::Searcher& searcher) : analyzer_(analyzer), searcher_(searcher) {}

  bool HoldsEvery(const std::string& id, const std::vector<Word>& words) {
    const std::set<std::string>& terms = Terms(id);
    for (const Word& w : words) {
      bool held = terms.count(w.folded) > 0;
      if (!held && !w.expansion.empty()) {
        held = true;
        for (const std::string& e : w.expansion) held = held && terms.count(e) > 0;
      }
      if (!held) return false;
    }
    return true;
  }

 private:
  const std::set<std::string>& Terms(const std::string& id) {
    auto cached = terms_.find(id);
    if (cached != terms_.end()) return cached->second;
    std::set<std::string>& terms = terms_[id];
    std::optional<tinhgon::ReportRecord> doc = searcher_.Document(id);
    if (!doc) return terms;
    std::string text = doc->report.title.value_or("") + "\n" + doc->text;
    for (const tinhgon::Token& t : analyzer_.Analyze(text).tokens) terms.insert(t.folded);
    return terms;
  }

  const tinhgon::Analyzer& analyzer_;
  tinhgon::Searcher& searcher_;
  std::map<std::string, std::set<std::string>> terms_;
};

struct Tally {
  long hits = 0, holding = 0, relaxed = 0, queries = 0, empty = 0;
  double total = 0;
  // Over the queries not relaxed: the reports holding every word (the
  // total of the query as typed) and the reports matched.
  double all_words = 0, matched = 0;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"match_precision: the share of hits holding every query word, every word required against OR"};
  std::string db, mix;
  int top = 20;
  app.add_option("--db", db, "tinhgon index")->required();
  app.add_option("--mix", mix, "Query mix: URL query strings, one per line")->required();
  app.add_option("--top", top, "Hits checked per query")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  tinhgon::Analyzer analyzer;
  tinhgon::Searcher searcher(db);
  HitChecker checker(analyzer, searcher);
  std::map<std::string, Tally> tallies;
  for (const httplib::Params& params : tinhgon::bench::ReadMix(mix)) {
    tinhgon::SearchRequest typed = tinhgon::ParseSearchParams({params.begin(), params.end()});
    typed.per_page = top;
    typed.facets = false;
    std::vector<Word> words = QueryWords(analyzer, typed.q);
    if (words.empty()) continue;
    tinhgon::SearchRequest any = typed;
    any.q.clear();
    for (const std::string& w : tinhgon::bench::PlainWords(typed.q)) any.q += (any.q.empty() ? "" : " OR ") + w;
    double all_words = -1;  // the reports holding every word, when the typed query was not relaxed
    for (const auto& [name, request] : {std::pair<const char*, tinhgon::SearchRequest>{"every word (now)", typed},
                                        std::pair<const char*, tinhgon::SearchRequest>{"any word (before)", any}}) {
      tinhgon::SearchResponse response = searcher.Search(request);
      Tally& t = tallies[name];
      ++t.queries;
      const double total = static_cast<double>(response.total);
      t.total += total;
      if (total == 0) ++t.empty;
      if (response.relaxed) {
        ++t.relaxed;
        continue;
      }
      if (all_words < 0) all_words = total;  // the typed query runs first
      t.all_words += all_words;
      t.matched += total;
      for (const tinhgon::Hit& hit : response.results) {
        ++t.hits;
        t.holding += checker.HoldsEvery(hit.report.id, words);
      }
    }
  }
  std::printf("%-20s %8s %8s %8s %10s %14s %14s %11s\n", "matching", "queries", "relaxed", "empty", "hits checked",
              "precision top", "precision all", "mean total");
  for (const auto& [name, t] : tallies) {
    std::printf("%-20s %8ld %8ld %8ld %10ld %14.3f %14.3f %11.1f\n", name.c_str(), t.queries, t.relaxed, t.empty,
                t.hits, t.hits ? static_cast<double>(t.holding) / t.hits : 0.0,
                t.matched > 0 ? t.all_words / t.matched : 0.0, t.queries ? t.total / t.queries : 0.0);
  }
  return 0;
}
