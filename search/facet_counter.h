// Exact facet counts over multi-valued value slots.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

namespace tinhgon {

// Xapian's ValueCountMatchSpy counts one value per document; a report about
// two provinces must count once under each, so this spy splits the slot's
// list (schema::kListSeparator) and counts every element. Counts are exact
// for every document the match examines, which the searcher makes all
// matching documents up to its limit.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(Xapian::valueno slot) : slot_(slot) {}
  void operator()(const Xapian::Document& doc, double weight) override;
  const std::map<std::string, Xapian::doccount>& counts() const { return counts_; }

 private:
  Xapian::valueno slot_;
  std::map<std::string, Xapian::doccount> counts_;
};

}  // namespace tinhgon
