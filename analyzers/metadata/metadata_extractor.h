// Report metadata from raw bytes: the extraction stages composed in one place.
#pragma once

#include <memory>
#include <string_view>

#include "analyzers/metadata/report_metadata.h"

namespace tinhgon {

class AgencyExtractor;
class Analyzer;
class DateExtractor;
class DocumentLayout;
class EventExtractor;
class Gazetteer;
class LocalityExtractor;

// Runs, in order: the analysis chain's normalization; the layout (chrome,
// title, byline); dates; localities; agencies; events; figures. Everything
// comes from the report's own text; nothing is invented. Not thread-safe (it
// owns an Analyzer): one per thread. Construction loads the gazetteer (tens
// of milliseconds); reuse instances.
class MetadataExtractor {
 public:
  MetadataExtractor();
  ~MetadataExtractor();
  MetadataExtractor(const MetadataExtractor&) = delete;
  MetadataExtractor& operator=(const MetadataExtractor&) = delete;

  ReportMetadata Extract(std::string_view bytes);

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
