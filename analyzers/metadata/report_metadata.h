// What tinhgon knows about one report, and its JSON form.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "analyzers/metadata/locality_extractor.h"
#include "analyzers/metadata/vocabulary.h"
#include "analyzers/text_cleaner.h"

namespace tinhgon {

struct AgencyMention {
  std::string slug;   // stable identifier: "phong-noi-vu"
  std::string label;  // Vietnamese label: "Phòng Nội vụ"
  std::string level;  // "tỉnh", "huyện", "xã", or empty when the text does not say
};

// An administrative unit an event changes: a unit of either system.
struct UnitRef {
  AdminLevel level = AdminLevel::kCommune;
  std::int32_t unit = -1;  // index into the gazetteer's list of that level
  bool operator<(const UnitRef& o) const { return level != o.level ? level < o.level : unit < o.unit; }
  bool operator==(const UnitRef& o) const { return level == o.level && unit == o.unit; }
};

struct RestructuringEvent {
  EventType type = EventType::kMerge;
  std::string sentence;
  std::vector<std::string> from;  // agency slugs before the change, where stated
  std::vector<std::string> to;    // agency slugs after it
  std::vector<UnitRef> from_units;  // administrative units before the change ("xã Đồng Hưu")
  std::vector<UnitRef> to_units;    // and after it ("vào xã Tiến Thắng")
  // "administrative_unit" when the change is of communes, districts or
  // provinces, "agency" when of agencies of the apparatus.
  std::string scope = "agency";
  bool planned = false;  // announced for the future ("sẽ", "dự kiến", "đến hết năm 2020")
};

struct Figure {
  std::string kind;  // units_cut, staff_cut, savings
  double value = 0;
  std::string unit;  // as written: "đầu mối", "cấp phó", "tỷ đồng/năm"
  std::string sentence;
  bool planned = false;  // a target, not a result: "đến hết năm 2020 sẽ giảm 5 cấp phó"
};

struct ReportMetadata {
  std::string title;
  std::string byline;
  std::optional<std::string> date;           // publication date, YYYY-MM-DD
  std::vector<std::string> dates_mentioned;  // YYYY-MM-DD, YYYY-MM or YYYY
  std::vector<Locality> localities;          // primary first
  std::vector<AgencyMention> agencies;
  std::vector<RestructuringEvent> events;
  std::vector<Figure> figures;
  std::string text;  // the normalized content without site chrome, title first
  CleaningStats stats;
};

// The JSON object `tinhgon-index --analyze` prints (without `text` unless asked),
// its keys in the order of the struct so people read title and date first.
nlohmann::ordered_json ToJson(const ReportMetadata& metadata, const Gazetteer& gazetteer,
                      bool with_text = false);

}  // namespace tinhgon
