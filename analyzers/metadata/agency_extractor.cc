#include "analyzers/metadata/agency_extractor.h"

#include <set>
#include <stdexcept>

#include "analyzers/analyzer.h"
#include "analyzers/data_file.h"
#include "analyzers/metadata/capitals.h"
#include "metadata_embedded.h"

namespace tinhgon {
namespace {

bool Adjacent(const std::vector<const Token*>& t, std::size_t i) {
  return i > 0 && i < t.size() && t[i]->position == t[i - 1]->position + 1;
}

}  // namespace

std::string LevelAt(const std::vector<const Token*>& t, std::size_t i) {
  if (i >= t.size()) return std::string();
  const std::string& w = t[i]->term;
  bool next_adjacent = Adjacent(t, i + 1);
  const std::string next = next_adjacent ? t[i + 1]->term : std::string();
  if (w == "tỉnh") return "tỉnh";
  if (w == "huyện" || w == "quận" || (w == "thị" && next == "xã")) return "huyện";
  if (w == "xã" || w == "phường" || (w == "thị" && next == "trấn")) return "xã";
  if (w == "cấp" && next_adjacent) return LevelAt(t, i + 1);
  return std::string();
}

AgencyExtractor::AgencyExtractor(const Analyzer& analyzer) {
  for (const DataLine& line : ReadDataLines(embedded::metadata_agencies)) {
    const std::vector<std::string_view>& f = line.fields;
    auto fail = [&](const std::string& why) {
      throw std::invalid_argument("agencies line " + std::to_string(line.number) + ": " + why);
    };
    if (f.size() < 3 || f.size() > 5) fail("expected slug, label, aliases[, level[, flags]]");
    Kind kind{std::string(f[0]), std::string(f[1]), f.size() > 3 ? std::string(f[3]) : std::string(),
              false};
    if (f.size() > 4 && !f[4].empty()) {
      if (f[4] != "caps") fail("unknown flag");
      kind.capitals_only = true;
    }
    const int kind_id = static_cast<int>(kinds_.size());
    kinds_.push_back(kind);
    for (std::string_view alias : SplitAndTrim(f[2], "|")) {
      std::string level;
      std::size_t at = alias.find('@');
      if (at != std::string_view::npos) {
        level = std::string(alias.substr(at + 1));
        alias = alias.substr(0, at);
      }
      std::vector<std::string> terms;
      const Analysis analysis = analyzer.Analyze(alias);  // outlives the pointers below
      for (const Token* t : WrittenTokens(analysis.tokens)) terms.push_back(t->term);
      if (terms.empty()) fail("empty alias");
      matcher_.Add(std::move(terms), static_cast<int>(alias_kind_.size()));
      alias_kind_.push_back(kind_id);
      alias_levels_.push_back(level);
    }
  }
}

std::vector<AgencyExtractor::Occurrence> AgencyExtractor::Find(const std::vector<const Token*>& t,
                                                               std::string_view text) const {
  std::vector<Occurrence> found;
  for (const PhraseMatcher::Match& m : matcher_.FindAll(t)) {
    const int kind_id = alias_kind_[m.id];
    const Kind& k = kinds_[kind_id];
    if (k.capitals_only &&
        !StartsWithCapital(text.substr(t[m.begin]->start, t[m.begin]->end - t[m.begin]->start))) {
      continue;
    }
    std::string level = alias_levels_[m.id];
    if (level.empty() && Adjacent(t, m.end)) level = LevelAt(t, m.end);
    if (level.empty()) level = k.level;
    found.push_back({m.begin, m.end, kind_id, level});
  }
  return found;
}

std::vector<AgencyMention> AgencyExtractor::Summarize(const std::vector<Occurrence>& found) const {
  // A kind named once with its level and once without is one agency: keep
  // the stated levels, and an unlabelled entry only for kinds that have none.
  std::set<int> has_level;
  for (const Occurrence& o : found) {
    if (!o.level.empty()) has_level.insert(o.kind);
  }
  std::vector<AgencyMention> agencies;
  std::set<std::pair<int, std::string>> seen;
  for (const Occurrence& o : found) {
    if (o.level.empty() && has_level.count(o.kind)) continue;
    if (!seen.insert({o.kind, o.level}).second) continue;
    agencies.push_back({kinds_[o.kind].slug, kinds_[o.kind].label, o.level});
  }
  return agencies;
}

}  // namespace tinhgon
