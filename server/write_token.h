// The secret that turns on writing through HTTP.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

namespace tinhgon {

// The token in `file`, surrounding whitespace removed. Throws
// std::runtime_error if the file cannot be read or holds fewer than 16
// characters: a short token is guessable, and an empty one would let anyone in.
std::string ReadWriteToken(const std::filesystem::path& file);

// Compares in time that depends only on `expected`'s length, so response
// times reveal nothing about how much of a guess was right.
bool SameToken(std::string_view given, std::string_view expected);

// The token of an "Authorization: Bearer <token>" header; empty if the header
// has another form.
std::string BearerToken(std::string_view authorization);

}  // namespace tinhgon
