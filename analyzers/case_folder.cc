#include "analyzers/case_folder.h"

#include <stdexcept>

#include <unicode/ucasemap.h>

namespace tinhgon {

CaseFolder::CaseFolder() {
  UErrorCode status = U_ZERO_ERROR;
  case_map_ = ucasemap_open("", U_FOLD_CASE_DEFAULT, &status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU case mapping unavailable");
}

CaseFolder::~CaseFolder() { ucasemap_close(case_map_); }

std::string CaseFolder::Fold(const std::string& utf8) const {
  bool ascii = true;
  for (char c : utf8) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {  // most syllables without marks, all digits: no ICU call needed
    std::string out = utf8;
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    }
    return out;
  }
  std::string out(utf8.size() + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  int32_t length = ucasemap_utf8FoldCase(case_map_, out.data(), static_cast<int32_t>(out.size()),
                                         utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    out.assign(static_cast<std::size_t>(length), '\0');
    status = U_ZERO_ERROR;
    length = ucasemap_utf8FoldCase(case_map_, out.data(), length, utf8.data(),
                                   static_cast<int32_t>(utf8.size()), &status);
  }
  if (U_FAILURE(status)) return utf8;
  out.resize(static_cast<std::size_t>(length));
  return out;
}

void CaseFolder::Apply(std::vector<Token>* tokens) const {
  for (Token& token : *tokens) token.term = Fold(token.term);
}

}  // namespace tinhgon
