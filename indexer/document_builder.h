// A source report → the Xapian document the schema describes.
//
// Thread safety: a DocumentBuilder is immutable after construction; Extract
// and Build may run from any number of threads at once, so the indexer's
// analysis threads share one.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

#include "analyzers/metadata/metadata_extractor.h"
#include "corpus/source_report.h"

namespace tinhgon {

class DocumentBuilder {
 public:
  DocumentBuilder();

  // What identifies the indexed content of a report: equal hashes mean
  // re-indexing would change nothing. Includes the schema version.
  static std::string ContentHash(const SourceReport& report);

  // The report's metadata as indexed (the source's own date, if it gives
  // one, beats the layout's). `analysis` receives the analysed text.
  ReportMetadata Extract(const SourceReport& report, Analysis* analysis = nullptr) const;

  Xapian::Document Build(const SourceReport& report, const std::string& content_hash) const;

  const Gazetteer& gazetteer() const { return extractor_.gazetteer(); }

 private:
  MetadataExtractor extractor_;
};

}  // namespace tinhgon
