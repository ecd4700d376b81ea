#include "search/searcher.h"

#include <chrono>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include "analyzers/analyzer.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/gazetteer.h"
#include "corpus/calendar.h"
#include "index/schema.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "search/analysis_tables.h"
#include "search/diacritics_restorer.h"
#include "search/facet_table.h"
#include "search/revision_tables.h"
#include "search/filter_resolver.h"
#include "search/match_bitmap.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/relaxation.h"
#include "search/snippet.h"
#include "index/stored_report.h"
#include "search/typing.h"

namespace tinhgon {
namespace {

// The value slot each facet is read from, in the order of kFacets.
const std::vector<Xapian::valueno> kFacetSlots = {
    schema::kProvincesSlot, schema::kProvinces2025Slot, schema::kDistrictsSlot,
    schema::kCommunesSlot,  schema::kCommunes2025Slot,  schema::kAgenciesSlot,
    schema::kEventsSlot,    schema::kYearSlot,          schema::kMonthSlot};
}  // namespace

// Counts the facets of every document the counting match visits.
class FacetCounter : public Xapian::MatchSpy {
 public:
  explicit FacetCounter(const FacetTable& table) : table_(table), counts_(table.NewCounts()) {}
  void operator()(const Xapian::Document& doc, double /*weight*/) override { Add(doc.get_docid()); }
  void Add(Xapian::docid did) { table_.Count(did, counts_); }
  const std::vector<std::vector<Xapian::doccount>>& counts() const { return counts_; }

 private:
  const FacetTable& table_;
  std::vector<std::vector<Xapian::doccount>> counts_;
};

namespace {

std::string ReadStub(const std::filesystem::path& dir) {
  std::ifstream in(dir / schema::kStubFile);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}



std::string Compact(const std::string& iso) { return iso.substr(0, 4) + iso.substr(5, 2) + iso.substr(8, 2); }

// The text after its title, which a result list shows above the snippet;
// the whole text when it does not open with the title.
std::string_view Body(std::string_view text, const std::optional<std::string>& title) {
  if (!title || title->empty() || text.substr(0, title->size()) != *title) return text;
  std::size_t body = text.find_first_not_of('\n', title->size());
  return body == std::string_view::npos ? text : text.substr(body);
}

// A hit as a result list shows it, or nothing for a document whose record
// is damaged. The text stays in the document's data, for the snippet.
std::optional<Hit> DecodeHit(const Xapian::MSetIterator& it, std::string* data) {
  *data = it.get_document().get_data();
  std::optional<StoredReport> report = DecodeStoredReport(*data);
  if (!report) return std::nullopt;
  return Hit{std::move(*report), it.get_weight(), {}};
}

}  // namespace

Searcher::Searcher(const std::filesystem::path& db, std::shared_ptr<RevisionTables> tables,
                   std::shared_ptr<const AnalysisTables> analysis)
    : dir_(db),
      tables_(tables ? std::move(tables) : std::make_shared<RevisionTables>()),
      analysis_(analysis ? std::move(analysis) : ProcessAnalysisTables()),
      analyzer_(&analysis_->analyzer),
      gazetteer_(&analysis_->gazetteer),
      agencies_(&analysis_->agencies),
      filters_(&analysis_->filters),
      builder_(std::make_unique<QueryBuilder>(*analyzer_, *filters_)) {
  if (schema::LiveGeneration(dir_).empty()) {
    throw IndexUnavailableError(dir_.string() + " is not a tinhgon index (run tinhgon-index first)");
  }
  Open(ReadStub(dir_));
}

Searcher::~Searcher() = default;

void Searcher::Open(std::string stub) {
  db_ = std::make_unique<Xapian::Database>(dir_.string());
  stub_ = std::move(stub);
}

void Searcher::Refresh() {
  std::string stub = ReadStub(dir_);
  if (stub != stub_ && !stub.empty()) {  // a rebuild (or a replica's full copy) swapped databases
    Open(std::move(stub));
    return;
  }
  try {
    db_->reopen();
  } catch (const Xapian::DatabaseOpeningError&) {
    // xapian-replicate deletes a replica's previous copy as soon as its stub
    // names the next (tinhgon's rebuild keeps the previous generation): if
    // that happened since the stub was read above, this handle's files are
    // gone, and the stub now names the copy that replaced them.
    Open(ReadStub(dir_));
  }
}

template <typename F>
auto Searcher::WithRetry(F&& work) -> decltype(work()) {
  Refresh();
  for (int attempt = 0;; ++attempt) {
    try {
      return work();
    } catch (const Xapian::DatabaseModifiedError&) {
      if (attempt >= 3) throw;
      Refresh();
    }
  }
}

Xapian::doccount Searcher::document_count() {
  return WithRetry([&] { return db_->get_doccount(); });
}

std::string Searcher::RevisionKey() const {
  return dir_.string() + "|" + stub_ + "@" + std::to_string(db_->get_revision());
}

std::string Searcher::revision() {
  return WithRetry([&] {
    return schema::LiveGeneration(dir_).filename().string() + "@" + std::to_string(db_->get_revision());
  });
}

SearchResponse Searcher::Search(const SearchRequest& r) {
  Validate(r);  // before the window: a page past the limit would overflow it
  Window window;
  window.first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
  window.count = static_cast<Xapian::doccount>(r.per_page);
  return Run(r, window);
}

SearchResponse Searcher::Export(SearchRequest r, std::size_t limit) {
  r.page = 1;
  r.per_page = 1;  // validated as a first page; the window below is the export's
  r.facets = false;
  Validate(r);
  Window window;
  window.count = static_cast<Xapian::doccount>(std::min<std::size_t>(limit, kMaxResultWindow));
  window.snippets = false;
  return Run(r, window);
}

namespace {


// Keeps only the documents of a relaxed match set in the ranking.
class InSet : public Xapian::MatchDecider {
 public:
  explicit InSet(const MatchBitmap& set) : set_(set) {}
  bool operator()(const Xapian::Document& doc) const override { return set_.Contains(doc.get_docid()); }

 private:
  const MatchBitmap& set_;
};

Xapian::Query AndAll(const std::vector<Xapian::Query>& parts) {
  if (parts.empty()) return Xapian::Query();
  return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
}

}  // namespace

// What one request asks of the index, with the words analyzed once.
struct Searcher::Plan {
  std::string q;  // within the word budget
  ParsedQuery parsed;
  HighlightTerms highlight;
  std::vector<std::string> warnings;
  std::vector<Xapian::Query> filters;  // the request's parameters, each an AND'd alternative set
  Xapian::Query ranking, matching;     // filters applied
  std::optional<QueryBuilder::Clauses> clauses;  // a plain query's parts, for relaxing it
  std::vector<Correction> corrections;           // mistyped words, and what was searched instead
  std::shared_ptr<const SlipTable> slips;        // held while the plan is made
  bool corrected = false;                        // q is not the query as typed
};

Searcher::Plan Searcher::MakePlan(const SearchRequest& r) {
  Plan plan;
  plan.q = WithinWordBudget(*analyzer_, r.q, &plan.warnings);
  auto slips = [&]() -> const SlipTable& {
    plan.slips = tables_->slips.Get(RevisionKey(), [&] { return std::make_shared<const SlipTable>(*db_); });
    return *plan.slips;
  };
  const std::string typed = plan.q;
  plan.q = CorrectTyping(*analyzer_, *db_, slips, plan.q, &plan.corrections);
  plan.corrected = plan.q != typed;
  std::map<std::string, std::string> slip_alternatives;
  for (const Correction& c : plan.corrections) {
    if (c.expanded) slip_alternatives[DiacriticFolder::Fold(c.from)] = DiacriticFolder::Fold(c.to);
  }
  builder_->SetAlternatives(std::move(slip_alternatives));
  plan.parsed = ParseQuery(plan.q);
  if (plan.parsed.fell_back) {
    plan.warnings.push_back("query syntax ignored (" + plan.parsed.problem + "): searched for the words");
  }
  Xapian::Query query = builder_->Build(plan.parsed.root, &plan.highlight, &plan.warnings);
  for (const auto& [filter, values] : r.filters) {  // a std::map: in vocabulary order
    if (values.empty()) continue;
    std::vector<Xapian::Query> alternatives;
    for (const std::string& value : values) {
      std::string problem;
      for (const std::string& term : filters_->Terms(filter, value, &problem)) alternatives.emplace_back(term);
      if (!problem.empty()) plan.warnings.push_back(problem);
    }
    plan.filters.push_back(alternatives.empty()
                               ? Xapian::Query::MatchNothing
                               : Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end()));
  }
  if (!r.from.empty() || !r.to.empty()) {
    std::string low = r.from.empty() ? "00000000" : Compact(r.from);
    std::string high = r.to.empty() ? "99999999" : Compact(r.to);
    plan.filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, low, high);
  }
  plan.ranking = Filtered(query, plan.filters);
  if (r.facets) {
    // The same words analyzed again: what they mark and the problems they
    // meet are the ranking query's.
    HighlightTerms same_highlight;
    std::vector<std::string> same_warnings;
    plan.matching = Filtered(
        builder_->Build(plan.parsed.root, &same_highlight, &same_warnings, QueryBuilder::Purpose::kMatching),
        plan.filters);
  }
  std::vector<std::string> same_problems;
  plan.clauses = builder_->Split(plan.parsed, &same_problems);
  return plan;
}

// MatchNothing, a filter naming nothing, is an empty Query too: whether
// there are filters is told by the list, not by the query.
Xapian::Query Searcher::Filtered(Xapian::Query base, const std::vector<Xapian::Query>& filters) {
  if (base.empty()) base = Xapian::Query::MatchAll;
  if (filters.empty()) return base;
  return Xapian::Query(Xapian::Query::OP_FILTER, base, AndAll(filters));
}

SearchResponse Searcher::Run(const SearchRequest& r, const Window& window) {
  const auto start = std::chrono::steady_clock::now();  // the caller validated `r`
  return WithRetry([&] {
    Plan plan = MakePlan(r);  // corrections look words up in this revision
    Xapian::Enquire enquire(*db_);
    enquire.set_query(plan.ranking);
    SetSort(enquire, r.sort);
    Xapian::MSet mset = enquire.get_mset(window.first, window.count, kRelaxBelow);
    SearchResponse response;
    response.query = r.q;
    if (plan.corrected) response.searched_for = plan.q;
    response.corrections = plan.corrections;
    response.total = mset.get_matches_estimated();
    response.page = r.page;
    response.per_page = r.per_page;
    response.sort = r.sort;
    for (const auto& [filter, values] : r.filters) {
      if (!values.empty()) response.filters[filter] = values;
    }
    response.from = r.from;
    response.to = r.to;
    CountAndRelax(plan, r, window, &mset, &response);
    Readings read;
    response.suggestion = ReadInContext(plan, mset, &read);
    if (!response.suggestion) response.suggestion = Suggest(plan);
    response.results = Hits(mset, plan.highlight, read, window.snippets);
    response.warnings = plan.warnings;
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return response;
  });
}

// Without facets the total stays Xapian's estimate, and a query is relaxed
// only when that estimate is below kRelaxBelow.
void Searcher::CountAndRelax(const Plan& plan, const SearchRequest& r, const Window& window, Xapian::MSet* mset,
                             SearchResponse* response) {
  std::shared_ptr<const FacetTable> table;
  std::optional<FacetCounter> counter;
  if (r.facets) {
    table = tables_->facets.Get(*db_, RevisionKey(), kFacetSlots);
    counter.emplace(*table);
    response->total = CountExactly(plan.matching, &*counter);
  }
  if (response->total < kRelaxBelow && plan.clauses && plan.clauses->clauses.size() >= 2) {
    Relaxation relaxation = RelaxPlan(plan);
    if (relaxation.relaxed) {
      response->relaxed = Relaxed{relaxation.required, relaxation.of, relaxation.dropped};
      *mset = RankRelaxed(plan, relaxation, r.sort, window);
      response->total = relaxation.matches.count();
      if (r.facets) {
        counter.emplace(*table);
        relaxation.matches.ForEach([&](Xapian::docid did) { counter->Add(did); });
      }
    }
  }
  response->facets_counted = r.facets;
  if (r.facets) response->facets = Facets(*table, counter->counts(), r, window.all_districts);
}

void Searcher::SetSort(Xapian::Enquire& enquire, SortOrder sort) {
  switch (sort) {
    case SortOrder::kRelevance: break;
    case SortOrder::kDate: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true); break;
    case SortOrder::kDateAscending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false); break;
  }
}

// Exact counts visit every match of the matching query, which weighs
// nothing, and read each match's facets from the table of this revision.
// The match set comes from the posting lists as a bitmap where the query
// allows, else from Xapian's matcher, unweighted.
Xapian::doccount Searcher::CountExactly(const Xapian::Query& matching, FacetCounter* counter) {
  if (std::optional<MatchBitmap> matches = MatchBitmap::Evaluate(*db_, matching)) {
    matches->ForEach([&](Xapian::docid did) { counter->Add(did); });
    return matches->count();
  }
  Xapian::Enquire counting(*db_);
  counting.set_query(matching);
  counting.set_weighting_scheme(Xapian::BoolWeight());
  counting.add_matchspy(counter);
  return counting.get_mset(0, 0, kExactFacetLimit).get_matches_estimated();
}

Relaxation Searcher::RelaxPlan(const Plan& plan) {
  std::vector<Xapian::Query> filters = plan.filters;
  filters.insert(filters.end(), plan.clauses->filters.begin(), plan.clauses->filters.end());
  return Relax(*db_, plan.clauses->clauses, AndAll(filters), kRelaxBelow, kExactFacetLimit);
}

// The relaxed match set, ranked by every clause it kept (OR'd: a report
// holding more of them ranks higher) and the syllable pairs.
Xapian::MSet Searcher::RankRelaxed(const Plan& plan, const Relaxation& relaxation, SortOrder sort,
                                   const Window& window) {
  std::vector<Xapian::Query> kept;
  for (std::size_t i = 0; i < plan.clauses->clauses.size(); ++i) {
    if (relaxation.kept[i]) kept.push_back(plan.clauses->clauses[i].ranking);
  }
  Xapian::Query query(Xapian::Query::OP_OR, kept.begin(), kept.end());
  const std::vector<Xapian::Query>& pairs = plan.clauses->pairs;
  if (!pairs.empty()) {
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                          Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
  }
  Xapian::Enquire enquire(*db_);
  enquire.set_query(query);  // the match set has every filter applied already
  SetSort(enquire, sort);
  InSet in_set(relaxation.matches);
  return enquire.get_mset(window.first, window.count, 0, nullptr, &in_set);
}

std::vector<Hit> Searcher::Hits(const Xapian::MSet& mset, const HighlightTerms& highlight, const Readings& read,
                                bool snippets) {
  std::vector<Hit> results;
  std::string data;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    std::optional<Hit> hit = DecodeHit(it, &data);
    if (!hit) continue;
    if (!snippets) {
      results.push_back(std::move(*hit));
      continue;
    }
    HighlightTerms marks = highlight;
    for (const auto& [folded, term] : read) {
      Xapian::PostingIterator p = db_->postlist_begin(term);
      if (p != db_->postlist_end(term)) p.skip_to(*it);
      if (p == db_->postlist_end(term) || *p != *it) continue;  // this hit holds another form: mark that
      marks.folded.erase(folded);
      marks.exact.insert(term);
    }
    hit->snippet = MakeSnippet(*analyzer_, Body(StoredText(data), hit->report.title), marks);
    results.push_back(std::move(*hit));
  }
  return results;
}

// The reading of an unaccented plain query that its hits make likely
// (RestoreFromHits): it becomes the suggestion, and a hit holding a word of
// it has that word marked only in that form ("sap nhap" marks "sáp nhập",
// not "sắp"); `read` gets each such word's folded and marked forms. The
// ranking is left to the syllable pairs: ranking the reading as if typed
// lowered XQuAD-vi's MRR@10 without diacritics from 0.948 to 0.939.
std::optional<std::string> Searcher::ReadInContext(const Plan& plan, const Xapian::MSet& mset, Readings* read) {
  if (plan.parsed.root.kind != QueryNode::Kind::kWords || plan.parsed.fell_back || mset.empty()) {
    return std::nullopt;
  }
  std::vector<Xapian::docid> hits;
  for (auto it = mset.begin(); it != mset.end(); ++it) hits.push_back(*it);
  std::shared_ptr<const SuggestionTable> words =
      tables_->suggestions.Get(RevisionKey(), [&] { return std::make_shared<const SuggestionTable>(*db_); });
  std::set<std::string> folded;
  std::optional<std::string> reading = RestoreFromHits(*analyzer_, *words, *db_, hits, plan.q, &folded);
  if (!reading) return std::nullopt;
  const Analysis analysis = analyzer_->Analyze(*reading);
  for (const Token* t : WrittenTokens(analysis.tokens)) {
    if (folded.count(t->folded)) read->emplace_back(t->folded, t->term);
  }
  return reading;
}

// A query typed without marks: offer the form with them, whatever it found,
// so the same words always get the same offer.
std::optional<std::string> Searcher::Suggest(const Plan& plan) {
  if (plan.parsed.fell_back || plan.q.empty()) return std::nullopt;
  std::shared_ptr<const SuggestionTable> words =
      tables_->suggestions.Get(RevisionKey(), [&] { return std::make_shared<const SuggestionTable>(*db_); });
  return RestoreDiacritics(*analyzer_, *words, plan.q);
}

std::vector<std::string> Searcher::MarkedLines(std::string_view text, const std::string& q) {
  HighlightTerms highlight;
  std::vector<std::string> problems;
  std::string within = WithinWordBudget(*analyzer_, q, &problems);
  builder_->SetAlternatives({});  // no slips were corrected in this text
  builder_->Build(ParseQuery(within).root, &highlight, &problems);
  return tinhgon::MarkedLines(*analyzer_, text, highlight);
}

std::optional<ReportRecord> Searcher::Document(const std::string& id) {
  return WithRetry([&]() -> std::optional<ReportRecord> {
    std::string term = schema::IdTerm(id);
    Xapian::PostingIterator it = db_->postlist_begin(term);
    if (it == db_->postlist_end(term)) return std::nullopt;
    const std::string data = db_->get_document(*it).get_data();
    std::optional<StoredReport> report = DecodeStoredReport(data);
    std::optional<std::string_view> metadata = StoredMetadata(data);
    if (!report || !metadata) return std::nullopt;
    return ReportRecord{std::move(*report), std::string(*metadata), std::string(StoredText(data))};
  });
}

SimilarReports Searcher::Similar(const std::string& id, int count) {
  return WithRetry([&] {
    std::string term = schema::IdTerm(id);
    Xapian::PostingIterator it = db_->postlist_begin(term);
    if (it == db_->postlist_end(term)) throw NotFoundError("no report with id '" + id + "'");
    Xapian::RSet rset;
    rset.add_document(*it);
    Xapian::Enquire enquire(*db_);
    // Free-text terms only: boolean tags say little about what a report is about.
    struct TextOnly : Xapian::ExpandDecider {
      bool operator()(const std::string& t) const override { return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'); }
    } text_only;
    Xapian::ESet eset = enquire.get_eset(25, rset, &text_only);
    Xapian::Query query(Xapian::Query::OP_OR, eset.begin(), eset.end());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(term)));
    Xapian::MSet mset = enquire.get_mset(0, count);
    SimilarReports similar{id, {}};
    std::string data;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      if (std::optional<Hit> hit = DecodeHit(m, &data)) similar.results.push_back(std::move(*hit));
    }
    return similar;
  });
}

FacetOverview Searcher::AllFacets() {
  Window window;
  window.count = 1;
  window.all_districts = true;
  SearchResponse all = Run(SearchRequest{}, window);
  return FacetOverview{all.total, std::move(all.facets)};
}

}  // namespace tinhgon
