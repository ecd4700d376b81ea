// The query side's analysis tables: the analysis chain, the gazetteer, the
// agency kinds and the filter names resolved with them. Building them takes
// tens of milliseconds and megabytes, and nothing in them depends on the
// index, so a process builds them once and every Searcher shares them.
//
// Thread safety: an AnalysisTables is immutable after construction, and any
// number of threads may use it at once. ProcessAnalysisTables() may be called
// from any thread: the first call builds the tables, concurrent first calls
// wait for that one build.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/gazetteer.h"
#include "analyzers/metadata/vocabulary.h"
#include "search/filter_resolver.h"

namespace tinhgon {

// Later members keep references to earlier ones (the filters to the
// analyzer and the agencies), so the tables neither copy nor move: hold them
// by pointer, as ProcessAnalysisTables does.
struct AnalysisTables {
  AnalysisTables();
  AnalysisTables(const AnalysisTables&) = delete;
  AnalysisTables& operator=(const AnalysisTables&) = delete;

  Analyzer analyzer;
  Gazetteer gazetteer;       // names keyed with `analyzer`
  AgencyExtractor agencies;  // kinds keyed with `analyzer`
  FilterResolver filters;    // uses all three above
  // Facet values' display names (facet → code → name) and, for the facets
  // listed under a parent's filter, each code's parent code (old province
  // of a district, district of an old commune, 2025 province of a 2025
  // commune). Some ten thousand units: built once, like the rest.
  struct FacetNames {
    std::map<std::string, std::string> names[kFacets.size()];
    std::map<std::string, std::string> parents[kFacets.size()];
  } facet_names;
};

// The tables of this process, built on the first call and kept until exit.
std::shared_ptr<const AnalysisTables> ProcessAnalysisTables();

}  // namespace tinhgon
