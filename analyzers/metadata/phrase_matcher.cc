#include "analyzers/metadata/phrase_matcher.h"

#include <algorithm>

namespace tinhgon {

std::vector<const Token*> WrittenTokens(const std::vector<Token>& tokens) {
  std::vector<const Token*> written;
  written.reserve(tokens.size());
  for (const Token& t : tokens) {
    if (!t.expansion) written.push_back(&t);
  }
  return written;
}

void PhraseMatcher::Add(std::vector<std::string> terms, int id) {
  if (terms.empty()) return;
  auto& phrases = by_first_[terms.front()];
  phrases.push_back({std::move(terms), id});
  std::stable_sort(phrases.begin(), phrases.end(), [](const Phrase& a, const Phrase& b) {
    return a.terms.size() > b.terms.size();
  });
}

bool PhraseMatcher::MatchAt(const std::vector<const Token*>& t, std::size_t i, Match* match) const {
  auto it = by_first_.find(t[i]->term);
  if (it == by_first_.end()) return false;
  for (const Phrase& p : it->second) {
    if (i + p.terms.size() > t.size()) continue;
    bool ok = true;
    for (std::size_t k = 1; ok && k < p.terms.size(); ++k) {
      ok = t[i + k]->term == p.terms[k] && t[i + k]->position == t[i + k - 1]->position + 1;
    }
    if (ok) {
      *match = {i, i + p.terms.size(), p.id};
      return true;
    }
  }
  return false;
}

std::vector<PhraseMatcher::Match> PhraseMatcher::FindAll(const std::vector<const Token*>& t) const {
  std::vector<Match> matches;
  for (std::size_t i = 0; i < t.size();) {
    Match m;
    if (MatchAt(t, i, &m)) {
      matches.push_back(m);
      i = m.end;
    } else {
      ++i;
    }
  }
  return matches;
}

}  // namespace tinhgon
