#include "server/write_token.h"

#include <fstream>
#include <sstream>
#include <cctype>
#include <stdexcept>

namespace tinhgon {

std::string ReadWriteToken(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read the write token file " + file.string());
  std::ostringstream content;
  content << in.rdbuf();
  std::string token = content.str();
  const char* space = " \t\r\n";
  token.erase(0, token.find_first_not_of(space));
  token.erase(token.find_last_not_of(space) + 1);
  if (token.size() < 16) {
    throw std::runtime_error("the write token in " + file.string() + " is shorter than 16 characters");
  }
  if (token.find_first_of(space) != std::string::npos) {
    throw std::runtime_error("the write token in " + file.string() + " contains whitespace");
  }
  return token;
}

bool SameToken(std::string_view given, std::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const unsigned char g = i < given.size() ? static_cast<unsigned char>(given[i]) : 0;
    difference |= g ^ static_cast<unsigned char>(expected[i]);
  }
  return difference == 0 && !expected.empty();
}

std::string BearerToken(std::string_view authorization) {
  constexpr std::string_view kScheme = "Bearer ";
  if (authorization.size() <= kScheme.size()) return std::string();
  for (std::size_t i = 0; i < kScheme.size(); ++i) {
    // The scheme name is case-insensitive (RFC 9110).
    if (std::tolower(static_cast<unsigned char>(authorization[i])) !=
        std::tolower(static_cast<unsigned char>(kScheme[i]))) {
      return std::string();
    }
  }
  std::string_view token = authorization.substr(kScheme.size());
  while (!token.empty() && token.front() == ' ') token.remove_prefix(1);
  while (!token.empty() && token.back() == ' ') token.remove_suffix(1);
  return std::string(token);
}

}  // namespace tinhgon
