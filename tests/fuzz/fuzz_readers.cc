// libFuzzer target: the same bytes read as a .txt, an .html and a .jsonl
// file: encoding detection, HTML extraction and JSONL records.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "corpus/corpus_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  for (const char* name : {"input.txt", "input.html", "input.jsonl"}) {
    std::vector<tinhgon::SourceReport> reports;
    std::vector<tinhgon::ReadError> errors;
    tinhgon::CorpusReader::ReadBytes({name, name}, bytes, &reports, &errors);
    // A file is read or reported, never silently dropped (JSONL may hold no line).
    if (reports.empty() && errors.empty() && std::string(name) != "input.jsonl") std::abort();
  }
  return 0;
}
