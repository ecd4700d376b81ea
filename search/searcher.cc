#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include "analyzers/analyzer.h"
#include "analyzers/diacritic_folder.h"
#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/gazetteer.h"
#include "corpus/calendar.h"
#include "index/schema.h"
#include "analyzers/metadata/phrase_matcher.h"
#include "search/analysis_tables.h"
#include "search/counting.h"
#include "search/diacritics_restorer.h"
#include "search/held_terms.h"
#include "search/index_handle.h"
#include "search/revision_tables.h"
#include "search/filter_resolver.h"
#include "search/query_builder.h"
#include "search/query_parser.h"
#include "search/snippet.h"
#include "index/stored_report.h"
#include "search/typing.h"
#include "search/weighting.h"

namespace tinhgon {
namespace {

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
std::optional<Hit> DecodeHit(const std::string& data, double weight) {
  std::optional<StoredReport> report = DecodeStoredReport(data);
  if (!report) return std::nullopt;
  return Hit{std::move(*report), weight, {}};
}

// An index written with another schema version (schema.h) holds terms,
// values or weights this server reads otherwise: it still answers, since a
// service should not stop over it, but every response says so, for a count
// read from it may be wrong. Empty: a read replica before its first copy.
std::optional<Warning> OtherSchema(const std::string& version) {
  if (version.empty() || version == schema::kVersion) return std::nullopt;
  return Warning{Warning::Code::kOtherSchema, version};
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
  index_ = std::make_unique<IndexHandle>(dir_);
  counting_ = MakeCounting(*index_, tables_->facets);
}

Searcher::~Searcher() = default;

const Xapian::Database& Searcher::db() const { return index_->db(); }

// A rebuild's new generation, or shards listed anew, may change how to
// count: local shards, or remote.
void Searcher::Refresh() {
  bool afresh = false;
  try {
    afresh = index_->Refresh();
  } catch (const Xapian::NetworkError&) {  // xapian-tcpsrv closes idle connections
    index_->Reopen();
    afresh = true;
  }
  if (afresh) counting_ = MakeCounting(*index_, tables_->facets);
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
    } catch (const Xapian::NetworkError&) {  // a shard's server restarted, or dropped us mid-search
      if (attempt >= 1) throw;
      index_->Reopen();
      counting_ = MakeCounting(*index_, tables_->facets);
    }
  }
}

Xapian::doccount Searcher::document_count() {
  return WithRetry([&] { return db().get_doccount(); });
}

std::string Searcher::RevisionKey() const { return index_->RevisionKey(); }

std::string Searcher::revision() {
  return WithRetry([&] { return index_->revision(); });
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
  window.exact_total = true;
  return Run(r, window);
}

namespace {

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
  std::vector<Warning> warnings;
  std::vector<Xapian::Query> filters;  // the request's parameters, each an AND'd alternative set
  Xapian::Query ranking, matching;     // filters applied
  std::optional<QueryBuilder::Clauses> clauses;  // a plain query's parts, for relaxing it
  std::vector<Correction> corrections;           // mistyped words, and what was searched instead
  std::shared_ptr<const SlipTable> slips;        // held while the plan is made
  bool corrected = false;                        // q is not the query as typed

  // What the weighting scheme is chosen by (weighting.h): 0 with operators.
  std::size_t clause_count() const { return clauses ? clauses->clauses.size() : 0; }
};

Searcher::Plan Searcher::MakePlan(const SearchRequest& r, bool counted) {
  Plan plan;
  plan.q = WithinWordBudget(*analyzer_, r.q, &plan.warnings);
  auto slips = [&]() -> const SlipTable& {
    plan.slips = tables_->slips.Get(RevisionKey(), [&] { return std::make_shared<const SlipTable>(db()); });
    return *plan.slips;
  };
  const std::string typed = plan.q;
  plan.q = CorrectTyping(*analyzer_, db(), slips, plan.q, &plan.corrections);
  plan.corrected = plan.q != typed;
  std::map<std::string, QueryBuilder::Alternative> slip_alternatives;
  for (const Correction& c : plan.corrections) {
    if (c.expanded) slip_alternatives[TypedTerm(c.from)] = {DiacriticFolder::Fold(c.to), !c.in_context};
  }
  builder_->SetAlternatives(std::move(slip_alternatives));
  plan.parsed = ParseQuery(plan.q);
  if (plan.parsed.fell_back()) plan.warnings.push_back(*plan.parsed.problem);
  Xapian::Query query = builder_->Build(plan.parsed.root, &plan.highlight, &plan.warnings);
  for (const auto& [filter, values] : r.filters) {  // a std::map: in vocabulary order
    if (values.empty()) continue;
    std::vector<Xapian::Query> alternatives;
    for (const std::string& value : values) {
      std::optional<Warning> problem;
      for (const std::string& term : filters_->Terms(filter, value, &problem)) alternatives.emplace_back(term);
      if (problem) plan.warnings.push_back(*problem);
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
  if (counted) {
    // The same words analyzed again: what they mark and the problems they
    // meet are the ranking query's.
    HighlightTerms same_highlight;
    std::vector<Warning> same_warnings;
    plan.matching = Filtered(
        builder_->Build(plan.parsed.root, &same_highlight, &same_warnings, QueryBuilder::Purpose::kMatching),
        plan.filters);
  }
  std::vector<Warning> same_problems;
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
    const bool counted = r.facets || window.exact_total;
    Plan plan = MakePlan(r, counted);  // corrections look words up in this revision
    Xapian::Enquire enquire(db());
    enquire.set_query(plan.ranking);
    enquire.set_weighting_scheme(*WeightingFor(plan.clause_count()));
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
    std::optional<RelaxedMatch> relaxed = CountAndRelax(plan, r, window, &mset, &response);
    Readings read;
    HitDocuments documents(mset, window.count <= kMaxPerPage);
    if (window.snippets && r.suggestion) {
      response.suggestion = ReadInContext(plan, r, window, relaxed, mset, documents, &read);
      if (read.words.empty()) response.suggestion = Suggest(plan);
    }
    response.results = Hits(mset, documents, plan.highlight, read, window.snippets);
    response.warnings.insert(response.warnings.begin(), plan.warnings.begin(), plan.warnings.end());
    if (std::optional<Warning> stale = OtherSchema(index_->schema_version())) response.warnings.push_back(*stale);
    response.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    return response;
  });
}

// Without facets or an exact total asked for (Window), the total stays
// Xapian's estimate (an Atom feed shows none), and a query is relaxed only
// when that estimate is below kRelaxBelow.
std::optional<RelaxedMatch> Searcher::CountAndRelax(const Plan& plan, const SearchRequest& r, const Window& window,
                                                    Xapian::MSet* mset, SearchResponse* response) {
  std::optional<RelaxedMatch> kept;
  FacetTally tally;
  FacetTally* facets = r.facets ? &tally : nullptr;
  if (r.facets || window.exact_total) response->total = counting_->Count(plan.matching, facets);
  if (response->total < kRelaxBelow && plan.clauses && plan.clauses->clauses.size() >= 2) {
    std::vector<Xapian::Query> filters = plan.filters;
    filters.insert(filters.end(), plan.clauses->filters.begin(), plan.clauses->filters.end());
    RelaxedMatch relaxed = counting_->Relax(plan.clauses->clauses, AndAll(filters), kRelaxBelow, facets);
    if (relaxed.relaxed) {
      response->relaxed = Relaxed{relaxed.required, relaxed.of, relaxed.dropped};
      *mset = RankRelaxed(plan, relaxed, r.sort, window);
      kept = relaxed;
      response->total = relaxed.total;
      if (relaxed.ranked_by_clauses_held) {
        Warning ranked{Warning::Code::kRelaxedOverShards};
        ranked.count = relaxed.required;
        ranked.of = relaxed.of;
        response->warnings.push_back(ranked);
      }
    }
  }
  response->facets_counted = r.facets;
  if (r.facets) response->facets = Facets(tally, r, window.all_districts);
  return kept;
}

// The best kReadingHits hits by relevance, as the first page ranks them.
Xapian::MSet Searcher::RelevanceTop(const Plan& plan, const std::optional<RelaxedMatch>& relaxed) {
  Window top;
  top.count = kReadingHits;
  if (relaxed) return RankRelaxed(plan, *relaxed, SortOrder::kRelevance, top);
  Xapian::Enquire enquire(db());
  enquire.set_query(plan.ranking);
  enquire.set_weighting_scheme(*WeightingFor(plan.clause_count()));
  return enquire.get_mset(0, kReadingHits);
}

void Searcher::SetSort(Xapian::Enquire& enquire, SortOrder sort) {
  switch (sort) {
    case SortOrder::kRelevance: break;
    case SortOrder::kDate: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true); break;
    case SortOrder::kDateAscending: enquire.set_sort_by_value_then_relevance(schema::kDateSlot, false); break;
  }
}

// The relaxed match set, ranked by every clause it kept (OR'd: a report
// holding more of them ranks higher) and the syllable pairs.
Xapian::MSet Searcher::RankRelaxed(const Plan& plan, const RelaxedMatch& relaxed, SortOrder sort,
                                   const Window& window) {
  std::vector<Xapian::Query> kept;
  for (std::size_t i = 0; i < plan.clauses->clauses.size(); ++i) {
    if (relaxed.kept[i]) kept.push_back(plan.clauses->clauses[i].ranking);
  }
  Xapian::Query query(Xapian::Query::OP_OR, kept.begin(), kept.end());
  const std::vector<Xapian::Query>& pairs = plan.clauses->pairs;
  if (!pairs.empty()) {
    query = Xapian::Query(Xapian::Query::OP_AND_MAYBE, query,
                          Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end()));
  }
  Xapian::Enquire enquire(db());
  enquire.set_query(query);  // the match set has every filter applied already
  enquire.set_weighting_scheme(*WeightingFor(plan.clause_count()));  // as the query was ranked first
  SetSort(enquire, sort);
  return counting_->RankRelaxed(relaxed, enquire, window.first, window.count);
}

std::vector<Hit> Searcher::Hits(const Xapian::MSet& mset, HitDocuments& documents, const HighlightTerms& highlight,
                                const Readings& read, bool snippets) {
  std::vector<Hit> results;
  for (auto it = mset.begin(); it != mset.end(); ++it) {
    const std::string& data = documents.Data(it.get_rank() - mset.get_firstitem());
    std::optional<Hit> hit = DecodeHit(data, it.get_weight());
    if (!hit) continue;
    if (!snippets) {
      results.push_back(std::move(*hit));
      continue;
    }
    HighlightTerms marks = highlight;
    for (const auto& [folded, term] : read.words) {
      auto holders = read.holders.find(term);
      if (holders == read.holders.end() || !holders->second.count(*it)) continue;  // another form: mark that
      marks.folded.erase(folded);
      marks.exact.insert(term);
    }
    hit->snippet = MakeSnippet(*analyzer_, Body(StoredText(data), hit->report.title), marks);
    results.push_back(std::move(*hit));
  }
  return results;
}

// The reading of an unaccented query that the texts of its best hits
// show (ReadFromTexts): it becomes the suggestion, and a hit holding a word
// of it has that word marked only in that form ("sap nhap" marks "sáp
// nhập", not "sắp"; "cong an" marks "an", not "án"); `read` gets each word
// read, and which hits of the page hold its form. Read from the best hits
// whatever page or order is shown, so the same words always get the same
// offer. The ranking is left to the syllable pairs: ranking the reading as
// if typed lowered XQuAD-vi's MRR@10 without diacritics from 0.948 to 0.939.
std::optional<std::string> Searcher::ReadInContext(const Plan& plan, const SearchRequest& r, const Window& window,
                                                  const std::optional<RelaxedMatch>& relaxed, const Xapian::MSet& page,
                                                  HitDocuments& documents, Readings* read) {
  if (!HasWordsToRead(*analyzer_, plan.q)) return std::nullopt;
  const bool page_is_top = r.sort == SortOrder::kRelevance && window.first == 0 && window.count >= kReadingHits;
  const Xapian::MSet top = page_is_top ? page : RelevanceTop(plan, relaxed);
  HitDocuments top_documents(top, false);
  std::vector<std::string> data;
  for (Xapian::doccount i = 0; i < top.size() && i < kReadingHits; ++i) {
    data.push_back((page_is_top ? documents : top_documents).Data(i));
  }
  std::vector<std::string_view> texts;
  for (const std::string& d : data) texts.push_back(StoredText(d));
  std::map<std::string, std::string> forms;
  std::optional<std::string> reading = ReadFromTexts(*analyzer_, texts, plan.q, &forms);
  std::shared_ptr<const SuggestionTable> words =
      tables_->suggestions.Get(RevisionKey(), [&] { return std::make_shared<const SuggestionTable>(db()); });
  std::set<std::string> marked;
  // Each word read as typed that has marked forms too, with them: a word
  // with none looks the same marked either way.
  std::map<std::string, std::vector<std::string>> unmarked;
  for (const auto& [folded, form] : forms) {
    read->words.emplace_back(folded, form);
    if (form != folded) {
      marked.insert(form);
    } else if (!words->Forms(folded).empty()) {
      for (const SuggestionTable::Form& f : words->Forms(folded)) unmarked[folded].push_back(f.term);
    }
  }
  read->holders = HitsHolding(db(), index_->remote(), page, documents, marked);
  // A term list is a round trip per hit over a remote shard: there a word
  // read as typed keeps every form marked, as before it was read.
  if (!index_->remote()) read->holders.merge(HitsHoldingUnmarked(page, documents, unmarked));
  return reading;
}

// A query no hit's text can read (finding nothing): each word in its most frequent form with marks, unless the
// reports write it without marks more often. Collection frequencies say
// that, at most kFrequencyLookups a query.
std::optional<std::string> Searcher::Suggest(const Plan& plan) {
  if (plan.parsed.fell_back() || plan.q.empty()) return std::nullopt;
  std::shared_ptr<const SuggestionTable> words =
      tables_->suggestions.Get(RevisionKey(), [&] { return std::make_shared<const SuggestionTable>(db()); });
  std::size_t lookups = 0;
  auto unmarked_more_often = [&](const std::string& folded) {
    const std::vector<SuggestionTable::Form>& forms = words->Forms(folded);
    if (lookups + forms.size() + 1 > kFrequencyLookups) return false;
    lookups += forms.size() + 1;
    Xapian::termcount marked = 0, most = 0;
    for (const SuggestionTable::Form& form : forms) {
      const Xapian::termcount n = db().get_collection_freq(form.term);
      marked += n;
      most = std::max(most, n);
    }
    const Xapian::termcount all = db().get_collection_freq(folded);
    return all > marked && all - marked >= most;
  };
  return RestoreDiacritics(*analyzer_, *words, plan.q, unmarked_more_often);
}

std::vector<std::string> Searcher::MarkedLines(std::string_view text, const std::string& q) {
  HighlightTerms highlight;
  std::vector<Warning> problems;
  std::string within = WithinWordBudget(*analyzer_, q, &problems);
  builder_->SetAlternatives({});  // no slips were corrected in this text
  builder_->Build(ParseQuery(within).root, &highlight, &problems);
  return tinhgon::MarkedLines(*analyzer_, text, highlight);
}

std::optional<ReportRecord> Searcher::Document(const std::string& id) {
  return WithRetry([&]() -> std::optional<ReportRecord> {
    std::string term = schema::IdTerm(id);
    Xapian::PostingIterator it = db().postlist_begin(term);
    if (it == db().postlist_end(term)) return std::nullopt;
    const std::string data = db().get_document(*it).get_data();
    std::optional<StoredReport> report = DecodeStoredReport(data);
    std::optional<std::string_view> metadata = StoredMetadata(data);
    if (!report || !metadata) return std::nullopt;
    return ReportRecord{std::move(*report), std::string(*metadata), std::string(StoredText(data))};
  });
}

SimilarReports Searcher::Similar(const std::string& id, int count) {
  return WithRetry([&] {
    std::string term = schema::IdTerm(id);
    Xapian::PostingIterator it = db().postlist_begin(term);
    if (it == db().postlist_end(term)) throw NotFoundError("no report with id '" + id + "'");
    Xapian::RSet rset;
    rset.add_document(*it);
    Xapian::Enquire enquire(db());
    // Free-text terms only: boolean tags say little about what a report is about.
    struct TextOnly : Xapian::ExpandDecider {
      bool operator()(const std::string& t) const override { return !t.empty() && !(t[0] >= 'A' && t[0] <= 'Z'); }
    } text_only;
    // Exact term frequencies: by default Xapian weighs a term of a combined
    // database by the frequency in the report's own shard, and shards would
    // find other reports alike than one database does. Over a remote shard
    // that is a look-up per term of the report (docs/REMOTE.md).
    Xapian::ESet eset = enquire.get_eset(25, rset, Xapian::Enquire::USE_EXACT_TERMFREQ, &text_only);
    Xapian::Query query(Xapian::Query::OP_OR, eset.begin(), eset.end());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_AND_NOT, query, Xapian::Query(term)));
    Xapian::MSet mset = enquire.get_mset(0, count);
    SimilarReports similar{id, {}};
    std::string data;
    for (auto m = mset.begin(); m != mset.end(); ++m) {
      data = m.get_document().get_data();
      if (std::optional<Hit> hit = DecodeHit(data, m.get_weight())) {
        similar.results.push_back(std::move(*hit));
      }
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
