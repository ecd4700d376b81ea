// libFuzzer target: metadata extraction (layout, dates, places, agencies,
// events, figures) and its JSON form on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "analyzers/metadata/metadata_extractor.h"
#include <nlohmann/json.hpp>

#include "analyzers/metadata/report_metadata.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tinhgon::MetadataExtractor extractor;
  tinhgon::ReportMetadata metadata =
      extractor.Extract(std::string_view(reinterpret_cast<const char*>(data), size));
  // Serializing proves every extracted string is valid UTF-8: dump() throws otherwise.
  (void)tinhgon::ToJson(metadata, extractor.gazetteer(), /*with_text=*/true).dump();
  return 0;
}
