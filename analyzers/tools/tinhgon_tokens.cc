// tinhgon-tokens: shows what the analysis chain makes of a text, the way the
// indexer and the query side see it. For checking why a report does or does
// not match a query.

#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"

namespace {

const char* TypeName(tinhgon::TokenType type) {
  switch (type) {
    case tinhgon::TokenType::kWord: return "word";
    case tinhgon::TokenType::kNumber: return "number";
    case tinhgon::TokenType::kDate: return "date";
    case tinhgon::TokenType::kCode: return "code";
  }
  return "word";
}

nlohmann::json ToJson(const tinhgon::Analysis& analysis) {
  nlohmann::json tokens = nlohmann::json::array();
  for (const tinhgon::Token& t : analysis.tokens) {
    tokens.push_back({{"term", t.term},
                      {"folded", t.folded},
                      {"position", t.position},
                      {"start", t.start},
                      {"end", t.end},
                      {"type", TypeName(t.type)},
                      {"expansion", t.expansion}});
  }
  return {{"invalid_sequences", analysis.stats.invalid_sequences},
          {"removed_characters", analysis.stats.removed_characters},
          {"tokens", tokens}};
}

// Pads to a width in characters: printf's widths count bytes, and most
// Vietnamese letters take two or three.
std::string Padded(const std::string& utf8, std::size_t width) {
  std::size_t characters = 0;
  for (char c : utf8) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return utf8 + std::string(characters < width ? width - characters : 1, ' ');
}

void PrintTable(const tinhgon::Analysis& analysis) {
  for (const tinhgon::Token& t : analysis.tokens) {
    std::string surface = analysis.text.substr(t.start, t.end - t.start);
    std::printf("%5u  %s%s%-7s %s%s\n", t.position, Padded(t.term, 12).c_str(),
                Padded(t.folded, 12).c_str(), TypeName(t.type), surface.c_str(),
                t.expansion ? "  (expansion)" : "");
  }
  if (analysis.stats.invalid_sequences > 0) {
    std::printf("invalid UTF-8 sequences replaced: %zu\n", analysis.stats.invalid_sequences);
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Show the index/query terms the tinhgon analysis chain produces"};
  std::string text;
  std::vector<std::string> files;
  bool json = false;
  app.add_option("-t,--text", text, "Analyze this text instead of files");
  app.add_option("files", files, "Files to analyze (standard input when none)");
  app.add_flag("--json", json, "Print JSON instead of a table");
  CLI11_PARSE(app, argc, argv);

  std::vector<std::pair<std::string, std::string>> inputs;  // name, bytes
  if (!text.empty()) {
    inputs.emplace_back("--text", text);
  } else if (files.empty()) {
    inputs.emplace_back("-", std::string(std::istreambuf_iterator<char>(std::cin), {}));
  }
  for (const std::string& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      std::fprintf(stderr, "tinhgon-tokens: cannot read %s\n", path.c_str());
      return 1;
    }
    std::ostringstream bytes;
    bytes << in.rdbuf();
    inputs.emplace_back(path, bytes.str());
  }

  tinhgon::Analyzer analyzer;
  for (const auto& [name, bytes] : inputs) {
    tinhgon::Analysis analysis = analyzer.Analyze(bytes);
    if (json) {
      std::cout << ToJson(analysis).dump() << '\n';
    } else {
      if (inputs.size() > 1) std::printf("== %s\n", name.c_str());
      PrintTable(analysis);
    }
  }
  return 0;
}
