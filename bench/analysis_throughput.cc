// Analysis throughput: the full tinhgon chain against a bare ICU word-break
// loop over the same texts, in the same run, single thread.
//
//   analysis_throughput DIR [--repeat N] [--max-files N]
//
// All files are read into memory first so disk speed is not measured. Each
// pass runs both loops back to back; the median pass is reported, with the
// ratio chain/bare that docs/BENCHMARKS.md tracks (target: >= 0.5).

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <unicode/brkiter.h>
#include <unicode/unistr.h>

#include "analyzers/abbreviation_expander.h"
#include "analyzers/analyzer.h"
#include "analyzers/case_folder.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/eth_repair.h"
#include "analyzers/text_cleaner.h"
#include "analyzers/tokenizer.h"
#include "analyzers/tone_marks.h"
#include "analyzers/unicode_normalizer.h"
#include "analyzers/utf8.h"
#include "analyzers_embedded.h"

namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> LoadTexts(const std::filesystem::path& dir, std::size_t max_files) {
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) paths.push_back(entry.path());
  }
  std::sort(paths.begin(), paths.end());
  if (max_files > 0 && paths.size() > max_files) paths.resize(max_files);
  std::vector<std::string> texts;
  texts.reserve(paths.size());
  for (const auto& path : paths) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    texts.push_back(bytes.str());
  }
  return texts;
}

// What any ICU-based tokenizer must do at least: decode UTF-8 and walk the
// word boundaries, keeping the segments that are words or numbers.
std::size_t BareIcu(const std::vector<std::string>& texts, icu::BreakIterator& words) {
  std::size_t count = 0;
  for (const std::string& bytes : texts) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(bytes);
    words.setText(text);
    words.first();
    for (int32_t end = words.next(); end != icu::BreakIterator::DONE; end = words.next()) {
      if (words.getRuleStatus() >= UBRK_WORD_NONE_LIMIT) ++count;
    }
  }
  return count;
}

std::size_t FullChain(const std::vector<std::string>& texts, const tinhgon::Analyzer& analyzer) {
  std::size_t count = 0;
  for (const std::string& bytes : texts) count += analyzer.Analyze(bytes).tokens.size();
  return count;
}

// Times each stage on its own over the whole corpus, feeding each the output
// of the previous one, to show where the chain spends its time.
void StageBreakdown(const std::vector<std::string>& texts, double megabytes) {
  enum { kClean, kNfc, kEth, kTone, kUtf8, kTokenize, kCase, kFold, kExpand, kStages };
  const char* names[kStages] = {"clean (decode UTF-8)", "NFC", "eth repair", "tone marks",
                                "to UTF-8 if changed", "tokenize",   "case fold",
                                "diacritic fold",       "abbreviations"};
  double seconds[kStages] = {};
  tinhgon::UnicodeNormalizer nfc;
  tinhgon::EthRepair eth;
  tinhgon::ToneMarkNormalizer tone;
  tinhgon::Tokenizer tokenizer;
  tinhgon::CaseFolder case_folder;
  tinhgon::DiacriticFolder diacritic_folder;
  tinhgon::Analyzer analyzer;  // only to build the expander from the real list
  tinhgon::AbbreviationExpander expander(
      tinhgon::embedded::analyzers_abbreviations, [&](std::string_view phrase) {
        auto tokens = analyzer.Analyze(phrase).tokens;
        tokens.erase(std::remove_if(tokens.begin(), tokens.end(),
                                    [](const tinhgon::Token& t) { return t.expansion; }),
                     tokens.end());
        return tokens;
      });
  auto timed = [&](int stage, auto&& work) {
    auto start = Clock::now();
    auto result = work();
    seconds[stage] += std::chrono::duration<double>(Clock::now() - start).count();
    return result;
  };
  for (const std::string& bytes : texts) {
    tinhgon::CleaningStats stats;
    icu::UnicodeString text = timed(kClean, [&] { return tinhgon::TextCleaner::Clean(bytes, &stats); });
    bool changed = stats.changed();
    changed = timed(kNfc, [&] { return nfc.Apply(&text); }) || changed;
    changed = timed(kEth, [&] { return eth.Apply(&text); }) || changed;
    changed = timed(kTone, [&] { return tone.Apply(&text); }) || changed;
    std::string utf8 = timed(kUtf8, [&] { return changed ? tinhgon::ToUtf8(text) : bytes; });
    std::vector<tinhgon::Token> tokens;
    timed(kTokenize, [&] { tokenizer.Tokenize(text, utf8, &tokens); return 0; });
    timed(kCase, [&] { case_folder.Apply(&tokens); return 0; });
    timed(kFold, [&] { diacritic_folder.Apply(&tokens); return 0; });
    timed(kExpand, [&] { expander.Apply(&tokens); return 0; });
  }
  double total = 0;
  for (double s : seconds) total += s;
  std::printf("stage breakdown (one pass, each stage timed alone):\n");
  for (int i = 0; i < kStages; ++i) {
    std::printf("  %-22s %6.2f s  %5.1f%%  %8.1f MB/s\n", names[i], seconds[i],
                100 * seconds[i] / total, megabytes / seconds[i]);
  }
  std::printf("  %-22s %6.2f s\n", "sum", total);
}

template <typename F>
double Seconds(F&& work, std::size_t* result) {
  auto start = Clock::now();
  *result = work();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Throughput of the tinhgon analysis chain next to a bare ICU loop"};
  std::string dir;
  int repeat = 3;
  std::size_t max_files = 0;
  app.add_option("dir", dir, "Directory of UTF-8 text files")->required()->check(CLI::ExistingDirectory);
  app.add_option("--repeat", repeat, "Timed passes (median reported)")->check(CLI::Range(1, 50));
  app.add_option("--max-files", max_files, "Use only the first N files (0 = all)");
  bool stages = false;
  app.add_flag("--stages", stages, "Also time each stage of the chain on its own");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::string> texts = LoadTexts(dir, max_files);
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  double megabytes = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu files, %.1f MB\n", texts.size(), megabytes);

  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  if (U_FAILURE(status)) {
    std::fprintf(stderr, "ICU word break rules unavailable\n");
    return 1;
  }
  tinhgon::Analyzer analyzer;

  std::vector<double> bare_times, chain_times;
  std::size_t bare_tokens = 0, chain_tokens = 0;
  for (int pass = 0; pass < repeat; ++pass) {
    bare_times.push_back(Seconds([&] { return BareIcu(texts, *words); }, &bare_tokens));
    chain_times.push_back(Seconds([&] { return FullChain(texts, analyzer); }, &chain_tokens));
  }
  double bare = Median(bare_times), chain = Median(chain_times);
  std::printf("bare ICU loop : %7.2f s  %7.1f MB/s  %zu tokens\n", bare, megabytes / bare, bare_tokens);
  std::printf("full chain    : %7.2f s  %7.1f MB/s  %zu tokens (expansions included)\n", chain,
              megabytes / chain, chain_tokens);
  std::printf("ratio chain/bare speed: %.2f (target >= 0.50)\n", bare / chain);
  if (stages) StageBreakdown(texts, megabytes);
  return 0;
}
