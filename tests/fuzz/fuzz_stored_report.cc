// libFuzzer target: a document's stored data read back as a hit. The data
// comes from disk, where it may be damaged: decoding never throws, and what
// it returns always serializes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "index/stored_report.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::optional<tinhgon::StoredHit> hit =
      tinhgon::DecodeStoredHit(std::string_view(reinterpret_cast<const char*>(data), size));
  if (hit) (void)hit->hit.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
