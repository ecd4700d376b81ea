#include "analyzers/metadata/locality_scanner.h"

#include <algorithm>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/capitals.h"

namespace tinhgon {

// An administrative word, or a body named after its place, and what it says
// about the name that follows.
struct MentionScanner::Cue {
  std::vector<const char*> terms;
  std::vector<AdminLevel> levels;  // tried in order
  std::vector<const char*> types;  // preferred unit types
  bool numbers = false;            // "phường 12", "quận 1"
  // A one-letter abbreviation ("H. Mỹ Đức", "Q.1", "P. Bến Nghé"): only when
  // written as a capital with its full stop, so a stray letter is no cue.
  bool abbreviation = false;
};

namespace {

using L = AdminLevel;

const std::vector<const char*> kCommuneTypes = {"xa"};

// Words before a name that make it a person's: family names and the middle
// names that follow them ("ông Nguyễn Thái Bình", "ĐB Phan Thị Bình Thuận").
const std::set<std::string_view>& PersonalNames() {
  static const std::set<std::string_view> names = {
      "nguyễn", "trần", "lê", "phạm", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi", "đỗ", "ngô",
      "lý", "đinh", "trịnh", "đào", "lưu", "tạ", "thị", "văn", "hữu", "đình", "công", "bá"};
  return names;
}

// Words that open the name of a firm or an institution named after a place
// ("Công ty Cao su Đồng Nai", "Nhà máy Giấy Hậu Giang", "tàu Bình Dương 658").
const std::vector<std::vector<std::string_view>>& FirmWords() {
  static const std::vector<std::vector<std::string_view>> words = {
      {"công", "ty"}, {"tập", "đoàn"}, {"nhà", "máy"}, {"ngân", "hàng"}, {"khách", "sạn"},
      {"câu", "lạc", "bộ"}, {"clb"}, {"xí", "nghiệp"}, {"htx"}, {"tàu"}, {"đại", "học"},
      {"đh"}, {"trường"}, {"báo"}, {"đài"}};
  return words;
}

// Named features that bear a province's name without being in it: a lake, a
// dam, a river, a bridge, a street, a market ("hồ Hòa Bình", "đường Hà Nội").
const std::set<std::string_view>& FeatureWords() {
  static const std::set<std::string_view> words = {"hồ", "điện", "sông", "cầu", "đường", "phố", "chợ"};
  return words;
}

// Words before a parenthesis that make its place a person's home or
// constituency: "đại biểu Nguyễn Văn A (Bến Tre)".
const std::set<std::string_view>& PersonTitles() {
  static const std::set<std::string_view> titles = {"ông", "bà", "anh", "chị", "đại", "đb", "đbqh",
                                                    "đồng", "ủy", "viên"};
  return titles;
}

// Counts before an administrative word that make it a list: "các xã", "hai huyện".
bool PluralBefore(const PlaceText& p, std::size_t cue) {
  if (cue == 0) return false;
  static const std::set<std::string_view> words = {"các", "những", "hai", "ba", "bốn", "năm",
                                                   "sáu", "bảy", "tám", "chín", "mười", "nhiều"};
  const Token& t = *p.tokens[cue - 1];
  return words.count(t.term) > 0 || t.type == TokenType::kNumber;
}

}  // namespace

bool PlaceText::Capitalized(std::size_t i) const {
  return StartsWithCapital(text.substr(tokens[i]->start, tokens[i]->end - tokens[i]->start));
}

std::string_view PlaceText::Between(std::size_t i) const {
  if (i == 0) return text.substr(0, tokens[0]->start);
  return text.substr(tokens[i - 1]->end, tokens[i]->start - tokens[i - 1]->end);
}

bool PlaceText::Joined(std::size_t i) const {
  if (!Adjacent(i)) return false;
  std::string_view gap = Between(i);
  return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
}

MentionScanner::MentionScanner(const Gazetteer& gazetteer, const Analyzer& analyzer)
    : gazetteer_(gazetteer), hcm_key_(Gazetteer::Key(analyzer, "Hồ Chí Minh")) {}

const MentionScanner::Cue* MentionScanner::CueAt(const PlaceText& p, std::size_t i, std::size_t* length) const {
  static const std::vector<Cue> cues = {
      {{"tỉnh", "ủy"}, {L::kProvince}, {"tinh"}},
      {{"thành", "ủy"}, {L::kProvince, L::kDistrict}, {"thanh-pho"}},
      {{"thành", "phố"}, {L::kProvince, L::kDistrict}, {"thanh-pho"}},
      {{"huyện", "ủy"}, {L::kDistrict}, {"huyen"}},
      {{"quận", "ủy"}, {L::kDistrict}, {"quan"}, true},
      {{"thị", "ủy"}, {L::kDistrict}, {"thi-xa"}},
      {{"thị", "xã"}, {L::kDistrict}, {"thi-xa"}},
      {{"thị", "trấn"}, {L::kCommune}, {"thi-tran"}},
      {{"đặc", "khu"}, {L::kCommune2025}, {"dac-khu"}},
      {{"tỉnh"}, {L::kProvince}, {"tinh"}},
      {{"tp"}, {L::kProvince, L::kDistrict}, {"thanh-pho"}},
      {{"huyện"}, {L::kDistrict}, {"huyen"}},
      {{"quận"}, {L::kDistrict}, {"quan"}, true},
      {{"tx"}, {L::kDistrict}, {"thi-xa"}},
      {{"xã"}, {L::kCommune, L::kCommune2025}, {"xa"}},
      {{"phường"}, {L::kCommune, L::kCommune2025}, {"phuong"}, true},
      {{"h"}, {L::kDistrict}, {"huyen"}, false, true},
      {{"q"}, {L::kDistrict}, {"quan"}, true, true},
      {{"p"}, {L::kCommune, L::kCommune2025}, {"phuong"}, true, true},
  };
  const auto& t = p.tokens;
  for (const Cue& cue : cues) {
    bool match = i + cue.terms.size() <= t.size();
    for (std::size_t k = 0; match && k < cue.terms.size(); ++k) {
      match = t[i + k]->term == cue.terms[k] && (k == 0 || p.Adjacent(i + k));
    }
    if (match && cue.abbreviation) {
      std::size_t end = t[i]->end;
      match = p.Capitalized(i) && end < p.text.size() && p.text[end] == '.';
    }
    if (match) {
      *length = cue.terms.size();
      return &cue;
    }
  }
  return nullptr;
}

// Tokens from `from` that can form a name: capitalized (or a number where
// allowed), consecutive, at most as many as the longest name.
std::size_t MentionScanner::NameRun(const PlaceText& p, std::size_t from, bool numbers) const {
  std::size_t n = 0;
  while (from + n < p.tokens.size() && n < gazetteer_.longest_name() && (n == 0 || p.Adjacent(from + n))) {
    const Token& tok = *p.tokens[from + n];
    bool number_ok = numbers && n == 0 && tok.type == TokenType::kNumber;
    if (!number_ok && !p.Capitalized(from + n)) break;
    ++n;
    if (number_ok) break;
  }
  return n;
}

std::string MentionScanner::Key(const PlaceText& p, std::size_t from, std::size_t n) const {
  std::string key;
  for (std::size_t k = 0; k < n; ++k) {
    if (k > 0) key += ' ';
    key += p.tokens[from + k]->term;
  }
  return key;
}

// Longest name at `from` (at least `min_terms`) among `levels`; filters
// candidates to `types` where any match. A commune's name is also looked up
// among the 2025 communes. Returns the terms consumed.
std::size_t MentionScanner::Lookup(const PlaceText& p, std::size_t from, std::size_t run, std::size_t min_terms,
                                   const std::vector<AdminLevel>& levels, const std::vector<const char*>& types,
                                   Mention* mention) const {
  auto typed = [&](AdminLevel level, const std::vector<std::int32_t>& found) {
    std::vector<std::int32_t> kept;
    for (std::int32_t u : found) {
      const std::string& type = gazetteer_.unit(level, u).type;
      for (const char* wanted : types) {
        if (type == wanted) kept.push_back(u);
      }
    }
    return kept.empty() ? found : kept;
  };
  for (std::size_t n = run; n >= min_terms && n > 0; --n) {
    std::string key = Key(p, from, n);
    for (AdminLevel level : levels) {
      const auto& found = gazetteer_.Find(level, key);
      if (found.empty()) continue;
      if (level == AdminLevel::kCommune2025) {
        mention->level = AdminLevel::kCommune;
        mention->candidates_2025 = typed(level, found);
        return n;
      }
      mention->level = level;
      mention->candidates = typed(level, found);
      if (level == AdminLevel::kCommune) {
        mention->candidates_2025 = typed(AdminLevel::kCommune2025, gazetteer_.Find(AdminLevel::kCommune2025, key));
      }
      return n;
    }
  }
  return 0;
}

// What surrounds a bare name that makes it part of another name: a person's
// family or middle name before it, a capitalized word or a number running on
// after it ("Thái Bình Dương", "tàu Bình Dương 658"), a firm's word before it,
// or a parenthesis after a person's name (a delegate's constituency).
bool MentionScanner::PartOfAnotherName(const PlaceText& p, std::size_t from, std::size_t n) const {
  const auto& t = p.tokens;
  if (from > 0 && p.Joined(from) && p.Capitalized(from - 1) && !t[from - 1]->all_caps) {
    bool opens_sentence = from - 1 == 0 || !p.Adjacent(from - 1) ||
                          p.Between(from - 1).find_first_of(".!?:\n\"“(") != std::string_view::npos;
    if (!opens_sentence || PersonalNames().count(t[from - 1]->term)) return true;
  }
  // A nickname in quotes after a name: Hùng "Sài Gòn".
  std::string_view gap = from > 0 ? p.Between(from) : std::string_view();
  if (from > 0 && p.Adjacent(from) && p.Capitalized(from - 1) &&
      (gap.find('"') != std::string_view::npos || gap.find("“") != std::string_view::npos)) {
    return true;
  }
  if (from > 0 && p.Joined(from) && FeatureWords().count(t[from - 1]->term) && !p.Capitalized(from - 1)) return true;
  std::size_t next = from + n;
  if (next < t.size() && p.Joined(next) && (p.Capitalized(next) || t[next]->type == TokenType::kNumber)) {
    return true;
  }
  // A firm's word within the few words before, with nothing but spaces between.
  for (std::size_t back = 1; back <= 6 && back <= from && p.Joined(from - back + 1); ++back) {
    for (const auto& words : FirmWords()) {
      std::size_t start = from - back;
      if (start + words.size() > from) continue;
      bool match = true;
      for (std::size_t k = 0; match && k < words.size(); ++k) match = t[start + k]->term == words[k];
      if (match && (words[0] != std::string_view("báo") || p.Capitalized(start))) return true;
    }
  }
  // "(Bến Tre)" after "đại biểu Nguyễn Văn A".
  std::string_view before = p.Between(from);
  if (from > 0 && before.find('(') != std::string_view::npos && p.Capitalized(from - 1)) {
    for (std::size_t back = 2; back <= 6 && back <= from; ++back) {
      if (PersonTitles().count(t[from - back]->term)) return true;
    }
  }
  return false;
}

std::size_t MentionScanner::CueMentions(const PlaceText& p, std::size_t i, std::vector<Mention>* out,
                                        std::vector<bool>* used) const {
  std::size_t cue_length = 0;
  const Cue* cue = CueAt(p, i, &cue_length);
  if (cue == nullptr) return 0;
  std::size_t from = i + cue_length;
  if (from >= p.tokens.size() || !p.Adjacent(from)) return cue_length;
  Mention m{};
  std::size_t n = Lookup(p, from, NameRun(p, from, cue->numbers), 1, cue->levels, cue->types, &m);
  if (n == 0) return cue_length;
  auto add = [&](Mention mention, std::size_t at, std::size_t terms) {
    mention.in_title = p.InTitle(at);
    mention.in_lead = p.InLead(at);
    std::size_t after = at + terms;
    mention.first = at;
    mention.end = after;
    mention.new_unit = after < p.tokens.size() && p.Joined(after) && p.tokens[after]->term == "mới";
    for (std::size_t k = at; k < after; ++k) (*used)[k] = true;
    out->push_back(std::move(mention));
  };
  add(m, from, n);
  std::vector<ListItem> list;
  bool closed = false;
  std::size_t end = ListAfter(p, *cue, from + n, &list, &closed);
  if (!list.empty() && (closed || PluralBefore(p, i))) {
    for (ListItem& item : list) add(std::move(item.mention), item.first, item.terms);
    return end - i;
  }
  return from + n - i;
}

// The names of a list after an administrative word: "các xã Minh Sơn, Hòa
// Sơn và Đại Sơn", "phường 1, 2 và 3". `closed` says whether "và" ended it,
// which (or a count before the word) makes it a list and not a comma after a
// single name. Returns where the list ends.
std::size_t MentionScanner::ListAfter(const PlaceText& p, const Cue& cue, std::size_t end,
                                      std::vector<ListItem>* items, bool* closed) const {
  while (end < p.tokens.size() && p.Adjacent(end) && !*closed) {
    std::size_t k = end;
    std::string_view gap = p.Between(k);
    bool comma = gap.find(',') != std::string_view::npos && gap.find_first_not_of(", ") == std::string_view::npos;
    if (comma && p.tokens[k]->term == "và") comma = false;
    if (!comma) {
      if (p.tokens[k]->term != "và" || !p.Joined(k) || k + 1 >= p.tokens.size() || !p.Joined(k + 1)) break;
      *closed = true;
      ++k;
    }
    Mention item{};
    std::size_t terms = Lookup(p, k, NameRun(p, k, cue.numbers), 1, cue.levels, cue.types, &item);
    if (terms == 0) break;
    items->push_back({std::move(item), k, terms});
    end = k + terms;
  }
  return end;
}

std::size_t MentionScanner::BareMention(const PlaceText& p, std::size_t i, std::vector<Mention>* out) const {
  if (!p.Capitalized(i)) return 0;
  std::size_t run = NameRun(p, i, false);
  Mention m{};
  std::size_t n = 0;
  bool title_head = p.InTitle(i) && (i == 0 || !p.InTitle(i - 1));
  if (title_head) {
    // A province and its capital city share a name ("Thái Nguyên"); a bare
    // name heading a title means the province.
    const std::vector<AdminLevel> levels = {AdminLevel::kProvince, AdminLevel::kDistrict};
    n = Lookup(p, i, run, 2, levels, {}, &m);
    if (n == 0 && run >= 1) {
      std::size_t end = p.tokens[i + run - 1]->end;
      if (end < p.text.size() && p.text[end] == ':') n = Lookup(p, i, run, 1, levels, {}, &m);
    }
  }
  // A capitalized province name anywhere, but "Hồ Chí Minh" alone is the man
  // more often than the city (which comes with TP or thành phố).
  if (n == 0) {
    n = Lookup(p, i, run, 1, {AdminLevel::kProvince}, {}, &m);
    if (n == 1 && !gazetteer_.OneWordForm(Key(p, i, 1))) n = 0;
    if (n > 0 && Key(p, i, n) == hcm_key_) n = 0;
  }
  if (n == 0) return 0;
  if (PartOfAnotherName(p, i, n)) return std::max(run, n);
  m.in_title = p.InTitle(i);
  m.in_lead = p.InLead(i);
  m.bare = true;
  m.first = i;
  m.end = i + n;
  out->push_back(std::move(m));
  return n;
}

// Bare district names ("ở Tiên Yên", "Bình Xuyên") are read only inside a
// province the report names without doubt: many district names are also
// common words or personal names elsewhere.
void MentionScanner::BareDistricts(const PlaceText& p, const std::vector<bool>& used,
                                   std::vector<Mention>* out) const {
  std::set<std::int32_t> provinces;
  for (const Mention& m : *out) {
    if (m.level == AdminLevel::kProvince && m.candidates.size() == 1) provinces.insert(m.candidates[0]);
  }
  if (provinces.empty()) return;
  for (std::size_t i = 0; i < p.tokens.size(); ++i) {
    if (used[i] || !p.Capitalized(i) || (i > 0 && p.Joined(i) && p.Capitalized(i - 1))) continue;
    std::size_t run = NameRun(p, i, false);
    std::size_t n = run;
    while (n > 0 && (used[i + n - 1])) --n;
    Mention m{};
    n = Lookup(p, i, n, 2, {AdminLevel::kDistrict}, {}, &m);
    if (n == 0 || PartOfAnotherName(p, i, n)) continue;
    std::vector<std::int32_t> inside;
    for (std::int32_t d : m.candidates) {
      if (provinces.count(gazetteer_.district(d).province)) inside.push_back(d);
    }
    if (inside.size() != 1) continue;
    m.candidates = inside;
    m.in_title = p.InTitle(i);
    m.in_lead = p.InLead(i);
    m.bare = true;
    m.first = i;
    m.end = i + n;
    out->push_back(std::move(m));
    i += n - 1;
  }
}

std::vector<Mention> MentionScanner::Scan(const PlaceText& p) const {
  std::vector<Mention> mentions;
  std::vector<bool> used(p.tokens.size(), false);
  for (std::size_t i = 0; i < p.tokens.size();) {
    std::size_t n = CueMentions(p, i, &mentions, &used);
    if (n == 0) {
      std::size_t before = mentions.size();
      n = BareMention(p, i, &mentions);
      for (std::size_t k = 0; mentions.size() > before && k < n; ++k) used[i + k] = true;
    }
    i += std::max<std::size_t>(n, 1);
  }
  BareDistricts(p, used, &mentions);
  return mentions;
}

}  // namespace tinhgon
