// Extraction accuracy on real news: the articles drawn by
// tests/metadata/real/sample_articles from vn-news-35k and labelled by reading
// (tests/metadata/real/LABELLING.md). The texts are read from the corpus in
// ../shared; the project keeps only the labels. Prints precision and recall
// per field for the held-out and the development parts, and checks that no
// field falls below the floor it has reached.
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/gazetteer.h"
#include "analyzers/metadata/metadata_extractor.h"
#include "tests/metadata/accuracy_score.h"
#include "tests/support/shared_fixtures.h"

using nlohmann::json;

namespace {


// What is compared, per article: names as comparison keys (case, tone-mark
// style and the "TP"/"Thành phố"/"Tỉnh" prefix do not matter).
struct Places {
  std::string province, province_2025, district, commune;
  std::set<std::string> agencies, events;
};

class Comparer {
 public:
  std::string Key(std::string name) {
    for (const char* prefix : {"TP ", "TP. ", "Thành phố ", "Tỉnh "}) {
      if (name.rfind(prefix, 0) == 0) name = name.substr(std::string(prefix).size());
    }
    return tinhgon::Gazetteer::Key(analyzer_, name);
  }
  std::string Key(const json& value) { return value.is_null() ? std::string() : Key(value.get<std::string>()); }

 private:
  tinhgon::Analyzer analyzer_;
};

// A numbered unit is written with its word, as the labels write it ("Quận 5",
// "Phường 12"); the gazetteer lists it under the number.
std::string Written(const tinhgon::AdminUnit& unit) {
  if (unit.name.empty() || !std::isdigit(static_cast<unsigned char>(unit.name[0]))) return unit.name;
  return std::string(tinhgon::AdminKindName(unit)) + " " + unit.name;
}

Places Predict(tinhgon::MetadataExtractor& extractor, Comparer& keys, const std::string& bytes) {
  const tinhgon::Gazetteer& g = extractor.gazetteer();
  tinhgon::ReportMetadata m = extractor.Extract(bytes);
  Places p;
  for (const tinhgon::Locality& l : m.localities) {
    if (!l.primary) continue;
    const tinhgon::AdminUnit& unit = g.unit(l.level, l.unit);
    const tinhgon::AdminUnit& province = l.level == tinhgon::AdminLevel::kProvince ? unit : g.province(unit.province);
    p.province = keys.Key(province.name);
    if (unit.province_2025 >= 0) p.province_2025 = keys.Key(g.province_2025(unit.province_2025).name);
    if (l.level == tinhgon::AdminLevel::kDistrict) p.district = keys.Key(Written(unit));
    if (l.level == tinhgon::AdminLevel::kCommune) {
      p.commune = keys.Key(Written(unit));
      p.district = keys.Key(Written(g.district(unit.district)));
    }
  }
  for (const auto& a : m.agencies) p.agencies.insert(a.slug);
  for (const auto& e : m.events) p.events.insert(std::string(tinhgon::ApiName(e.type)));
  return p;
}

Places Expected(Comparer& keys, const json& label) {
  Places e;
  e.province = keys.Key(label["province"]);
  e.province_2025 = keys.Key(label["province_2025"]);
  e.district = keys.Key(label["district"]);
  e.commune = keys.Key(label["commune"]);
  for (const json& a : label["agencies"]) e.agencies.insert(a.get<std::string>());
  for (const json& v : label["events"]) e.events.insert(v.get<std::string>());
  return e;
}

using tinhgon::testing::Score;
using tinhgon::testing::Scores;
using tinhgon::testing::Table;

// Floors: the figures reached on the held-out part (docs/EXTRACTION.md), so a
// change that loses ground on real news fails here.
// Reached on 2026-12-02 after the rules for written forms, names inside other
// names and the primary's choice (the extraction is deterministic).
constexpr double kFloorProvincePrecision = 0.83;  // 0.833
constexpr double kFloorProvinceRecall = 0.92;     // 0.921
constexpr double kFloorDistrictPrecision = 0.70;  // 0.704
constexpr double kFloorDistrictRecall = 0.79;     // 0.792
constexpr double kFloorCommuneRecall = 0.50;      // 0.500
// The second held-out draw, first scored 2026-12-02 with the rules as they were.
constexpr double kFreshProvincePrecision = 0.83;  // 0.837
constexpr double kFreshProvinceRecall = 0.85;     // 0.857
constexpr double kFreshDistrictRecall = 0.69;     // 0.697

// Misses are named only for the development part: the held-out articles stay
// unseen, article by article, so rules cannot be fitted to them.
void Add(Scores* scores, const std::string& file, const Places& p, const Places& e, bool name_misses) {
  (*scores)["primary province"].Single(p.province, e.province);
  (*scores)["2025 province"].Single(p.province_2025, e.province_2025);
  // District and commune are scored where the article is about one (labelled)
  // or the tool says it is (predicted): a district named for a province-wide
  // article is a false positive.
  (*scores)["district"].Single(p.district, e.district);
  (*scores)["commune"].Single(p.commune, e.commune);
  (*scores)["agencies"].Sets(p.agencies, e.agencies);
  (*scores)["events"].Sets(p.events, e.events);
  if (!name_misses) return;
  auto miss = [&](const char* field, const std::string& got, const std::string& want) {
    if (got == want) return;
    UNSCOPED_INFO(file << ": " << field << " '" << got << "' != '" << want << "'");
    if (std::getenv("TINHGON_PRINT_DEV_MISSES")) {
      std::printf("%s: %s '%s' != '%s'\n", file.c_str(), field, got.c_str(), want.c_str());
    }
  };
  miss("province", p.province, e.province);
  miss("province_2025", p.province_2025, e.province_2025);
  miss("district", p.district, e.district);
  miss("commune", p.commune, e.commune);
}

std::vector<json> ReadLabels(const std::string& path) {
  std::ifstream in(path);
  REQUIRE(in);
  std::vector<json> labels;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) labels.push_back(json::parse(line));
  }
  return labels;
}

// Unpacks just the labelled articles from the corpus archive into `dir`.
void UnpackArticles(const std::filesystem::path& archive, const std::filesystem::path& dir,
                    const std::vector<json>& labels) {
  std::filesystem::create_directories(dir);
  std::string command = "tar -xzf '" + archive.string() + "' -C '" + dir.string() + "'";
  for (const json& label : labels) command += " vn-news-35k/" + label["file"].get<std::string>();
  REQUIRE(std::system(command.c_str()) == 0);
}


}  // namespace

TEST_CASE("extraction accuracy on labelled real articles", "[accuracy][real]") {
  std::filesystem::path shared = tinhgon::testing::SharedDir();
  std::filesystem::path archive = shared / "corpora" / "vn-news-35k.tar.gz";
  if (shared.empty() || !std::filesystem::exists(archive)) {
    tinhgon::testing::Skip("../shared/corpora/vn-news-35k.tar.gz not found (set TINHGON_SHARED_DIR)");
  }
  // The second held-out draw was labelled after the locality rules were
  // written and is the unseen figure; the first was read once, after them.
  std::vector<json> fresh = ReadLabels(TINHGON_REAL_LABELS_DIR "/heldout-2.jsonl");
  std::vector<json> held_out = ReadLabels(TINHGON_REAL_LABELS_DIR "/heldout.jsonl");
  std::vector<json> development = ReadLabels(TINHGON_REAL_LABELS_DIR "/dev.jsonl");
  REQUIRE(fresh.size() >= 60);
  REQUIRE(held_out.size() >= 60);
  REQUIRE(held_out.size() + development.size() >= 150);
  std::vector<json> all = held_out;
  all.insert(all.end(), development.begin(), development.end());
  all.insert(all.end(), fresh.begin(), fresh.end());
  const std::filesystem::path dir = TINHGON_BUILD_DIR "/real-articles";
  UnpackArticles(archive, dir, all);

  tinhgon::MetadataExtractor extractor;
  Comparer keys;
  auto score = [&](const std::vector<json>& labels, bool name_misses) {
    Scores scores;
    for (const json& label : labels) {
      std::string file = label["file"].get<std::string>();
      std::string bytes = tinhgon::testing::ReadFile(dir / "vn-news-35k" / file);
      REQUIRE(!bytes.empty());
      Add(&scores, file, Predict(extractor, keys, bytes), Expected(keys, label), name_misses);
    }
    return scores;
  };
  Scores dev = score(development, true);
  // While rules are being written only the development part is scored, so the
  // held-out figure is not looked at until the rules are done.
  if (std::getenv("TINHGON_REAL_DEVELOPMENT_ONLY")) {
    std::printf("%s", Table("real articles, development (" + std::to_string(development.size()) + ")", dev).c_str());
    return;
  }
  Scores unseen = score(fresh, false);
  Scores held = score(held_out, false);
  std::string report =
      Table("real articles, second held-out draw (" + std::to_string(fresh.size()) + ")", unseen) + "\n" +
      Table("real articles, first held-out draw (" + std::to_string(held_out.size()) + ")", held) + "\n" +
      Table("real articles, development (" + std::to_string(development.size()) + ")", dev);
  std::printf("%s", report.c_str());
  std::ofstream(TINHGON_BUILD_DIR "/extraction_accuracy_real.txt") << report;

  CHECK(unseen["primary province"].precision() >= kFreshProvincePrecision);
  CHECK(unseen["primary province"].recall() >= kFreshProvinceRecall);
  CHECK(unseen["2025 province"].precision() >= kFreshProvincePrecision);
  CHECK(unseen["district"].recall() >= kFreshDistrictRecall);
  CHECK(held["primary province"].precision() >= kFloorProvincePrecision);
  CHECK(held["primary province"].recall() >= kFloorProvinceRecall);
  CHECK(held["2025 province"].precision() >= kFloorProvincePrecision);
  CHECK(held["2025 province"].recall() >= kFloorProvinceRecall);
  CHECK(held["district"].precision() >= kFloorDistrictPrecision);
  CHECK(held["district"].recall() >= kFloorDistrictRecall);
  CHECK(held["commune"].recall() >= kFloorCommuneRecall);
}
