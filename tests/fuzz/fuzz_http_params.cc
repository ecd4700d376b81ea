// libFuzzer target: /api/search's query string as the server handles it:
// percent-decoding, parameter checks, the search and the JSON answer. A
// refusal must be a SearchError (a 400), and an answer must serialize.
#include <cstddef>
#include <cstdint>
#include <map>
#include <string>

#include <httplib.h>

#include "server/http_params.h"
#include "search/response_json.h"
#include "search/searcher.h"
#include "tests/fuzz/fuzz_index.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tinhgon::Searcher searcher(tinhgon::fuzzing::FuzzIndex());
  httplib::Params params;
  httplib::detail::parse_query_text(std::string(reinterpret_cast<const char*>(data), size), params);
  try {
    tinhgon::SearchRequest request =
        tinhgon::ParseSearchParams(std::multimap<std::string, std::string>(params.begin(), params.end()));
    (void)tinhgon::ToJson(searcher.Search(request)).dump();  // strict: invalid UTF-8 in an answer throws and fails the target
  } catch (const tinhgon::SearchError&) {
  }
  return 0;
}
