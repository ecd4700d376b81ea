// Relevance of the tinhgon search service on XQuAD-vi: every paragraph a
// report, every question a query (as typed: a natural-language question),
// relevant = its own paragraph. Three query variants: as written; without
// diacritics; in the old tone placement (hòa→hoà, thủy→thuỷ, khỏe→khoẻ).
//
//   relevance_xquad XQUAD_JSON [--work DIR]
//
// Prints MRR@10, Recall@1 and Recall@10 per variant.

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "analyzers/diacritic_folder.h"
#include "indexer/indexer.h"
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Relevance of tinhgon on XQuAD-vi"};
  std::string xquad, work = "relevance-xquad";
  app.add_option("xquad", xquad, "xquad.vi.json")->required()->check(CLI::ExistingFile);
  app.add_option("--work", work, "Directory for the corpus and the index");
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(xquad);
  nlohmann::json data = nlohmann::json::parse(in);
  std::filesystem::remove_all(work);
  std::filesystem::create_directories(std::filesystem::path(work) / "in");
  std::ofstream corpus(std::filesystem::path(work) / "in" / "xquad.jsonl");
  std::vector<std::pair<std::string, std::string>> questions;  // question, relevant id
  int paragraph = 0;
  for (const auto& article : data["data"]) {
    for (const auto& p : article["paragraphs"]) {
      std::string id = "p" + std::to_string(paragraph++);
      // The paragraph alone is the document: the article title, shared by all
      // its paragraphs, would only blur which paragraph answers.
      corpus << nlohmann::json{{"id", id}, {"text", p["context"]}}.dump() << "\n";
      for (const auto& qa : p["qas"]) questions.emplace_back(qa["question"], id);
    }
  }
  corpus.close();
  tinhgon::IndexOptions options;
  options.db = std::filesystem::path(work) / "index";
  options.inputs = {(std::filesystem::path(work) / "in").string()};
  tinhgon::RunIndex(options);
  tinhgon::Searcher searcher(options.db);

  std::printf("%d paragraphs, %zu questions\n%-22s %8s %8s %8s\n", paragraph, questions.size(), "variant", "MRR@10",
              "R@1", "R@10");
  const std::vector<std::pair<const char*, std::string (*)(const std::string&)>> variants = {
      {"as written", [](const std::string& q) { return q; }},
      {"without diacritics", [](const std::string& q) { return tinhgon::DiacriticFolder::Fold(q); }},
      {"old tone placement", &OldToneStyle}};
  for (const auto& [name, transform] : variants) {
    double mrr = 0, r1 = 0, r10 = 0;
    for (const auto& [question, relevant] : questions) {
      tinhgon::SearchRequest request;
      // Quotes and parentheses in a question are text, not query syntax.
      for (char c : transform(question)) request.q += (c == '"' || c == '(' || c == ')') ? ' ' : c;
      request.facets = false;
      request.per_page = 10;
      nlohmann::ordered_json response = searcher.Search(request);
      int rank = 0;
      for (const auto& hit : response["results"]) {
        ++rank;
        if (hit["id"] != relevant) continue;
        mrr += 1.0 / rank;
        r1 += rank == 1;
        r10 += 1;
        break;
      }
    }
    double n = static_cast<double>(questions.size());
    std::printf("%-22s %8.3f %8.3f %8.3f\n", name, mrr / n, r1 / n, r10 / n);
  }
  return 0;
}
