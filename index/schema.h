// The layout of a tinhgon index: every term prefix, value slot and the
// document data format. The indexer writes this and the search service reads
// it; neither spells a prefix or a slot number anywhere else.
//
// On disk, `--db DIR` is a directory holding a stub file XAPIANDB ("auto
// gen-N") and the generation directories it names. A rebuild writes the next
// generation beside the live one and renames a new stub over the old, so
// readers see either the old index or the new, never a mix.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <xapian.h>

namespace tinhgon::schema {

// Bumped whenever the layout changes, so an index built by another version is
// rebuilt rather than misread. Stored in the index metadata under kVersionKey.
// 6: no title (S), primary locality (XL), month (XM) or mentioned-year (XT)
// terms, which no query read.
// 8: exact forms without positions.
// 9: title tokens weigh 10, not 3.
inline constexpr std::string_view kVersion = "9";
inline constexpr std::string_view kVersionKey = "tinhgon.schema";
// The fingerprint of the analysis chain and its data that last wrote the
// index (analyzers/metadata/analysis_fingerprint.h). The search service
// compares it with its own: queries analyzed by another chain than the
// documents were miss what they should find.
inline constexpr std::string_view kAnalysisKey = "tinhgon.analysis";

// --- Free text -------------------------------------------------------------
// Unprefixed terms: each token's exact term (case-folded, with marks) and its
// folded form when that differs ("đảng" and "dang"), so a query with or
// without marks finds it and a query with marks can prefer exact hits. Only
// the folded form has positions: a phrase typed with marks is matched as the
// folded phrase in a report holding its marked words, which writes a third
// fewer positions at the price of a rare extra match (the marked words
// elsewhere in a report whose phrase reads otherwise). Title tokens count kTitleWeight times
// (their wdf), so a title match ranks above a body match without a field of
// its own: 10 found the report a remembered headline fragment comes from
// more often than 3 or 6 on three samples of titles, and on two more held
// out (15 gained at most 0.005 more, at the price of a title-only mention
// outranking the reports about a word; docs/ANALYSIS.md). Abbreviation
// expansions are indexed at their positions like any token.
inline constexpr Xapian::termcount kTitleWeight = 10;
// Terms longer than this are not indexed (Xapian's limit is 245 bytes, and
// such "words" are URLs or garbage, not something anyone searches for).
inline constexpr std::size_t kMaxTermBytes = 64;

// Syllable pairs: for every two adjacent positions (a line break leaves a
// gap, so no pair crosses lines), the folded forms at the first and the
// second joined by a space, under kPair, without positions, weighted like
// the first token. A query's adjacent syllables look the pair up as one
// term: what a phrase over the two folded terms would match, at the cost of
// a term look-up instead of position checks on every document holding both
// (docs/PERFORMANCE.md measures both).
inline constexpr std::string_view kPair = "XW";

// --- Boolean terms (filters) -------------------------------------------------
// Every term below is read: by a filter of the query language (search/
// filter_resolver.h), by the indexer (Q, XF), or, for XS, by
// `tinhgon-index --stats`.
inline constexpr std::string_view kId = "Q";              // IdTerm(id): unique per document
inline constexpr std::string_view kFile = "XF";           // XF<source file>, relative to its input directory
inline constexpr std::string_view kProvince = "XP";       // XP<GSO code, pre-2025> of every locality
inline constexpr std::string_view kProvince2025 = "XN";   // XN<code> of the 2025 province of every locality
inline constexpr std::string_view kDistrict = "XD";       // XD<GSO district code>
inline constexpr std::string_view kCommune = "XC";        // XC<GSO commune code>
// XK<code> of every 2025 commune holding a locality today: a 2025 commune
// itself, the one(s) an old commune became, every one a district's communes
// became (unless the report names a commune of the district, which the
// district then only locates). Filtering by it finds the reports about the
// new unit and about the old units it was formed from.
inline constexpr std::string_view kCommune2025 = "XK";
inline constexpr std::string_view kAgency = "XA";         // XA<slug>
inline constexpr std::string_view kEvent = "XE";          // XE<event type>
inline constexpr std::string_view kYear = "XY";           // XY<YYYY> of the publication date
inline constexpr std::string_view kMonth = "XM";          // XM<YYYYMM> of the publication date
inline constexpr std::string_view kSource = "XS";         // XS<publisher>, when the source names one (counted by --stats)

// --- Values --------------------------------------------------------------------
// Multi-valued slots hold their values joined by kListSeparator, so a facet
// counter can count a report once under each of its provinces or agencies.
inline constexpr char kListSeparator = '\x1f';
enum Slot : Xapian::valueno {
  kDateSlot = 0,           // publication date "YYYYMMDD" (sorts as a string), empty when unknown
  kProvincesSlot = 1,      // pre-2025 province codes
  kProvinces2025Slot = 2,  // 2025 province codes
  kDistrictsSlot = 3,      // district codes
  kAgenciesSlot = 4,       // agency slugs
  kEventsSlot = 5,         // event types
  kYearSlot = 6,           // publication year "YYYY"
  kContentHashSlot = 7,    // hash of what was indexed, to skip unchanged input
  kIdSlot = 8,             // the report id itself (its Q term may be a digest)
  kCommunes2025Slot = 9,   // 2025 commune codes, as under kCommune2025
  kCommunesSlot = 10,      // pre-2025 commune codes, as under kCommune
  kMonthSlot = 11,         // publication month "YYYYMM"
};

// --- Document data ---------------------------------------------------------------
// A JSON object: id, source (file), format, encoding, url, publisher, and the
// extracted metadata as `tinhgon-index --analyze` prints it (title, byline,
// date, dates_mentioned, localities, agencies, events, figures); then a NUL
// byte and the cleaned text snippets are cut from, outside the JSON so a hit
// never decodes it (index/stored_report.h reads and writes this).

// The stub file in an index directory, and the generation it names (empty
// when `dir` holds no index). Blank lines and '#' comments are skipped, as
// Xapian does: the stub xapian-replicate keeps in a read replica opens with
// a comment banner before its "auto replica_K".
inline constexpr const char* kStubFile = "XAPIANDB";
// A symbolic link beside the stub naming the same generation, replaced
// atomically with it: a fixed path to the live database for tools that open
// one database, not a stub (xapian-replicate-server serves it to replicas).
inline constexpr const char* kLiveLink = "live";
inline std::filesystem::path LiveGeneration(const std::filesystem::path& dir) {
  std::ifstream stub(dir / kStubFile);
  std::string line;
  while (std::getline(stub, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string backend, name;
    if (!(fields >> backend >> name) || backend != "auto") return {};
    return dir / name;
  }
  return {};
}

// The generations tinhgon writes are "gen-N". A stub naming anything else
// was written by another program: in practice xapian-replicate, whose
// "replica_K" copies follow a master and must never be written to (a write
// would fork the copy from the master, whose next changeset no longer fits).
inline constexpr std::string_view kGenerationPrefix = "gen-";
inline bool IsReplica(const std::filesystem::path& dir) {
  std::filesystem::path live = LiveGeneration(dir);
  return !live.empty() && live.filename().string().rfind(kGenerationPrefix, 0) != 0;
}

// Xapian refuses terms over 245 bytes, and ids and file paths can be longer
// (up to 1,000 characters). A value of at most kMaxPlainTermValue bytes is
// the term as it is; a longer one is its first bytes, a 0x1E separator and
// the SHA-256 of the whole value in hex, which no plain value can equal (it
// is longer than any of them) and no two values share in practice.
inline constexpr std::size_t kMaxPlainTermValue = 200;
std::string BooleanTerm(std::string_view prefix, std::string_view value);
inline std::string IdTerm(std::string_view id) { return BooleanTerm(kId, id); }

inline std::string Term(std::string_view prefix, std::string_view value) {
  std::string term(prefix);
  term += value;
  return term;
}

inline std::string PairTerm(std::string_view first, std::string_view second) {
  std::string term(kPair);
  term.append(first).append(1, ' ').append(second);
  return term;
}

}  // namespace tinhgon::schema
