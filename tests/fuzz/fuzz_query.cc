// libFuzzer target: the query language, from parsing to ranked, faceted
// results with snippets and suggestions, on a small index.
#include <cstddef>
#include <cstdint>
#include <string>

#include "search/query_parser.h"
#include "search/response_json.h"
#include "search/searcher.h"
#include "tests/fuzz/fuzz_index.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static tinhgon::Searcher searcher(tinhgon::fuzzing::FuzzIndex());
  const std::string query(reinterpret_cast<const char*>(data), size);
  (void)tinhgon::ParseQuery(query);
  tinhgon::SearchRequest request;
  request.q = query;
  try {
    (void)tinhgon::ToJson(searcher.Search(request)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  } catch (const tinhgon::SearchError&) {
    // A refusal with a reason (a query over 1,000 characters) is an answer.
  }
  return 0;
}
