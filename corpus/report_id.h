// What a report id may be. Ids come from file paths and from JSONL records
// and the HTTP API, and they are read back through URLs
// (/api/documents/{id}, /documents/{id}), so an id is accepted only when it
// survives that round trip. Pure functions: safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tinhgon {

// The longest id, in characters (not bytes: 1,000 "ệ" are 3,000 bytes).
inline constexpr std::size_t kMaxIdCharacters = 1000;

// Why `id` cannot be a report id, or an empty string when it can. Refused:
// an empty id, invalid UTF-8, more than kMaxIdCharacters characters, control
// characters (a newline cannot be written in a request line), and an id
// ending in "/similar", which the URL of its similar reports would shadow.
std::string IdProblem(std::string_view id);

}  // namespace tinhgon
