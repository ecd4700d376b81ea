// Where a report's text names an administrative unit, before any choice
// between units that share a name.
//
// Thread safety: a MentionScanner is immutable after construction; Scan may
// run from any number of threads at once. It keeps a reference to the
// Gazetteer it was given, which must outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "analyzers/metadata/gazetteer.h"
#include "analyzers/token.h"

namespace tinhgon {

// One place where the text names a unit; the candidates are every unit of
// that level bearing the name.
struct Mention {
  AdminLevel level = AdminLevel::kProvince;
  std::vector<std::int32_t> candidates;
  // For a commune or ward: the 2025 communes of that name, for the resolver
  // to weigh against the old ones.
  std::vector<std::int32_t> candidates_2025;
  bool in_title = false;
  bool in_lead = false;  // the first lines after the title: what the report opens with
  bool bare = false;     // no administrative word or body before it
  bool new_unit = false; // "mới" follows: the unit as rearranged in 2025
  std::size_t first = 0, end = 0;  // the name's tokens: [first, end)
};

// The tokens of a report and where its title and lead end, as the scanner
// and the rules after it see them.
struct PlaceText {
  std::vector<const Token*> tokens;  // written tokens, expansions left out
  std::string_view text;
  std::size_t title_begin = 0, title_end = 0, lead_end = 0;

  bool InTitle(std::size_t i) const {
    return title_end > title_begin && tokens[i]->start >= title_begin && tokens[i]->end <= title_end;
  }
  bool InLead(std::size_t i) const { return !InTitle(i) && tokens[i]->end <= lead_end; }
  bool Capitalized(std::size_t i) const;
  // Consecutive words with nothing but spaces between them.
  bool Joined(std::size_t i) const;
  // Consecutive words, with at most punctuation between them.
  bool Adjacent(std::size_t i) const { return i > 0 && tokens[i]->position == tokens[i - 1]->position + 1; }
  std::string_view Between(std::size_t i) const;  // the text between tokens i-1 and i
};

// Recognizes mentions:
//  - after an administrative word, full or abbreviated (tỉnh, thành phố/TP,
//    huyện/H., quận/Q., thị xã/TX, xã, phường/P., thị trấn), and every name
//    of a list after one ("các xã Minh Sơn, Hòa Sơn và Đại Sơn");
//  - after a body named for its place (Tỉnh ủy, Huyện ủy…);
//  - at the head of the title ("Đầm Hà: …");
//  - as a capitalized province name, or a usual written form of one (TP.HCM,
//    Sài Gòn), anywhere, unless what surrounds it makes it part of another
//    name: a person's name, a company's, the Pacific ("Thái Bình Dương");
//  - as a bare district name of a province the report names without doubt.
class MentionScanner {
 public:
  MentionScanner(const Gazetteer& gazetteer, const Analyzer& analyzer);

  std::vector<Mention> Scan(const PlaceText& text) const;

 private:
  struct Cue;
  struct ListItem {
    Mention mention;
    std::size_t first, terms;
  };
  std::size_t ListAfter(const PlaceText& p, const Cue& cue, std::size_t end, std::vector<ListItem>* items,
                        bool* closed) const;
  const Cue* CueAt(const PlaceText& p, std::size_t i, std::size_t* length) const;
  std::size_t CueMentions(const PlaceText& p, std::size_t i, std::vector<Mention>* out,
                          std::vector<bool>* used) const;
  std::size_t BareMention(const PlaceText& p, std::size_t i, std::vector<Mention>* out) const;
  void BareDistricts(const PlaceText& p, const std::vector<bool>& used, std::vector<Mention>* out) const;
  std::size_t NameRun(const PlaceText& p, std::size_t from, bool numbers) const;
  std::size_t Lookup(const PlaceText& p, std::size_t from, std::size_t run, std::size_t min_terms,
                     const std::vector<AdminLevel>& levels, const std::vector<const char*>& types,
                     Mention* mention) const;
  std::string Key(const PlaceText& p, std::size_t from, std::size_t n) const;
  bool PartOfAnotherName(const PlaceText& p, std::size_t from, std::size_t n) const;

  const Gazetteer& gazetteer_;
  std::string hcm_key_;  // "hồ chí minh": a person's name unless a city word precedes it
};

}  // namespace tinhgon
