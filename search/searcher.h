// The search library: everything the CLI and the HTTP server answer.
//
// Thread safety: a Searcher is not thread-safe (its Xapian::Database and
// QueryBuilder are its own): use each from one thread at a time. What
// Searchers share (AnalysisTables, RevisionTables) is thread-safe.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/search_request.h"
#include "search/search_response.h"

namespace tinhgon {

class AgencyExtractor;
struct AnalysisTables;
class Analyzer;
class Counting;
struct RevisionTables;
class FilterResolver;
class Gazetteer;
class HitDocuments;
class IndexHandle;
class QueryBuilder;
struct HighlightTerms;
struct RelaxedMatch;
// A plain query whose words together match fewer reports than this is
// relaxed (relaxation.h), and the response says how. Three, "a handful":
// relaxing only what finds nothing lost 0.010 of XQuAD-vi's MRR@10, as
// questions often find one or two wrong paragraphs holding every word.
inline constexpr Xapian::doccount kRelaxBelow = 3;
// An unaccented query is read from the texts of its best hits, this many
// (a page's worth), whatever page is shown.
inline constexpr Xapian::doccount kReadingHits = 10;
// A query no hit can read is spelled from the index's frequencies: at most
// this many look-ups a query (a round trip each over a remote shard).
inline constexpr std::size_t kFrequencyLookups = 200;

// Not thread-safe (it owns a Xapian::Database and a QueryBuilder): one per
// thread. Follows the index as tinhgon-index changes it: every search reopens
// to the newest commit, and a rebuild's new generation is picked up too.
// The index may be one database or shards, local or served by xapian-tcpsrv
// (index/shard_list.h); the answers are the same (counting.h says how).
class Searcher {
 public:
  // Searchers of one process should share `tables` (one is made when none
  // is given), so each revision's facet and suggestion tables are built once.
  // They share `analysis` too: the process's (ProcessAnalysisTables) unless
  // another is given, so only the first Searcher pays for building it.
  explicit Searcher(const std::filesystem::path& db, std::shared_ptr<RevisionTables> tables = nullptr,
                    std::shared_ptr<const AnalysisTables> analysis = nullptr);
  ~Searcher();

  // Throws SearchError for a request it refuses (search_request.h).
  SearchResponse Search(const SearchRequest& request);

  // Every hit of `request` up to `limit` (at most kMaxResultWindow), in the
  // order its pages list them, without snippets or facets: what an export
  // writes. The request's page and per_page are not used.
  SearchResponse Export(SearchRequest request, std::size_t limit);

  // Two to kMaxComparedPlaces places side by side for the same query and
  // filters (search_response.h). Throws SearchError for a refused request
  // or a wrong number of places.
  Comparison Compare(const SearchRequest& request, const std::vector<PlaceFilter>& places);

  // A place typed by name or code: the first of the 2025 province, the old
  // province, the district, the 2025 commune and the old commune that knows
  // it. Empty when none does.
  std::optional<PlaceFilter> ResolvePlace(const std::string& text);

  // `text` as HTML lines with the words `q` searches for marked (a report's
  // page opened from a result list).
  std::vector<std::string> MarkedLines(std::string_view text, const std::string& q);

  // A report's whole record; empty if no report has that id, or its record
  // is damaged.
  std::optional<ReportRecord> Document(const std::string& id);

  // Reports like `id` (Xapian relevance feedback); throws NotFoundError if
  // no report has that id.
  SimilarReports Similar(const std::string& id, int count = 10);

  // Facet values with counts over the whole index, every district and 2025
  // commune included.
  FacetOverview AllFacets();

  Xapian::doccount document_count();

  static constexpr std::size_t kMaxComparedPlaces = 5;
  std::string revision();

 private:
  void Refresh();
  // Names the state of the index now open, for the per-revision tables.
  std::string RevisionKey() const;
  template <typename F>
  auto WithRetry(F&& work) -> decltype(work());
  // Districts and 2025 communes are listed only for selected provinces
  // unless `all_districts`.
  // counts[f][ordinal] for the values of facet f in `table`.
  std::vector<std::set<std::string>> SelectedParents(const SearchRequest& request) const;
  std::string ParentOf(Facet facet, const std::string& code) const;
  std::string FacetLabel(Facet facet, const std::string& code) const;
  // tally[f]: each value of facet f some match holds, with its count.
  std::vector<FacetCounts> Facets(const std::vector<std::vector<std::pair<std::string, Xapian::doccount>>>& tally,
                                  const SearchRequest& request, bool all_districts);
  // Which hits a run returns, and what it makes of them.
  struct Window {
    Xapian::doccount first = 0, count = 10;
    bool snippets = true;
    bool all_districts = false;  // list every district and 2025 commune in facets
    // Count the total exactly without facets (an export's total): Xapian's
    // estimate is off by thousands for a query with marks that many match.
    bool exact_total = false;
  };
  // `request` validated by the caller.
  SearchResponse Run(const SearchRequest& request, const Window& window);
  struct Plan;
  // A reading's words (folded form -> the marked form read), and the hits
  // holding each marked form it weighed (held_terms.h).
  struct Readings {
    std::vector<std::pair<std::string, std::string>> words;
    std::map<std::string, std::set<Xapian::docid>> holders;
  };
  // `counted`: the plan's matching query is built, for an exact count.
  Plan MakePlan(const SearchRequest& request, bool counted);
  // The matches' exact count and facets, relaxing the query when too few
  // match; `mset` is replaced by the relaxed ranking then.
  std::optional<RelaxedMatch> CountAndRelax(const Plan& plan, const SearchRequest& request, const Window& window,
                                            Xapian::MSet* mset, SearchResponse* response);
  static Xapian::Query Filtered(Xapian::Query base, const std::vector<Xapian::Query>& filters);
  static void SetSort(Xapian::Enquire& enquire, SortOrder sort);
  PlaceSummary SummarizePlace(const SearchRequest& request, const PlaceFilter& place, std::vector<Warning>* warnings);
  std::string PlaceLabel(const PlaceFilter& place);
  Xapian::MSet RankRelaxed(const Plan& plan, const RelaxedMatch& relaxed, SortOrder sort, const Window& window);
  std::vector<Hit> Hits(const Xapian::MSet& mset, HitDocuments& documents, const HighlightTerms& highlight,
                        const Readings& read, bool snippets);
  Xapian::MSet RelevanceTop(const Plan& plan, const std::optional<RelaxedMatch>& relaxed);
  std::optional<std::string> ReadInContext(const Plan& plan, const SearchRequest& request, const Window& window,
                                           const std::optional<RelaxedMatch>& relaxed, const Xapian::MSet& page,
                                           HitDocuments& documents, Readings* read);
  std::optional<std::string> Suggest(const Plan& plan);

  const Xapian::Database& db() const;

  std::filesystem::path dir_;
  std::unique_ptr<IndexHandle> index_;
  std::shared_ptr<RevisionTables> tables_;
  std::unique_ptr<Counting> counting_;  // chosen for index_ as it is open
  std::shared_ptr<const AnalysisTables> analysis_;  // holds the four below
  const Analyzer* analyzer_;
  const Gazetteer* gazetteer_;
  const AgencyExtractor* agencies_;
  const FilterResolver* filters_;
  std::unique_ptr<QueryBuilder> builder_;  // this Searcher's own: it holds the query's alternatives
};

}  // namespace tinhgon
