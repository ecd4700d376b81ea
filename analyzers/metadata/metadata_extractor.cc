#include "analyzers/metadata/metadata_extractor.h"

#include "analyzers/analyzer.h"
#include "analyzers/metadata/agency_extractor.h"
#include "analyzers/metadata/date_extractor.h"
#include "analyzers/metadata/document_layout.h"
#include "analyzers/metadata/event_extractor.h"
#include "analyzers/metadata/gazetteer.h"
#include "analyzers/metadata/locality_extractor.h"

namespace tinhgon {

MetadataExtractor::MetadataExtractor()
    : analyzer_(std::make_unique<Analyzer>()),
      gazetteer_(std::make_unique<Gazetteer>(*analyzer_)),
      layout_(std::make_unique<DocumentLayout>()),
      dates_(std::make_unique<DateExtractor>(*analyzer_)),
      localities_(std::make_unique<LocalityExtractor>(*gazetteer_, *analyzer_)),
      agencies_(std::make_unique<AgencyExtractor>(*analyzer_)),
      events_(std::make_unique<EventExtractor>(*analyzer_, *agencies_)) {}

MetadataExtractor::~MetadataExtractor() = default;

ReportMetadata MetadataExtractor::Extract(std::string_view bytes, Analysis* analysis_out) const {
  ReportMetadata m;
  std::string normalized = analyzer_->Normalize(bytes, &m.stats);
  Layout layout = layout_->Analyze(
      normalized, [this](std::string_view line) { return dates_->DateLine(line).has_value(); });
  m.date = dates_->PublicationDate(layout);

  // The content: title first, then every content line but the byline and
  // stamp lines, so chrome never reaches extraction, snippets or the index.
  std::size_t title_end = 0;
  if (layout.title >= 0) {
    m.title = std::string(layout.lines[layout.title].text);
    m.text = m.title;
    title_end = m.text.size();
  }
  if (layout.byline >= 0) m.byline = std::string(layout.lines[layout.byline].text);
  for (std::size_t i = 0; i < layout.lines.size(); ++i) {
    const Line& line = layout.lines[i];
    if (line.kind != LineKind::kContent || static_cast<int>(i) == layout.title ||
        static_cast<int>(i) == layout.byline || dates_->DateLine(line.text)) {
      continue;
    }
    if (!m.text.empty()) m.text += '\n';
    m.text += line.text;
  }

  Analysis analysis = analyzer_->Analyze(m.text);
  m.dates_mentioned = dates_->Mentioned(analysis.tokens, m.text);
  std::vector<PlacedUnit> placed;
  m.localities = localities_->Extract(analysis.tokens, m.text, 0, title_end, m.date, &placed);
  std::vector<const Token*> written = WrittenTokens(analysis.tokens);
  std::vector<AgencyExtractor::Occurrence> agencies = agencies_->Find(written, m.text);
  m.agencies = agencies_->Summarize(agencies);
  const std::vector<Sentence> sentences = SplitSentences(m.text, written);
  m.events = events_->Events(written, sentences, agencies, placed, m.text);
  m.figures = events_->Figures(written, sentences, m.text);
  if (analysis_out != nullptr) *analysis_out = std::move(analysis);
  return m;
}

}  // namespace tinhgon
