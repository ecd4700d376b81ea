// known_item: the title-fragment known-item test on a corpus of articles
// (vn-news-35k): a journalist remembers a few words of a headline.
//
//   known_item --db TINHGON_INDEX CORPUS_DIR [--sample 300] [--seed 7]
//              [--pg CONNINFO] [--fts5-title-weight 50]
//
// A seeded sample of articles; for each, 3–5 consecutive words of its title
// are the query: as written, without diacritics, without diacritics with one
// slip (bench/mistyped.h), and keyed in Telex with the input method off. Relevant: every article with
// that same title. MRR@10 and Recall@10, in one run, for:
// - tinhgon: the search library on the index of CORPUS_DIR, ids being file
//   names;
// - SQLite FTS5 over the same files, the title a column of its own weighted
//   in bm25() (--fts5-title-weight, the body 1), unicode61 with
//   remove_diacritics 0 and 2, the words AND'ed and OR'ed;
// - with --pg, PostgreSQL full-text search (bench/postgres.h): title
//   weighted A, body B, the `simple` configuration (exact) and unaccent over
//   it (folded), ranked by ts_rank and by ts_rank_cd, AND and OR.
// Then "did you mean" on the fragments typed without diacritics: the share
// of their words the suggestion spells as the title does (a fragment offered
// none keeps its words unmarked), and of fragments spelled right whole;
// beside it, each word in its most frequent form with marks in the index,
// what a suggestion without context offers. The fragment's own article is
// among the hits the reading reads, as it is for a journalist recalling a
// headline.

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include "analyzers/diacritic_folder.h"
#include "bench/mistyped.h"
#include "bench/postgres.h"
#include "bench/spelling.h"
#include "bench/words.h"
#include "search/analysis_tables.h"
#include "search/diacritics_restorer.h"
#include "search/searcher.h"

namespace {

struct Article {
  std::string id, title, text;
};

// FTS5 as a user who knows titles matter sets it up: the title a column of
// its own, weighted above the body in bm25() (the name column, unindexed,
// weighs 0).
class Fts5 {
 public:
  Fts5(const std::vector<Article>& articles, int remove_diacritics, double title_weight) {
    sqlite3_open(":memory:", &db_);
    Exec("CREATE VIRTUAL TABLE a USING fts5(name UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics " +
         std::to_string(remove_diacritics) + "')");
    Exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(db_, "INSERT INTO a VALUES (?, ?, ?)", -1, &insert, nullptr);
    for (const Article& article : articles) {
      sqlite3_bind_text(insert, 1, article.id.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 2, article.title.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 3, article.text.c_str(), -1, SQLITE_STATIC);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    Exec("COMMIT");
    const std::string search =
        "SELECT name FROM a WHERE a MATCH ? ORDER BY bm25(a, 0, " + std::to_string(title_weight) + ", 1) LIMIT 10";
    sqlite3_prepare_v2(db_, search.c_str(), -1, &search_, nullptr);
  }
  ~Fts5() {
    sqlite3_finalize(search_);
    sqlite3_close(db_);
  }
  std::vector<std::string> Search(const std::string& text, const char* op) {
    std::string query;
    for (const std::string& w : tinhgon::bench::PlainWords(text)) query += (query.empty() ? "\"" : std::string(" ") + op + " \"") + w + "\"";
    std::vector<std::string> ids;
    sqlite3_bind_text(search_, 1, query.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(search_) == SQLITE_ROW) ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(search_, 0)));
    sqlite3_reset(search_);
    return ids;
  }

 private:
  void Exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) throw std::runtime_error(sqlite3_errmsg(db_));
  }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* search_ = nullptr;
};

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"known_item: title-fragment known-item test, tinhgon against SQLite FTS5"};
  std::string db, corpus;
  int sample = 300;
  unsigned seed = 7;
  double title_weight = 50;
  std::string pg_conninfo, misses_path;
  bool only_tinhgon = false;
  app.add_option("--db", db, "tinhgon index of CORPUS_DIR")->required();
  app.add_option("corpus", corpus, "Directory of .txt articles, title on the first line")->required();
  app.add_option("--sample", sample, "Articles sampled");
  app.add_option("--seed", seed, "Seed of the sample");
  // 50: raising it further gained under 0.01 MRR@10 here (docs/PERFORMANCE.md).
  app.add_option("--fts5-title-weight", title_weight, "Weight of FTS5's title column in bm25() (the body's is 1)");
  app.add_option("--pg", pg_conninfo, "libpq connection string of a cluster set up by bench/lib.sh (pg_start)");
  app.add_option("--misses", misses_path,
                 "Write tinhgon's queries that miss the first rank (form, rank or 0, query, title), for reading");
  app.add_flag("--only-tinhgon", only_tinhgon, "Measure tinhgon alone");
  CLI11_PARSE(app, argc, argv);

  std::vector<Article> articles;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  std::map<std::string, std::set<std::string>> by_title;
  for (const auto& path : files) {
    std::ifstream in(path);
    Article a;
    a.id = std::filesystem::relative(path, corpus).generic_string();
    std::getline(in, a.title);
    a.text.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    by_title[a.title].insert(a.id);
    articles.push_back(std::move(a));
  }

  std::mt19937 random(seed);
  std::vector<std::pair<std::string, std::string>> queries;  // fragment, title
  std::uniform_int_distribution<std::size_t> pick(0, articles.size() - 1);
  for (int attempts = 0; static_cast<int>(queries.size()) < sample && attempts < 100 * sample; ++attempts) {
    const Article& a = articles[pick(random)];
    std::vector<std::string> words;
    std::string w;
    for (char c : a.title + " ") {
      if (c == ' ') {
        if (!w.empty()) words.push_back(w);
        w.clear();
      } else {
        w += c;
      }
    }
    if (words.size() < 3) continue;
    std::size_t length = std::uniform_int_distribution<std::size_t>(3, std::min<std::size_t>(5, words.size()))(random);
    std::size_t start = std::uniform_int_distribution<std::size_t>(0, words.size() - length)(random);
    std::string fragment;
    for (std::size_t i = start; i < start + length; ++i) fragment += (fragment.empty() ? "" : " ") + words[i];
    queries.emplace_back(fragment, a.title);
  }

  tinhgon::Searcher searcher(db);
  Fts5 exact(articles, 0, title_weight), folded(articles, 2, title_weight);
  using Engine = std::function<std::vector<std::string>(const std::string&)>;
  std::vector<std::pair<std::string, Engine>> engines = {
      {"tinhgon", [&](const std::string& q) {
         tinhgon::SearchRequest r;
         for (char c : q) r.q += (c == '"' || c == '(' || c == ')') ? ' ' : c;
         r.facets = false;
         std::vector<std::string> ids;
         for (const tinhgon::Hit& hit : searcher.Search(r).results) ids.push_back(hit.report.id);
         return ids;
       }},
      {"FTS5 remove_diacritics 0, AND", [&](const std::string& q) { return exact.Search(q, "AND"); }},
      {"FTS5 remove_diacritics 0, OR", [&](const std::string& q) { return exact.Search(q, "OR"); }},
      {"FTS5 remove_diacritics 2, AND", [&](const std::string& q) { return folded.Search(q, "AND"); }},
      {"FTS5 remove_diacritics 2, OR", [&](const std::string& q) { return folded.Search(q, "OR"); }},
  };
  if (only_tinhgon) engines.resize(1);
  std::unique_ptr<tinhgon::bench::Postgres> pg;
  if (!pg_conninfo.empty() && !only_tinhgon) {
    pg = std::make_unique<tinhgon::bench::Postgres>(pg_conninfo);
    std::size_t next = 0;
    tinhgon::bench::PgLoad(*pg, "known_item", {"simple", "folded"}, [&](tinhgon::bench::PgDocument& doc) {
      if (next == articles.size()) return false;
      const Article& a = articles[next++];
      doc = {a.id, a.title, a.text};
      return true;
    });
    for (auto& [name, ranking] : tinhgon::bench::PgRankings(*pg, "known_item")) {
      engines.emplace_back(name, [ranking = ranking](const std::string& q) { return ranking(tinhgon::bench::PlainWords(q)); });
    }
  }
  std::printf("%zu articles, %zu title fragments (3-5 words); FTS5's title weighs %g in bm25(), the body 1\n", articles.size(),
              queries.size(), title_weight);
  std::printf("%-36s %-20s %8s %8s\n", "engine", "query form", "MRR@10", "R@10");
  // Every form of every fragment made once, so each engine gets the same.
  const char* const kForms[] = {"as written", "without diacritics", "one slip", "Telex"};
  std::vector<std::array<std::string, 4>> typed;
  std::mt19937 slips(seed + 1);
  for (const auto& [fragment, title] : queries) {
    std::string unmarked = tinhgon::DiacriticFolder::Fold(fragment);
    typed.push_back({fragment, unmarked, tinhgon::bench::OneSlip(unmarked, slips), tinhgon::bench::Telex(fragment)});
  }
  std::ofstream misses;
  if (!misses_path.empty()) misses.open(misses_path);
  for (const auto& [name, search] : engines) {
    for (int form = 0; form < 4; ++form) {
      double mrr = 0, r10 = 0;
      for (std::size_t q = 0; q < queries.size(); ++q) {
        const std::string& title = queries[q].second;
        const std::string& query = typed[q][static_cast<std::size_t>(form)];
        std::vector<std::string> top = search(query);
        const std::set<std::string>& relevant = by_title[title];
        std::size_t found = 0;
        for (std::size_t rank = 1; rank <= top.size() && rank <= 10; ++rank) {
          if (relevant.count(top[rank - 1]) == 0) continue;
          mrr += 1.0 / static_cast<double>(rank);
          r10 += 1;
          found = rank;
          break;
        }
        if (misses.is_open() && name == "tinhgon" && found != 1) {
          misses << kForms[form] << '\t' << found << '\t' << query << '\t' << title << '\n';
        }
      }
      std::printf("%-36s %-20s %8.3f %8.3f\n", name.c_str(), kForms[form],
                  mrr / queries.size(), r10 / queries.size());
    }
  }

  std::printf("\ndid you mean, on the fragments without diacritics: words spelled as in the title, fragments whole\n");
  const tinhgon::Analyzer& analyzer = tinhgon::ProcessAnalysisTables()->analyzer;
  const tinhgon::SuggestionTable table{Xapian::Database(db)};
  std::vector<std::string> expected, read, frequent;
  for (std::size_t q = 0; q < queries.size(); ++q) {
    const std::string& unmarked = typed[q][1];
    tinhgon::SearchRequest r;
    r.q = unmarked;
    r.facets = false;
    expected.push_back(queries[q].first);
    read.push_back(searcher.Search(r).suggestion.value_or(unmarked));
    frequent.push_back(tinhgon::RestoreDiacritics(analyzer, table, unmarked, [](const std::string&) { return false; })
                           .value_or(unmarked));
  }
  tinhgon::bench::PrintSpelling("tinhgon, read in its hits", analyzer, expected, read);
  tinhgon::bench::PrintSpelling("most frequent marked form", analyzer, expected, frequent);
  return 0;
}
