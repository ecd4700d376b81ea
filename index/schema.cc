#include "index/schema.h"

#include <openssl/evp.h>

#include <stdexcept>

#include "analyzers/utf8.h"

namespace tinhgon::schema {
namespace {

std::string Sha256Hex(std::string_view value) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(value.data(), value.size(), digest, &length, EVP_sha256(), nullptr) != 1) {
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  }
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  for (unsigned int i = 0; i < length; ++i) {
    hex += kHex[digest[i] >> 4];
    hex += kHex[digest[i] & 0xF];
  }
  return hex;
}

}  // namespace

std::string BooleanTerm(std::string_view prefix, std::string_view value) {
  if (value.size() <= kMaxPlainTermValue) return Term(prefix, value);
  std::string term = Term(prefix, Utf8Head(value, 150));  // the readable part stays UTF-8
  term += '\x1e';
  term += Sha256Hex(value);
  return term;
}

}  // namespace tinhgon::schema
