#include "analyzers/data_file.h"

namespace tinhgon {

std::string_view TrimSpaces(std::string_view text) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && space(text.front())) text.remove_prefix(1);
  while (!text.empty() && space(text.back())) text.remove_suffix(1);
  return text;
}

std::vector<std::string_view> SplitAndTrim(std::string_view text, std::string_view separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = text.find(separator, start);
    std::string_view part = text.substr(start, at == std::string_view::npos ? at : at - start);
    // Tabs separate fields, so only spaces are trimmed from a tab-split part.
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && (part.back() == ' ' || part.back() == '\r')) part.remove_suffix(1);
    parts.push_back(part);
    if (at == std::string_view::npos) return parts;
    start = at + separator.size();
  }
}

std::vector<DataLine> ReadDataLines(std::string_view data) {
  std::vector<DataLine> lines;
  int number = 0;
  while (!data.empty()) {
    std::size_t newline = data.find('\n');
    std::string_view line = data.substr(0, newline);
    data.remove_prefix(newline == std::string_view::npos ? data.size() : newline + 1);
    ++number;
    std::string_view content = TrimSpaces(line);
    if (content.empty() || content.front() == '#') continue;
    lines.push_back({number, SplitAndTrim(line, "\t")});
  }
  return lines;
}

}  // namespace tinhgon
