// Relevance on XQuAD-vi, tinhgon and its peers in one run: every paragraph a
// document, every question a query (as typed: a natural-language question),
// relevant = its own paragraph. Three query variants: as written; without
// diacritics; in the old tone placement (hòa→hoà, thủy→thuỷ, khỏe→khoẻ).
// Engines: the tinhgon search service; SQLite FTS5 with the unicode61
// tokenizer keeping diacritics (remove_diacritics 0) and removing them
// (remove_diacritics 2), bm25, the question's words OR'd; plain Xapian
// (TermGenerator, QueryParser with OR, no stemming); with --pg, PostgreSQL
// full-text search (bench/postgres.h), the `simple` configuration (exact)
// and unaccent over it (folded), ts_rank and ts_rank_cd, the words AND'ed
// (websearch_to_tsquery's default) and OR'd. FTS5 and PostgreSQL get the
// title column they have in known_item, weighted the same, but empty: a
// paragraph has no title of its own.
//
//   relevance_xquad XQUAD_JSON [--work DIR] [--tinhgon-only] [--pg CONNINFO]
//                   [--per-question FILE]
//
// Prints MRR@10, Recall@1 and Recall@10 per engine and variant. With
// --per-question, FILE gets one line per engine, variant and question
// (tab-separated: engine, variant, relevant paragraph, rank of it in the
// top 10 or 0, question), so that a choice can be made on one half of the
// paragraphs and checked on the other (docs/ANALYSIS.md).

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <stdexcept>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <sqlite3.h>
#include <xapian.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "analyzers/diacritic_folder.h"
#include "bench/spelling.h"
#include "bench/postgres.h"
#include "bench/words.h"
#include "indexer/indexer.h"
#include "search/analysis_tables.h"
#include "search/diacritics_restorer.h"
#include "search/searcher.h"

namespace {

// The old placement: in an open syllable ending "oa", "oe" or "uy" the tone
// sits on the second vowel. Works on NFD text: moves a tone mark that follows
// the first vowel of such a pair to after the second.
std::string OldToneStyle(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString s = nfd->normalize(icu::UnicodeString::fromUTF8(utf8), status);
  auto tone = [](char16_t c) { return c == 0x300 || c == 0x301 || c == 0x303 || c == 0x309 || c == 0x323; };
  auto letter = [](char16_t c) { return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'); };
  icu::UnicodeString out;
  for (int32_t i = 0; i < s.length(); ++i) {
    char16_t c = s.charAt(i), lower = static_cast<char16_t>(c | 0x20);
    if ((lower == u'o' || lower == u'u') && i + 2 < s.length() && tone(s.charAt(i + 1))) {
      char16_t next = static_cast<char16_t>(s.charAt(i + 2) | 0x20);
      bool pair = (lower == u'o' && (next == u'a' || next == u'e')) || (lower == u'u' && next == u'y');
      bool open = i + 3 >= s.length() || !letter(s.charAt(i + 3));
      bool after_q = i > 0 && (s.charAt(i - 1) | 0x20) == u'q';
      if (pair && open && !after_q) {
        out.append(c).append(s.charAt(i + 2)).append(s.charAt(i + 1));
        i += 2;
        continue;
      }
    }
    out.append(c);
  }
  std::string result;
  nfc->normalize(out, status).toUTF8String(result);
  return result;
}

using Ranking = std::function<std::vector<std::string>(const std::string& query)>;  // top 10 ids

// Quotes and parentheses in a question are text, not query syntax.
std::string WithoutSyntax(const std::string& question) {
  std::string q;
  for (char c : question) q += (c == '"' || c == '(' || c == ')') ? ' ' : c;
  return q;
}

// SQLite FTS5 over the paragraphs, in memory, with known_item's schema.
class Fts5 {
 public:
  Fts5(const std::vector<std::pair<std::string, std::string>>& paragraphs, int remove_diacritics, double title_weight) {
    Check(sqlite3_open(":memory:", &db_));
    Exec("CREATE VIRTUAL TABLE p USING fts5(name UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics " +
         std::to_string(remove_diacritics) + "')");
    Exec("BEGIN");
    sqlite3_stmt* insert = nullptr;
    Check(sqlite3_prepare_v2(db_, "INSERT INTO p(name, title, body) VALUES (?, '', ?)", -1, &insert, nullptr));
    for (const auto& [id, text] : paragraphs) {
      sqlite3_bind_text(insert, 1, id.c_str(), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text(insert, 2, text.c_str(), -1, SQLITE_TRANSIENT);
      if (sqlite3_step(insert) != SQLITE_DONE) throw std::runtime_error(sqlite3_errmsg(db_));
      sqlite3_reset(insert);
    }
    sqlite3_finalize(insert);
    Exec("COMMIT");
    const std::string search =
        "SELECT name FROM p WHERE p MATCH ? ORDER BY bm25(p, 0, " + std::to_string(title_weight) + ", 1) LIMIT 10";
    Check(sqlite3_prepare_v2(db_, search.c_str(), -1, &search_, nullptr));
  }
  ~Fts5() {
    sqlite3_finalize(search_);
    sqlite3_close(db_);
  }

  // The question's words, each quoted (so nothing in it is FTS5 syntax), OR'd.
  std::vector<std::string> Search(const std::string& question) {
    std::string query;
    for (const std::string& word : tinhgon::bench::PlainWords(question)) query += (query.empty() ? "\"" : " OR \"") + word + "\"";
    std::vector<std::string> ids;
    if (query.empty()) return ids;
    sqlite3_bind_text(search_, 1, query.c_str(), -1, SQLITE_TRANSIENT);
    while (sqlite3_step(search_) == SQLITE_ROW) ids.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(search_, 0)));
    sqlite3_reset(search_);
    return ids;
  }

 private:
  void Check(int code) {
    if (code != SQLITE_OK) throw std::runtime_error(db_ ? sqlite3_errmsg(db_) : "sqlite3_open failed");
  }
  void Exec(const std::string& sql) { Check(sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr)); }
  sqlite3* db_ = nullptr;
  sqlite3_stmt* search_ = nullptr;
};

// Plain Xapian: TermGenerator terms, QueryParser with OR, no stemming.
class PlainXapian {
 public:
  explicit PlainXapian(const std::vector<std::pair<std::string, std::string>>& paragraphs) {
    Xapian::TermGenerator generator;
    for (const auto& [id, text] : paragraphs) {
      Xapian::Document doc;
      generator.set_document(doc);
      generator.index_text(text);
      doc.set_data(id);
      db_.add_document(doc);
    }
    parser_.set_database(db_);
    parser_.set_default_op(Xapian::Query::OP_OR);
  }
  std::vector<std::string> Search(const std::string& question) {
    std::vector<std::string> ids;
    Xapian::Enquire enquire(db_);
    try {
      enquire.set_query(parser_.parse_query(question));
    } catch (const Xapian::QueryParserError&) {
      return ids;
    }
    Xapian::MSet top = enquire.get_mset(0, 10);
    for (auto it = top.begin(); it != top.end(); ++it) ids.push_back(it.get_document().get_data());
    return ids;
  }

 private:
  Xapian::WritableDatabase db_{std::string(), Xapian::DB_BACKEND_INMEMORY};
  Xapian::QueryParser parser_;
};

// "Did you mean" on the questions typed without diacritics, read in their
// hits, beside each word's most frequent marked form in the index.
void PrintQuestionSpelling(tinhgon::Searcher& searcher, const std::filesystem::path& db,
                           const std::vector<std::pair<std::string, std::string>>& questions) {
  std::printf("\ndid you mean, on the questions without diacritics: words spelled as asked, questions whole\n");
  const tinhgon::Analyzer& analyzer = tinhgon::ProcessAnalysisTables()->analyzer;
  const tinhgon::SuggestionTable table{Xapian::Database(db.string())};
  std::vector<std::string> expected, read, frequent;
  for (const auto& [question, relevant] : questions) {
    tinhgon::SearchRequest r;
    r.q = WithoutSyntax(tinhgon::DiacriticFolder::Fold(question));
    r.facets = false;
    expected.push_back(WithoutSyntax(question));
    read.push_back(searcher.Search(r).suggestion.value_or(r.q));
    frequent.push_back(
        tinhgon::RestoreDiacritics(analyzer, table, r.q, [](const std::string&) { return false; }).value_or(r.q));
  }
  tinhgon::bench::PrintSpelling("tinhgon, read in its hits", analyzer, expected, read);
  tinhgon::bench::PrintSpelling("most frequent marked form", analyzer, expected, frequent);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Relevance of tinhgon on XQuAD-vi"};
  std::string xquad, work = "relevance-xquad";
  bool tinhgon_only = false;
  double title_weight = 50;
  std::string pg_conninfo, per_question_path;
  app.add_option("xquad", xquad, "xquad.vi.json")->required()->check(CLI::ExistingFile);
  app.add_option("--work", work, "Directory for the corpus and the index");
  app.add_flag("--tinhgon-only", tinhgon_only, "Leave out the peers");
  app.add_option("--fts5-title-weight", title_weight, "Weight of FTS5's (empty) title column in bm25(), as in known_item");
  app.add_option("--pg", pg_conninfo, "libpq connection string of a cluster set up by bench/lib.sh (pg_start)");
  app.add_option("--per-question", per_question_path, "Write every question's rank, per engine and variant, to FILE");
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(xquad);
  nlohmann::json data = nlohmann::json::parse(in);
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(std::filesystem::path(work) / "in");
  std::ofstream corpus(std::filesystem::path(work) / "in" / "xquad.jsonl");
  std::vector<std::pair<std::string, std::string>> questions;   // question, relevant id
  std::vector<std::pair<std::string, std::string>> paragraphs;  // id, text
  int paragraph = 0;
  for (const auto& article : data["data"]) {
    for (const auto& p : article["paragraphs"]) {
      std::string id = "p" + std::to_string(paragraph++);
      // The paragraph alone is the document: the article title, shared by all
      // its paragraphs, would only blur which paragraph answers.
      corpus << nlohmann::json{{"id", id}, {"text", p["context"]}}.dump() << "\n";
      paragraphs.emplace_back(id, p["context"]);
      for (const auto& qa : p["qas"]) questions.emplace_back(qa["question"], id);
    }
  }
  corpus.close();
  tinhgon::IndexOptions options;
  options.db = std::filesystem::path(work) / "index";
  options.inputs = {(std::filesystem::path(work) / "in").string()};
  tinhgon::RunIndex(options);
  tinhgon::Searcher searcher(options.db);

  std::vector<std::pair<std::string, Ranking>> engines;
  engines.emplace_back(std::string("tinhgon"), [&searcher](const std::string& question) {
    tinhgon::SearchRequest request;
    request.q = WithoutSyntax(question);
    request.facets = false;
    request.per_page = 10;
    std::vector<std::string> ids;
    for (const tinhgon::Hit& hit : searcher.Search(request).results) ids.push_back(hit.report.id);
    return ids;
  });
  std::unique_ptr<Fts5> fts_exact, fts_folded;
  std::unique_ptr<PlainXapian> xapian;
  if (!tinhgon_only) {
    fts_exact = std::make_unique<Fts5>(paragraphs, 0, title_weight);
    fts_folded = std::make_unique<Fts5>(paragraphs, 2, title_weight);
    xapian = std::make_unique<PlainXapian>(paragraphs);
    engines.emplace_back(std::string("FTS5 remove_diacritics 0"), [&](const std::string& q) { return fts_exact->Search(q); });
    engines.emplace_back(std::string("FTS5 remove_diacritics 2"), [&](const std::string& q) { return fts_folded->Search(q); });
    engines.emplace_back(std::string("plain Xapian"), [&](const std::string& q) { return xapian->Search(WithoutSyntax(q)); });
  }
  std::unique_ptr<tinhgon::bench::Postgres> pg;
  if (!tinhgon_only && !pg_conninfo.empty()) {
    pg = std::make_unique<tinhgon::bench::Postgres>(pg_conninfo);
    std::size_t next = 0;
    tinhgon::bench::PgLoad(*pg, "xquad", {"simple", "folded"}, [&](tinhgon::bench::PgDocument& doc) {
      if (next == paragraphs.size()) return false;
      doc = {paragraphs[next].first, "", paragraphs[next].second};
      ++next;
      return true;
    });
    for (auto& [name, ranking] : tinhgon::bench::PgRankings(*pg, "xquad")) {
      engines.emplace_back(name, [ranking = ranking](const std::string& q) { return ranking(tinhgon::bench::PlainWords(q)); });
    }
  }

  std::unique_ptr<std::ofstream> per_question;
  if (!per_question_path.empty()) {
    per_question = std::make_unique<std::ofstream>(per_question_path);
    if (!*per_question) throw std::runtime_error("cannot write " + per_question_path);
  }
  std::printf("%d paragraphs, %zu questions\n%-36s %-20s %8s %8s %8s\n", paragraph, questions.size(), "engine",
              "variant", "MRR@10", "R@1", "R@10");
  const std::vector<std::pair<const char*, std::string (*)(const std::string&)>> variants = {
      {"as written", [](const std::string& q) { return q; }},
      {"without diacritics", [](const std::string& q) { return tinhgon::DiacriticFolder::Fold(q); }},
      {"old tone placement", &OldToneStyle}};
  for (const auto& [engine, rank_of] : engines) {
    for (const auto& [name, transform] : variants) {
      double mrr = 0, r1 = 0, r10 = 0;
      for (const auto& [question, relevant] : questions) {
        std::vector<std::string> top = rank_of(transform(question));
        std::size_t found = 0;
        for (std::size_t rank = 1; rank <= top.size() && rank <= 10; ++rank) {
          if (top[rank - 1] != relevant) continue;
          found = rank;
          mrr += 1.0 / static_cast<double>(rank);
          r1 += rank == 1;
          r10 += 1;
          break;
        }
        if (per_question) *per_question << engine << '\t' << name << '\t' << relevant << '\t' << found << '\t' << question << '\n';
      }
      double n = static_cast<double>(questions.size());
      std::printf("%-36s %-20s %8.3f %8.3f %8.3f\n", engine.c_str(), name, mrr / n, r1 / n, r10 / n);
    }
  }
  PrintQuestionSpelling(searcher, options.db, questions);
  return 0;
}
