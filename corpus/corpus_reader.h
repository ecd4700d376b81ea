// Finding report files under the inputs given and reading them.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "corpus/source_report.h"

namespace tinhgon {

struct InputFile {
  std::filesystem::path path;
  std::string relative;  // relative to the input directory given (the file name for a file given)
};

// Larger reports are refused: a report is a few pages, and analysis holds
// every token of one report in memory (a 50 MB file would take over 1 GB).
inline constexpr std::size_t kMaxReportBytes = 16 * 1024 * 1024;

// Reads .txt (scraped text), .html/.htm (article extracted) and .jsonl (one
// report per line: id, title, text, optional date, url, source). A file that
// cannot be read or decoded, and each malformed JSONL line, becomes a
// ReadError; everything else is still read.
class CorpusReader {
 public:
  // Files and directories (recursively) in a stable order; files of other
  // types are left out. Inputs that do not exist are errors.
  static std::vector<InputFile> List(const std::vector<std::string>& inputs,
                                     std::vector<ReadError>* errors);

  // One JSONL record (the same fields) as a report from `source`. Throws
  // std::invalid_argument saying what is wrong with it.
  static SourceReport ParseRecord(std::string_view json_text, const std::string& source);

  static bool Supported(const std::filesystem::path& path);

  static void Read(const InputFile& file, std::vector<SourceReport>* reports,
                   std::vector<ReadError>* errors);

  // The same for bytes already in memory (`file` only names them).
  static void ReadBytes(const InputFile& file, const std::string& bytes,
                        std::vector<SourceReport>* reports, std::vector<ReadError>* errors);
};

}  // namespace tinhgon
