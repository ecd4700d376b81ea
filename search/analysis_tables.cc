#include "search/analysis_tables.h"

namespace tinhgon {

AnalysisTables::AnalysisTables()
    : gazetteer(analyzer), agencies(analyzer), filters(analyzer, gazetteer, agencies) {}

std::shared_ptr<const AnalysisTables> ProcessAnalysisTables() {
  // A function-local static: C++ guarantees one initialization, with
  // concurrent callers waiting for it.
  static const std::shared_ptr<const AnalysisTables> tables = std::make_shared<const AnalysisTables>();
  return tables;
}

}  // namespace tinhgon
