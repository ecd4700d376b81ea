// Turning what a user names ("Bắc Kạn", "bac kan", "06", "Phòng Nội vụ",
// "sáp nhập", "2019") into the boolean terms of the index schema.
//
// Thread safety: a FilterResolver is immutable after construction; Terms may
// run from any number of threads at once. It keeps references to the
// Analyzer and AgencyExtractor it was given, which must outlive it.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analyzers/metadata/vocabulary.h"
#include "search/warning.h"

namespace tinhgon {

class Analyzer;
class AgencyExtractor;
class Gazetteer;

class FilterResolver {
 public:
  FilterResolver(const Analyzer& analyzer, const Gazetteer& gazetteer, const AgencyExtractor& agencies);

  // Terms for `value` of `filter`; several terms are alternatives. Empty
  // when nothing is called that: the filter then matches nothing, and
  // `problem` (when given) receives the warning saying what was not
  // recognized.
  std::vector<std::string> Terms(Filter filter, const std::string& value, std::optional<Warning>* problem) const;

 private:
  std::string Key(const std::string& text) const;  // folded, case-insensitive name key

  const Analyzer& analyzer_;
  const AgencyExtractor& agencies_;
  // filter → folded name key or code → schema terms
  std::map<Filter, std::map<std::string, std::vector<std::string>>> names_;
};

}  // namespace tinhgon
