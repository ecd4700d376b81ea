// libFuzzer target: a document's stored data read back as a hit and as a
// whole record. The data comes from disk, where it may be damaged: decoding
// never throws, and what it returns always serializes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "index/stored_report.h"
#include "search/response_json.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view stored(reinterpret_cast<const char*>(data), size);
  if (std::optional<tinhgon::StoredReport> report = tinhgon::DecodeStoredReport(stored)) {
    tinhgon::Hit hit{*report, 1.0, {}};
    (void)tinhgon::ToJson(hit).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (std::optional<std::string_view> metadata = tinhgon::StoredMetadata(stored)) {
    tinhgon::ReportRecord record{*tinhgon::DecodeStoredReport(stored), std::string(*metadata),
                                 std::string(tinhgon::StoredText(stored))};
    (void)tinhgon::ToJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return 0;
}
