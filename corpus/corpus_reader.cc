#include "corpus/corpus_reader.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "corpus/calendar.h"
#include "corpus/encoding.h"
#include "corpus/html_reader.h"
#include "corpus/report_id.h"

namespace tinhgon {
namespace {

std::string Extension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext;
}

std::optional<std::string> OptionalString(const nlohmann::json& record, const char* key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) throw std::invalid_argument(std::string("'") + key + "' is not a string");
  return it->get<std::string>();
}

std::string TooLarge(std::uintmax_t bytes) {
  char message[160];
  std::snprintf(message, sizeof message, "too large: %.1f MB, and a report may have at most %zu MB; split it",
                static_cast<double>(bytes) / 1e6, kMaxReportBytes / (1024 * 1024));
  return message;
}

void ReadJsonl(const InputFile& file, const std::string& utf8, std::vector<SourceReport>* reports,
               std::vector<ReadError>* errors) {
  std::istringstream lines(utf8);
  std::string line;
  int number = 0;
  while (std::getline(lines, line)) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      reports->push_back(CorpusReader::ParseRecord(line, file.relative));
    } catch (const std::exception& e) {
      errors->push_back({file.relative + ":" + std::to_string(number), e.what()});
    }
  }
}

}  // namespace

SourceReport CorpusReader::ParseRecord(std::string_view json_text, const std::string& source) {
  nlohmann::json record = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (record.is_discarded()) throw std::invalid_argument("not valid JSON");
  if (!record.is_object()) throw std::invalid_argument("not a JSON object");
  auto id = record.find("id");
  if (id == record.end() || !(id->is_string() || id->is_number_integer()) ||
      (id->is_string() && id->get<std::string>().empty())) {
    throw std::invalid_argument("missing 'id' (a non-empty string or an integer)");
  }
  std::optional<std::string> title = OptionalString(record, "title");
  std::optional<std::string> text = OptionalString(record, "text");
  if (!text || text->empty()) throw std::invalid_argument("missing 'text'");
  if (text->size() > kMaxReportBytes) throw std::invalid_argument("'text' is " + TooLarge(text->size()));
  SourceReport report;
  report.id = id->is_string() ? id->get<std::string>() : std::to_string(id->get<long long>());
  if (std::string problem = IdProblem(report.id); !problem.empty()) throw std::invalid_argument(problem);
  report.source = source;
  report.format = "jsonl";
  report.encoding = "UTF-8";
  report.text = title ? *title + "\n" + *text : *text;
  report.date = OptionalString(record, "date");
  if (report.date && !IsIsoDate(*report.date)) throw std::invalid_argument("'date' is not a day written YYYY-MM-DD");
  report.url = OptionalString(record, "url");
  report.publisher = OptionalString(record, "source");
  return report;
}

bool CorpusReader::Supported(const std::filesystem::path& path) {
  std::string ext = Extension(path);
  return ext == ".txt" || ext == ".html" || ext == ".htm" || ext == ".jsonl";
}

std::vector<InputFile> CorpusReader::List(const std::vector<std::string>& inputs,
                                          std::vector<ReadError>* errors) {
  std::vector<InputFile> files;
  for (const std::string& input : inputs) {
    std::error_code error;
    std::filesystem::path root(input);
    if (std::filesystem::is_regular_file(root, error)) {
      files.push_back({root, root.filename().string()});
      continue;
    }
    if (!std::filesystem::is_directory(root, error)) {
      errors->push_back({input, "no such file or directory"});
      continue;
    }
    std::vector<InputFile> found;
    auto options = std::filesystem::directory_options::skip_permission_denied;
    for (auto it = std::filesystem::recursive_directory_iterator(root, options, error);
         !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
      if (it->is_regular_file(error) && Supported(it->path())) {
        found.push_back({it->path(), std::filesystem::relative(it->path(), root).generic_string()});
      }
    }
    if (error) errors->push_back({input, "cannot list: " + error.message()});
    std::sort(found.begin(), found.end(),
              [](const InputFile& a, const InputFile& b) { return a.relative < b.relative; });
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

void CorpusReader::Read(const InputFile& file, std::vector<SourceReport>* reports,
                        std::vector<ReadError>* errors) {
  std::error_code size_error;
  const std::uintmax_t size = std::filesystem::file_size(file.path, size_error);
  if (!size_error && size > kMaxReportBytes && Extension(file.path) != ".jsonl") {
    errors->push_back({file.relative, TooLarge(size)});  // refused before reading it
    return;
  }
  std::ifstream in(file.path, std::ios::binary);
  if (!in) {
    errors->push_back({file.relative, "cannot open"});
    return;
  }
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) {
    errors->push_back({file.relative, "cannot read"});
    return;
  }
  ReadBytes(file, bytes.str(), reports, errors);
}

void CorpusReader::ReadBytes(const InputFile& file, const std::string& bytes,
                             std::vector<SourceReport>* reports, std::vector<ReadError>* errors) {
  DecodedText decoded = DecodeText(bytes);
  if (!decoded.error.empty()) {
    errors->push_back({file.relative, decoded.error});
    return;
  }
  std::string ext = Extension(file.path);
  if (ext == ".jsonl") {
    ReadJsonl(file, decoded.utf8, reports, errors);
    return;
  }
  if (bytes.size() > kMaxReportBytes) {
    errors->push_back({file.relative, TooLarge(bytes.size())});
    return;
  }
  if (std::string problem = IdProblem(file.relative); !problem.empty()) {
    errors->push_back({file.relative, "its path cannot be an id: " + problem});
    return;
  }
  SourceReport report;
  report.id = file.relative;
  report.source = file.relative;
  report.encoding = decoded.encoding;
  report.format = ext == ".txt" ? "txt" : "html";
  report.text = report.format == "html" ? HtmlToText(decoded.utf8) : std::move(decoded.utf8);
  if (report.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    errors->push_back({file.relative, "empty: no text to index"});
    return;
  }
  reports->push_back(std::move(report));
}

}  // namespace tinhgon
