// Temporary corpora and indexes for indexer tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include <unicode/normalizer2.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "indexer/indexer.h"

namespace tinhgon::testing {

using tinhgon::IndexOptions;
using tinhgon::IndexResult;
using tinhgon::RunIndex;

// A fresh directory under the build tree, removed when the test ends.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : path_(std::filesystem::path(TINHGON_BUILD_DIR) / "test-tmp" /
              (name + "-" + std::to_string(std::random_device{}()))) {
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

inline void WriteFile(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << bytes;
}

// UTF-8 text in another encoding, converted by ICU so fixtures are exact.
inline std::string Encode(const std::string& utf8, const char* encoding) {
  std::string out(utf8.size() * 4 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = ucnv_convert(encoding, "UTF-8", out.data(), static_cast<int32_t>(out.size()), utf8.data(),
                           static_cast<int32_t>(utf8.size()), &status);
  out.resize(U_SUCCESS(status) ? static_cast<std::size_t>(n) : 0);
  return out;
}

// Vietnamese as windows-1258 writes it: letters with quality marks (ê, ơ, ư,
// đ…) precomposed, the five tones as combining marks after them. ICU's
// converter expects that form and substitutes anything else.
inline std::string Windows1258(const std::string& utf8) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(utf8), out;
  for (int32_t i = 0; i < in.length(); ++i) {
    icu::UnicodeString parts = nfd->normalize(icu::UnicodeString(in.charAt(i)), status), base, tones;
    for (int32_t k = 0; k < parts.length(); ++k) {
      char16_t c = parts.charAt(k);
      bool tone = c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323;
      (tone ? tones : base).append(c);
    }
    out.append(nfc->normalize(base, status)).append(tones);
  }
  std::string prepared;
  out.toUTF8String(prepared);
  return Encode(prepared, "windows-1258");
}

// Indexes `dir`/in into `dir`/index, as tinhgon-index would.
inline IndexResult IndexInputs(const TempDir& dir, bool rebuild = false) {
  IndexOptions options;
  options.db = dir / "index";
  options.inputs = {(dir / "in").string()};
  options.rebuild = rebuild;
  return RunIndex(options);
}

// A dated plain-text report in `dir`/in/NAME.txt, as the text reader takes it:
// its title, its date line (empty: undated), a blank line, the body.
inline void WriteDatedReport(const TempDir& dir, const std::string& name, const std::string& title,
                             const std::string& stamp, const std::string& body) {
  WriteFile(dir / ("in/" + name + ".txt"), title + "\n" + stamp + "\n\n" + body);
}

inline std::string Report(const std::string& title, const std::string& body) {
  return title + "\n\n" + body + "\n";
}

}  // namespace tinhgon::testing
