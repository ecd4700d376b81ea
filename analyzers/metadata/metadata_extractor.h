// Report metadata from raw bytes: the extraction stages composed in one place.
//
// Thread safety: a MetadataExtractor is immutable after construction; Extract
// may run from any number of threads at once, so one serves every indexing
// thread.
#pragma once

#include <memory>
#include <string_view>

#include "analyzers/metadata/report_metadata.h"

namespace tinhgon {

class AgencyExtractor;
class Analyzer;
struct Analysis;
class DateExtractor;
class DocumentLayout;
class EventExtractor;
class Gazetteer;
class LocalityExtractor;

// Runs, in order: the analysis chain's normalization; the layout (chrome,
// title, byline); dates; localities; agencies; events; figures. Everything
// comes from the report's own text; nothing is invented. Construction loads
// the gazetteer (tens of milliseconds); reuse instances.
class MetadataExtractor {
 public:
  MetadataExtractor();
  ~MetadataExtractor();
  MetadataExtractor(const MetadataExtractor&) = delete;
  MetadataExtractor& operator=(const MetadataExtractor&) = delete;

  // `analysis`, when given, receives the chain's analysis of metadata.text
  // (title and content without chrome): what the indexer indexes.
  ReportMetadata Extract(std::string_view bytes, Analysis* analysis = nullptr) const;

  const Gazetteer& gazetteer() const { return *gazetteer_; }

 private:
  std::unique_ptr<Analyzer> analyzer_;
  std::unique_ptr<Gazetteer> gazetteer_;
  std::unique_ptr<DocumentLayout> layout_;
  std::unique_ptr<DateExtractor> dates_;
  std::unique_ptr<LocalityExtractor> localities_;
  std::unique_ptr<AgencyExtractor> agencies_;
  std::unique_ptr<EventExtractor> events_;
};

}  // namespace tinhgon
