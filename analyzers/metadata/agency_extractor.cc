#include "analyzers/metadata/agency_extractor.h"

#include <set>
#include <stdexcept>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/capitals.h"
#include "metadata_embedded.h"

namespace tinhgon {
namespace {

std::vector<std::string_view> Split(std::string_view s, std::string_view separator) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    std::size_t at = s.find(separator, start);
    parts.push_back(s.substr(start, at == std::string_view::npos ? at : at - start));
    if (at == std::string_view::npos) return parts;
    start = at + separator.size();
  }
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

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

AgencyExtractor::AgencyExtractor(Analyzer& analyzer) {
  std::string_view data = embedded::metadata_agencies;
  int line_number = 0;
  while (!data.empty()) {
    std::size_t newline = data.find('\n');
    std::string_view line = data.substr(0, newline);
    data.remove_prefix(newline == std::string_view::npos ? data.size() : newline + 1);
    ++line_number;
    if (Trim(line).empty() || line.front() == '#') continue;
    std::vector<std::string_view> f = Split(line, "\t");
    auto fail = [&](const std::string& why) {
      throw std::invalid_argument("agencies line " + std::to_string(line_number) + ": " + why);
    };
    if (f.size() < 3 || f.size() > 5) fail("expected slug, label, aliases[, level[, flags]]");
    Kind kind{std::string(Trim(f[0])), std::string(Trim(f[1])),
              f.size() > 3 ? std::string(Trim(f[3])) : std::string(), false};
    if (f.size() > 4 && !Trim(f[4]).empty()) {
      if (Trim(f[4]) != "caps") fail("unknown flag");
      kind.capitals_only = true;
    }
    const int kind_id = static_cast<int>(kinds_.size());
    kinds_.push_back(kind);
    for (std::string_view alias : Split(f[2], "|")) {
      alias = Trim(alias);
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
