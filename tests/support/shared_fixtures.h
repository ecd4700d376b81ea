// Access to the read-only fixtures in ../shared (seeds, corpora, eval sets).
#pragma once

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tinhgon::testing {

// The shared folder, from $TINHGON_SHARED_DIR or the build's default; empty
// when it does not exist, so a test can Skip() instead of failing.
inline std::filesystem::path SharedDir() {
  const char* env = std::getenv("TINHGON_SHARED_DIR");
  std::filesystem::path dir = env != nullptr ? env : TINHGON_SHARED_DIR;
  std::error_code error;
  return std::filesystem::is_directory(dir, error) ? dir : std::filesystem::path();
}

// CTest counts a test that exits with this code as skipped (the test
// executables are discovered with SKIP_RETURN_CODE 77), so a run without
// ../shared shows its skips instead of passes that tested nothing.
inline constexpr int kSkipExitCode = 77;

[[noreturn]] inline void Skip(const std::string& why) {
  std::printf("skipped: %s\n", why.c_str());
  std::fflush(stdout);
  std::_Exit(kSkipExitCode);
}

inline std::vector<std::filesystem::path> SeedFiles() {
  std::vector<std::filesystem::path> files;
  std::filesystem::path shared = SharedDir();
  if (shared.empty() || !std::filesystem::is_directory(shared / "seeds")) return files;
  for (const auto& entry : std::filesystem::directory_iterator(shared / "seeds")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// The seed reports, or a skip of the calling test when they are absent.
inline std::vector<std::filesystem::path> SeedFilesOrSkip() {
  std::vector<std::filesystem::path> seeds = SeedFiles();
  if (seeds.empty()) Skip("../shared/seeds not found (set TINHGON_SHARED_DIR)");
  return seeds;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tinhgon::testing
