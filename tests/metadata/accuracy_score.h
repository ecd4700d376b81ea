// Precision and recall of extracted fields against labels, shared by the
// accuracy tests on the team's snippets and on real articles.
#pragma once

#include <cstdio>
#include <map>
#include <set>
#include <string>

namespace tinhgon::testing {

struct Score {
  int tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : static_cast<double>(tp) / (tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : static_cast<double>(tp) / (tp + fn); }

  // A single-valued field, empty when the report has none.
  void Single(const std::string& predicted, const std::string& expected) {
    if (!predicted.empty() && predicted == expected) {
      ++tp;
      return;
    }
    if (!predicted.empty()) ++fp;
    if (!expected.empty()) ++fn;
  }
  void Sets(const std::set<std::string>& predicted, const std::set<std::string>& expected) {
    for (const auto& p : predicted) (expected.count(p) ? tp : fp)++;
    for (const auto& e : expected) fn += predicted.count(e) ? 0 : 1;
  }
};

using Scores = std::map<std::string, Score>;

// A table of one set's scores, as the tests print and write them.
inline std::string Table(const std::string& title, const Scores& scores) {
  std::string table = title + "\nfield              precision  recall\n";
  for (const auto& [field, s] : scores) {
    char row[128];
    std::snprintf(row, sizeof row, "%-18s %9.3f %7.3f   tp %d fp %d fn %d\n", field.c_str(), s.precision(),
                  s.recall(), s.tp, s.fp, s.fn);
    table += row;
  }
  return table;
}

}  // namespace tinhgon::testing
