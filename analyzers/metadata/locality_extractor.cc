#include "analyzers/metadata/locality_extractor.h"

#include <algorithm>
#include <map>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/capitals.h"

namespace tinhgon {
namespace {

// An administrative word, or a body named after its place, and what it says
// about the name that follows.
struct Cue {
  std::vector<const char*> terms;
  std::vector<AdminLevel> levels;  // tried in order
  std::vector<const char*> types;  // preferred unit types
  bool numbers = false;            // "phường 12", "quận 1"
};

const std::vector<Cue>& Cues() {
  using L = AdminLevel;
  static const std::vector<Cue> cues = {
      {{"tỉnh", "ủy"}, {L::kProvince}, {"tinh"}},
      {{"thành", "ủy"}, {L::kProvince, L::kDistrict}, {"thanh-pho"}},
      {{"thành", "phố"}, {L::kProvince, L::kDistrict}, {"thanh-pho"}},
      {{"huyện", "ủy"}, {L::kDistrict}, {"huyen"}},
      {{"quận", "ủy"}, {L::kDistrict}, {"quan"}, true},
      {{"thị", "ủy"}, {L::kDistrict}, {"thi-xa"}},
      {{"thị", "xã"}, {L::kDistrict}, {"thi-xa"}},
      {{"thị", "trấn"}, {L::kCommune}, {"thi-tran"}},
      {{"tỉnh"}, {L::kProvince}, {"tinh"}},
      {{"tp"}, {L::kProvince, L::kDistrict}, {"thanh-pho"}},
      {{"huyện"}, {L::kDistrict}, {"huyen"}},
      {{"quận"}, {L::kDistrict}, {"quan"}, true},
      {{"tx"}, {L::kDistrict}, {"thi-xa"}},
      {{"xã"}, {L::kCommune}, {"xa"}},
      {{"phường"}, {L::kCommune}, {"phuong"}, true},
  };
  return cues;
}

struct Mention {
  AdminLevel level;
  std::vector<std::int32_t> candidates;
  bool in_title;
};

class Scanner {
 public:
  Scanner(const Gazetteer& gazetteer, const std::vector<const Token*>& tokens, std::string_view text)
      : gazetteer_(gazetteer), t_(tokens), text_(text) {}

  bool Capitalized(std::size_t i) const {
    return StartsWithCapital(text_.substr(t_[i]->start, t_[i]->end - t_[i]->start));
  }
  bool Adjacent(std::size_t i) const { return i > 0 && t_[i]->position == t_[i - 1]->position + 1; }

  // Tokens from `from` that can form a name: capitalized (or numbers where
  // allowed), consecutive, at most as many as the longest name.
  std::size_t NameRun(std::size_t from, bool numbers) const {
    std::size_t n = 0;
    while (from + n < t_.size() && n < gazetteer_.longest_name() &&
           (n == 0 || Adjacent(from + n))) {
      const Token& tok = *t_[from + n];
      bool number_ok = numbers && n == 0 && tok.type == TokenType::kNumber;
      if (!number_ok && !Capitalized(from + n)) break;
      ++n;
      if (number_ok) break;
    }
    return n;
  }

  std::string Key(std::size_t from, std::size_t n) const {
    std::string key;
    for (std::size_t k = 0; k < n; ++k) {
      if (k > 0) key += ' ';
      key += t_[from + k]->term;
    }
    return key;
  }

  // Longest name at `from` (at least `min_terms`) among `levels`; filters
  // candidates to `types` where any match. Returns the terms consumed.
  std::size_t Lookup(std::size_t from, std::size_t run, std::size_t min_terms,
                     const std::vector<AdminLevel>& levels, const std::vector<const char*>& types,
                     Mention* mention) const {
    for (std::size_t n = run; n >= min_terms && n > 0; --n) {
      std::string key = Key(from, n);
      for (AdminLevel level : levels) {
        const auto& found = gazetteer_.Find(level, key);
        if (found.empty()) continue;
        std::vector<std::int32_t> typed;
        for (std::int32_t u : found) {
          const std::string& type = gazetteer_.unit(level, u).type;
          for (const char* wanted : types) {
            if (type == wanted) typed.push_back(u);
          }
        }
        mention->level = level;
        mention->candidates = typed.empty() ? found : typed;
        return n;
      }
    }
    return 0;
  }

  const Cue* CueAt(std::size_t i, std::size_t* length) const {
    for (const Cue& cue : Cues()) {
      bool match = i + cue.terms.size() <= t_.size();
      for (std::size_t k = 0; match && k < cue.terms.size(); ++k) {
        match = t_[i + k]->term == cue.terms[k] && (k == 0 || Adjacent(i + k));
      }
      if (match) {
        *length = cue.terms.size();
        return &cue;
      }
    }
    return nullptr;
  }

 private:
  const Gazetteer& gazetteer_;
  const std::vector<const Token*>& t_;
  std::string_view text_;
};

}  // namespace

LocalityExtractor::LocalityExtractor(const Gazetteer& gazetteer, Analyzer& analyzer)
    : gazetteer_(gazetteer), hcm_key_(Gazetteer::Key(analyzer, "Hồ Chí Minh")) {}

std::vector<Locality> LocalityExtractor::Extract(const std::vector<Token>& all, std::string_view text,
                                                 std::size_t title_begin,
                                                 std::size_t title_end) const {
  std::vector<const Token*> t;
  for (const Token& token : all) {
    if (!token.expansion) t.push_back(&token);
  }
  Scanner scan(gazetteer_, t, text);
  auto in_title = [&](std::size_t i) {
    return t[i]->start >= title_begin && t[i]->end <= title_end && title_end > title_begin;
  };

  std::vector<Mention> mentions;
  for (std::size_t i = 0; i < t.size();) {
    std::size_t cue_length = 0;
    if (const Cue* cue = scan.CueAt(i, &cue_length)) {
      std::size_t from = i + cue_length;
      if (from < t.size() && scan.Adjacent(from)) {
        Mention m{};
        std::size_t run = scan.NameRun(from, cue->numbers);
        std::size_t used = scan.Lookup(from, run, 1, cue->levels, cue->types, &m);
        if (used > 0) {
          m.in_title = in_title(from);
          mentions.push_back(std::move(m));
          i = from + used;
          continue;
        }
      }
      i += cue_length;
      continue;
    }
    // The head of the title: "Đầm Hà: …", "Yên Sơn sau gần một năm …".
    bool title_head = in_title(i) && (i == 0 || !in_title(i - 1));
    if (scan.Capitalized(i)) {
      std::size_t run = scan.NameRun(i, false);
      Mention m{};
      std::size_t used = 0;
      if (title_head) {
        // A province and its capital city share a name ("Thái Nguyên"); a
        // bare name heading a title means the province.
        const std::vector<AdminLevel> levels = {AdminLevel::kProvince, AdminLevel::kDistrict};
        used = scan.Lookup(i, run, 2, levels, {}, &m);
        if (used == 0 && run >= 1) {
          std::size_t end = t[i + run - 1]->end;
          if (end < text.size() && text[end] == ':') used = scan.Lookup(i, run, 1, levels, {}, &m);
        }
      }
      // A capitalized province name anywhere, but "Hồ Chí Minh" alone is the
      // man more often than the city (which comes with TP or thành phố).
      if (used == 0) {
        used = scan.Lookup(i, run, 2, {AdminLevel::kProvince}, {}, &m);
        if (used > 0 && scan.Key(i, used) == hcm_key_) used = 0;
      }
      if (used > 0) {
        m.in_title = in_title(i);
        mentions.push_back(std::move(m));
        i += used;
        continue;
      }
    }
    ++i;
  }

  // Resolve: provinces named without doubt give the context for districts,
  // and districts (with those provinces) for communes.
  std::set<std::int32_t> provinces, districts;
  for (const Mention& m : mentions) {
    if (m.level == AdminLevel::kProvince && m.candidates.size() == 1) provinces.insert(m.candidates[0]);
  }
  auto province_of = [&](AdminLevel level, std::int32_t u) {
    return level == AdminLevel::kProvince ? u : gazetteer_.unit(level, u).province;
  };
  auto resolve = [&](const Mention& m) -> std::int32_t {
    std::vector<std::int32_t> inside;
    if (m.level == AdminLevel::kCommune) {
      for (std::int32_t u : m.candidates) {
        if (districts.count(gazetteer_.commune(u).district)) inside.push_back(u);
      }
      if (inside.size() == 1) return inside[0];
      inside.clear();
    }
    for (std::int32_t u : m.candidates) {
      if (provinces.count(province_of(m.level, u))) inside.push_back(u);
    }
    if (inside.size() == 1) return inside[0];
    // One candidate, but outside every province the report has settled on: a
    // shortened local name ("xã Giang Sơn" for Giang Sơn Tây) more likely than
    // a place elsewhere, so it is left out.
    if (m.candidates.size() == 1 && (provinces.empty() || m.level == AdminLevel::kProvince)) {
      return m.candidates[0];
    }
    return -1;
  };
  std::map<std::pair<AdminLevel, std::int32_t>, Locality> found;
  for (AdminLevel level : {AdminLevel::kProvince, AdminLevel::kDistrict, AdminLevel::kCommune}) {
    for (const Mention& m : mentions) {
      if (m.level != level) continue;
      std::int32_t unit = resolve(m);
      if (unit < 0) continue;
      Locality& l = found[{level, unit}];
      l.level = level;
      l.unit = unit;
      ++l.mentions;
      l.in_title = l.in_title || m.in_title;
    }
    // What this level settled becomes context for the next one down.
    for (const auto& [key, l] : found) {
      if (key.first != level) continue;
      if (level == AdminLevel::kDistrict) {
        districts.insert(l.unit);
        provinces.insert(gazetteer_.district(l.unit).province);
      }
    }
  }

  std::vector<Locality> localities;
  for (auto& [key, l] : found) localities.push_back(l);
  // Primary: among the places the title names (all places when it names
  // none) the most mentioned; a tie goes to the more specific of two nested
  // places (a district over its province) and otherwise leaves no primary.
  auto contains = [&](const Locality& outer, const Locality& inner) {
    if (outer.level == AdminLevel::kProvince && inner.level != AdminLevel::kProvince) {
      return province_of(inner.level, inner.unit) == outer.unit;
    }
    return outer.level == AdminLevel::kDistrict && inner.level == AdminLevel::kCommune &&
           gazetteer_.commune(inner.unit).district == outer.unit;
  };
  bool any_in_title = std::any_of(localities.begin(), localities.end(),
                                  [](const Locality& l) { return l.in_title; });
  int best = -1;
  bool tied = false;
  for (std::size_t i = 0; i < localities.size(); ++i) {
    const Locality& l = localities[i];
    if (any_in_title && !l.in_title) continue;
    if (best < 0 || l.mentions > localities[best].mentions) {
      best = static_cast<int>(i);
      tied = false;
    } else if (l.mentions == localities[best].mentions) {
      if (contains(localities[best], l)) best = static_cast<int>(i);
      else if (!contains(l, localities[best])) tied = true;
    }
  }
  // Places tied within one province the report names ("huyện Ba Bể và huyện
  // Chợ Mới, tỉnh Bắc Kạn") make the province the subject.
  if (best >= 0 && tied) {
    std::int32_t shared = province_of(localities[best].level, localities[best].unit);
    bool same_province = true;
    for (const Locality& l : localities) {
      if (l.mentions == localities[best].mentions && (!any_in_title || l.in_title)) {
        same_province = same_province && province_of(l.level, l.unit) == shared;
      }
    }
    for (std::size_t i = 0; same_province && i < localities.size(); ++i) {
      if (localities[i].level == AdminLevel::kProvince && localities[i].unit == shared) {
        best = static_cast<int>(i);
        tied = false;
      }
    }
  }
  // Support counts the mentions of the place and of places nesting with it:
  // "huyện Châu Thành, tỉnh Tiền Giang" names one place twice.
  int support = 0;
  if (best >= 0) {
    for (const Locality& l : localities) {
      const Locality& b = localities[best];
      bool same = l.level == b.level && l.unit == b.unit;
      if (same || contains(l, b) || contains(b, l)) support += l.mentions;
    }
  }
  // A report that names one place only (or one chain of nested places) is
  // about it, however briefly it says so.
  bool single_place = best >= 0 && std::all_of(localities.begin(), localities.end(), [&](const Locality& l) {
    const Locality& b = localities[best];
    return (l.level == b.level && l.unit == b.unit) || contains(l, b) || contains(b, l);
  });
  if (best >= 0 && !tied && (any_in_title || support >= 2 || single_place)) {
    localities[best].primary = true;
  }
  auto score = [](const Locality& l) { return l.mentions + (l.in_title ? 3 : 0); };
  std::stable_sort(localities.begin(), localities.end(), [&](const Locality& a, const Locality& b) {
    return a.primary != b.primary ? a.primary : score(a) > score(b);
  });
  return localities;
}

}  // namespace tinhgon
