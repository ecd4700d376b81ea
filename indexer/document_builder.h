// A source report → the Xapian document the schema describes.
#pragma once

#include <cstdint>
#include <string>

#include <xapian.h>

#include "analyzers/metadata/metadata_extractor.h"
#include "corpus/source_report.h"

namespace tinhgon {

// Not thread-safe (it owns a MetadataExtractor): one per indexing thread.
class DocumentBuilder {
 public:
  DocumentBuilder();

  // What identifies the indexed content of a report: equal hashes mean
  // re-indexing would change nothing. Includes the schema version.
  static std::string ContentHash(const SourceReport& report);

  Xapian::Document Build(const SourceReport& report, const std::string& content_hash);

 private:
  MetadataExtractor extractor_;
};

}  // namespace tinhgon
