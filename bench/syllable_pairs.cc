// Decides how the search side ranks multi-syllable words: measures, on the
// XQuAD-vi retrieval set, plain OR of syllables against OR plus phrase boosts
// over adjacent syllable pairs, with queries as written and without marks.
//
//   syllable_pairs XQUAD_JSON
//
// Every paragraph is a document, every question a query whose one relevant
// document is its own paragraph. Prints MRR@10 and Recall@1/@10 per variant.

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analyzers/analyzer.h"
#include "analyzers/diacritic_folder.h"

namespace {

struct Question {
  std::string text;
  Xapian::docid relevant;
};

void IndexParagraph(const tinhgon::Analyzer& analyzer, const std::string& text,
                    Xapian::WritableDatabase& db) {
  Xapian::Document doc;
  for (const tinhgon::Token& t : analyzer.Analyze(text).tokens) {
    doc.add_posting(t.term, t.position + 1);
    if (t.has_marks()) doc.add_posting(t.folded, t.position + 1);
  }
  db.add_document(doc);
}

// One query term per word: the exact term OR its folded form, so a question
// typed with marks prefers exact matches and one typed without still matches.
Xapian::Query WordQuery(const tinhgon::Token& t) {
  if (!t.has_marks()) return Xapian::Query(t.term);
  return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(t.term), Xapian::Query(t.folded));
}

Xapian::Query BuildQuery(const tinhgon::Analyzer& analyzer, const std::string& text, bool pairs) {
  std::vector<tinhgon::Token> words;
  for (tinhgon::Token& t : analyzer.Analyze(text).tokens) {
    if (!t.expansion) words.push_back(std::move(t));
  }
  std::vector<Xapian::Query> parts;
  for (const tinhgon::Token& t : words) parts.push_back(WordQuery(t));
  if (pairs) {
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
      std::vector<Xapian::Query> pair{Xapian::Query(words[i].folded),
                                      Xapian::Query(words[i + 1].folded)};
      parts.emplace_back(Xapian::Query::OP_PHRASE, pair.begin(), pair.end(), 2);
    }
  }
  return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: syllable_pairs XQUAD_JSON\n");
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", argv[1]);
    return 1;
  }
  nlohmann::json data = nlohmann::json::parse(in);

  tinhgon::Analyzer analyzer;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  std::vector<Question> questions;
  for (const auto& article : data["data"]) {
    for (const auto& paragraph : article["paragraphs"]) {
      IndexParagraph(analyzer, paragraph["context"].get<std::string>(), db);
      for (const auto& qa : paragraph["qas"]) {
        questions.push_back({qa["question"].get<std::string>(), db.get_lastdocid()});
      }
    }
  }
  std::printf("%u documents, %zu questions\n", db.get_doccount(), questions.size());
  std::printf("%-22s %-14s %8s %8s %8s\n", "query form", "ranking", "MRR@10", "R@1", "R@10");

  Xapian::Enquire enquire(db);
  for (bool unaccented : {false, true}) {
    for (bool pairs : {false, true}) {
      double mrr = 0, r1 = 0, r10 = 0;
      for (const Question& q : questions) {
        std::string text = unaccented ? tinhgon::DiacriticFolder::Fold(q.text) : q.text;
        enquire.set_query(BuildQuery(analyzer, text, pairs));
        Xapian::MSet hits = enquire.get_mset(0, 10);
        int rank = 0;
        for (auto it = hits.begin(); it != hits.end(); ++it) {
          ++rank;
          if (*it != q.relevant) continue;
          mrr += 1.0 / rank;
          r1 += rank == 1;
          r10 += 1;
          break;
        }
      }
      double n = static_cast<double>(questions.size());
      std::printf("%-22s %-14s %8.3f %8.3f %8.3f\n", unaccented ? "without diacritics" : "as written",
                  pairs ? "OR + pairs" : "OR", mrr / n, r1 / n, r10 / n);
    }
  }
  return 0;
}
