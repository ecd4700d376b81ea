// libFuzzer target: the analysis chain on arbitrary bytes. Besides the
// sanitizers' checks, every token must point inside the normalized text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analyzers/analyzer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tinhgon::Analyzer analyzer;
  tinhgon::Analysis analysis = analyzer.Analyze(std::string_view(reinterpret_cast<const char*>(data), size));
  for (const tinhgon::Token& t : analysis.tokens) {
    if (t.start > t.end || t.end > analysis.text.size() || t.term.empty()) std::abort();
  }
  return 0;
}
