// Reading the tab-separated data files compiled into tinhgon.
#pragma once

#include <string_view>
#include <vector>

namespace tinhgon {

struct DataLine {
  int number = 0;  // 1-based, for error messages
  std::vector<std::string_view> fields;  // tab-separated, each trimmed of spaces
};

// The lines of a data file that carry data: blank lines and '#' comments are
// skipped, CR LF endings accepted. Views point into `data`.
std::vector<DataLine> ReadDataLines(std::string_view data);

// `text` split at every `separator`, each part trimmed of spaces.
std::vector<std::string_view> SplitAndTrim(std::string_view text, std::string_view separator);

std::string_view TrimSpaces(std::string_view text);

}  // namespace tinhgon
