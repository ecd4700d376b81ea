#include "search/held_terms.h"

#include <cmath>
#include <cstdint>
#include <vector>

#include "index/schema.h"

namespace tinhgon {
namespace {

// Powers of two a double adds exactly: terms asked per query.
constexpr std::size_t kTermsPerQuery = 50;

Holders ByPostings(const Xapian::Database& db, const std::set<Xapian::docid>& hits,
                   const std::set<std::string>& terms) {
  Holders holders;
  for (const std::string& term : terms) {
    Xapian::PostingIterator p = db.postlist_begin(term);
    for (Xapian::docid did : hits) {
      p.skip_to(did);
      if (p == db.postlist_end(term)) break;
      if (*p == did) holders[term].insert(did);
    }
  }
  return holders;
}

// `terms` (at most kTermsPerQuery) among the hits `within` matches.
void ByQuery(const Xapian::Database& db, const std::vector<std::string>& terms, const Xapian::Query& within,
             Xapian::doccount hits, Holders* holders) {
  std::vector<Xapian::Query> each;
  for (std::size_t i = 0; i < terms.size(); ++i) {
    Xapian::Query weighing((new Xapian::FixedWeightPostingSource(std::ldexp(1.0, static_cast<int>(i))))->release());
    each.emplace_back(Xapian::Query::OP_FILTER, weighing, Xapian::Query(terms[i]));
  }
  Xapian::Enquire enquire(db);
  enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_OR, each.begin(), each.end()), within));
  const Xapian::MSet held = enquire.get_mset(0, hits);
  for (auto it = held.begin(); it != held.end(); ++it) {
    const auto bits = static_cast<std::uint64_t>(std::llround(it.get_weight()));
    for (std::size_t i = 0; i < terms.size(); ++i) {
      if ((bits >> i & 1) != 0) (*holders)[terms[i]].insert(*it);
    }
  }
}

}  // namespace

Xapian::Document HitDocuments::Get(Xapian::doccount i) {
  if (!keep_) return hits_[i].get_document();
  auto kept = kept_.find(i);
  return kept != kept_.end() ? kept->second : kept_[i] = hits_[i].get_document();
}

const std::string& HitDocuments::Data(Xapian::doccount i) {
  if (!keep_) return last_data_ = hits_[i].get_document().get_data();
  auto kept = data_.find(i);
  return kept != data_.end() ? kept->second : data_[i] = Get(i).get_data();
}

Holders HitsHolding(const Xapian::Database& db, bool remote, const Xapian::MSet& hits, HitDocuments& documents,
                    const std::set<std::string>& terms) {
  const std::set<Xapian::docid> docids(hits.begin(), hits.end());
  if (!remote || terms.empty() || hits.empty()) return ByPostings(db, docids, terms);
  std::vector<Xapian::Query> ids;
  for (Xapian::doccount i = 0; i < hits.size(); ++i) {
    const std::string id = documents.Get(i).get_value(schema::kIdSlot);
    if (id.empty()) return ByPostings(db, docids, terms);  // a report written without its id value
    ids.emplace_back(schema::IdTerm(id));
  }
  const Xapian::Query within(Xapian::Query::OP_OR, ids.begin(), ids.end());
  Holders holders;
  std::vector<std::string> chunk;
  for (const std::string& term : terms) {
    chunk.push_back(term);
    if (chunk.size() == kTermsPerQuery) ByQuery(db, chunk, within, hits.size(), &holders), chunk.clear();
  }
  if (!chunk.empty()) ByQuery(db, chunk, within, hits.size(), &holders);
  return holders;
}

Holders HitsHoldingUnmarked(const Xapian::MSet& hits, HitDocuments& documents,
                            const std::map<std::string, std::vector<std::string>>& marked_forms) {
  Holders holders;
  if (marked_forms.empty()) return holders;
  std::set<std::string> wanted;  // in term order: one pass over each term list
  for (const auto& [folded, forms] : marked_forms) {
    wanted.insert(folded);
    wanted.insert(forms.begin(), forms.end());
  }
  for (Xapian::doccount i = 0; i < hits.size(); ++i) {
    const Xapian::Document document = documents.Get(i);
    std::map<std::string, Xapian::termcount> wdf;
    Xapian::TermIterator t = document.termlist_begin();
    for (const std::string& term : wanted) {
      t.skip_to(term);
      if (t == document.termlist_end()) break;
      if (*t == term) wdf[term] = t.get_wdf();
    }
    for (const auto& [folded, forms] : marked_forms) {
      Xapian::termcount marked = 0;
      for (const std::string& form : forms) marked += wdf[form];
      if (wdf[folded] > marked) holders[folded].insert(*hits[i]);
    }
  }
  return holders;
}

}  // namespace tinhgon
