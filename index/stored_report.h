// Reading a hit back from a document's stored data (schema.h: the JSON
// `tinhgon-index --analyze` prints, with id, source and text). The data is
// read from disk, so it is treated as untrusted: anything that is not the
// expected shape makes the document a damaged one, never an exception.
// Pure functions: safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace tinhgon {

struct StoredHit {
  // {id, title, date, byline, locality (the primary one, or null),
  // agencies, events (types, each once), source}
  nlohmann::ordered_json hit;
  std::string text;  // the cleaned text, for snippets
};

// Empty when `data` is not a stored report (not JSON, not an object, or a
// field of the wrong type).
std::optional<StoredHit> DecodeStoredHit(std::string_view data);

}  // namespace tinhgon
