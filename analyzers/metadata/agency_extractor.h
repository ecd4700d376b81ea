// Agencies a report names, by kind (data/agencies.tsv), with their level.
//
// Thread safety: an AgencyExtractor is immutable after construction; Find
// and Summarize may run from any number of threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "analyzers/metadata/phrase_matcher.h"
#include "analyzers/metadata/report_metadata.h"

namespace tinhgon {

class Analyzer;

class AgencyExtractor {
 public:
  struct Kind {
    std::string slug, label, level;  // level: default when the text does not say
    bool capitals_only = false;
  };
  struct Occurrence {
    std::size_t begin, end;  // token indexes
    int kind;
    std::string level;
  };

  // Loads the kinds compiled into the binary; throws std::invalid_argument
  // naming the line of a malformed entry.
  explicit AgencyExtractor(const Analyzer& analyzer);

  // Every occurrence in `tokens` (written tokens of `text`), in order.
  std::vector<Occurrence> Find(const std::vector<const Token*>& tokens, std::string_view text) const;

  // One entry per kind and stated level (unlabelled only when no mention
  // states one), in order of first mention.
  std::vector<AgencyMention> Summarize(const std::vector<Occurrence>& found) const;

  const Kind& kind(int i) const { return kinds_[i]; }
  std::size_t kind_count() const { return kinds_.size(); }

 private:
  std::vector<Kind> kinds_;
  std::vector<std::string> alias_levels_;  // per alias id: the level it implies, or empty
  std::vector<int> alias_kind_;
  PhraseMatcher matcher_;
};

// The level a place word names: "tỉnh" → tỉnh; "huyện", "quận", "thị xã" →
// huyện; "xã", "phường", "thị trấn" → xã. Empty when `tokens[i]` is none.
std::string LevelAt(const std::vector<const Token*>& tokens, std::size_t i);

}  // namespace tinhgon
