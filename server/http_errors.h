// How the server answers a request that failed: one place decides the
// status, so the API and the pages agree. Thread-safe.
#pragma once

#include <stdexcept>
#include <string>

namespace tinhgon {

// A refusal of the HTTP layer's own (authorization, a bad body), with its status.
struct HttpError : std::runtime_error {
  HttpError(int status_, std::string code_, const std::string& message)
      : std::runtime_error(message), status(status_), code(std::move(code_)) {}
  int status;
  std::string code;
};

struct Failure {
  int status = 500;
  std::string code;
  std::string message;   // English, for the API
  std::string error_id;  // set for 500s: the id the log line carries
};

// Classifies the exception being handled; call it only inside a catch
// block. A refused request is a 4xx; an index that cannot be opened or read
// (Xapian's database errors), or a busy writer, a 503; anything else is a
// bug: a 500 whose message gives only an error id, logged with the
// exception's text and `what_request` ("GET /api/search?...").
Failure CurrentFailure(const std::string& what_request);

}  // namespace tinhgon
