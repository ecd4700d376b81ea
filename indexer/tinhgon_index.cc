// tinhgon-index: builds and maintains the search index.
//
// Today it analyzes: `tinhgon-index --analyze FILE` prints the metadata
// tinhgon extracts from one report as JSON, touching no index.

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "analyzers/metadata/metadata_extractor.h"

namespace {

// Exit codes: 0 all good; 1 some input failed; 2 usage error.
constexpr int kInputFailed = 1;
constexpr int kUsage = 2;

bool ReadFile(const std::string& path, std::string* bytes, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) {
    *error = "cannot read " + path;
    return false;
  }
  *bytes = buffer.str();
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"tinhgon-index: build and maintain the tinhgon search index"};
  std::string analyze;
  bool with_text = false;
  app.add_option("--analyze", analyze, "Print the metadata extracted from FILE as JSON, touching no index")
      ->required();
  app.add_flag("--with-text", with_text, "With --analyze: include the cleaned text");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : kUsage;
  }

  std::string bytes, error;
  if (!ReadFile(analyze, &bytes, &error)) {
    std::fprintf(stderr, "tinhgon-index: %s\n", error.c_str());
    return kInputFailed;
  }
  if (bytes.find('\0') != std::string::npos && bytes.size() > 0 &&
      std::count(bytes.begin(), bytes.end(), '\0') * 10 > static_cast<long>(bytes.size())) {
    std::fprintf(stderr, "tinhgon-index: %s looks binary (NUL bytes), not a report\n", analyze.c_str());
    return kInputFailed;
  }
  tinhgon::MetadataExtractor extractor;
  tinhgon::ReportMetadata metadata = extractor.Extract(bytes);
  std::cout << tinhgon::ToJson(metadata, extractor.gazetteer(), with_text).dump(2) << '\n';
  return 0;
}
