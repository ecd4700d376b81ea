// Which analysis chain this program runs: a digest of the sources of
// analyzers/ (the chain and the metadata extraction) and of every data file
// they read (abbreviations, agencies, boilerplate, the gazetteer), made by
// the build. Two programs with the same fingerprint analyze any text the same
// way; an index records the fingerprint of the chain that wrote it
// (schema::kAnalysisKey). Thread-safe: a constant.
#pragma once

#include <string_view>

namespace tinhgon {

// 16 hex digits.
std::string_view AnalysisFingerprint();

}  // namespace tinhgon
