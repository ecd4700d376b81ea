// One report as a corpus reader hands it to the indexer.
#pragma once

#include <optional>
#include <string>

namespace tinhgon {

struct SourceReport {
  std::string id;      // stable: path relative to the input directory, or a JSONL record's id
  std::string source;  // the file it came from, relative to the input directory
  std::string format;  // "txt", "html", "jsonl"
  std::string encoding;
  std::string text;    // UTF-8; for JSONL and HTML the title is its first line
  // Given by the source itself (JSONL fields); preferred over what extraction finds.
  std::optional<std::string> date, url, publisher;
};

struct ReadError {
  std::string source;   // file, or "file:line" for a JSONL record
  std::string message;
};

}  // namespace tinhgon
