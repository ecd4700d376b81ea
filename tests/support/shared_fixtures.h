// Access to the read-only fixtures in ../shared (seeds, corpora, eval sets).
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tinhgon::testing {

// The shared folder, from $TINHGON_SHARED_DIR or the build's default; empty
// when it does not exist, so a test can skip with a message instead of failing.
inline std::filesystem::path SharedDir() {
  const char* env = std::getenv("TINHGON_SHARED_DIR");
  std::filesystem::path dir = env != nullptr ? env : TINHGON_SHARED_DIR;
  std::error_code error;
  return std::filesystem::is_directory(dir, error) ? dir : std::filesystem::path();
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

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace tinhgon::testing
