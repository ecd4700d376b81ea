// Extraction accuracy over labelled reports: the five seed reports (when
// ../shared is there) and the team's own labelled snippets in fixtures/.
// Prints precision and recall per field and checks the targets.
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "analyzers/metadata/gazetteer.h"
#include "analyzers/metadata/metadata_extractor.h"
#include "tests/metadata/accuracy_score.h"
#include "tests/support/shared_fixtures.h"

using nlohmann::json;

namespace {


struct Prediction {
  std::string primary, province, province_2025, date;
  std::set<std::string> agencies, events;
};

Prediction Predict(tinhgon::MetadataExtractor& extractor, const std::string& bytes) {
  tinhgon::ReportMetadata m = extractor.Extract(bytes);
  json j = json::parse(tinhgon::ToJson(m, extractor.gazetteer()).dump());
  Prediction p;
  for (const json& l : j["localities"]) {
    if (!l["primary"].get<bool>()) continue;
    p.primary = l["level"].get<std::string>() + " " + l["name"].get<std::string>();
    p.province = l["province_name"].get<std::string>();
    p.province_2025 = l["province_2025_name"].is_null() ? "" : l["province_2025_name"].get<std::string>();
  }
  if (m.date) p.date = *m.date;
  for (const auto& a : m.agencies) p.agencies.insert(a.slug);
  for (const auto& e : m.events) p.events.insert(std::string(tinhgon::ApiName(e.type)));
  return p;
}

Prediction Expected(const json& label) {
  Prediction e;
  if (!label["primary"].is_null()) {
    const json& p = label["primary"];
    e.primary = p["level"].get<std::string>() + " " + p["name"].get<std::string>();
    e.province = p["province"].get<std::string>();
    e.province_2025 = p["province_2025"].get<std::string>();
  }
  if (!label["date"].is_null()) e.date = label["date"].get<std::string>();
  for (const json& a : label["agencies"]) e.agencies.insert(a.get<std::string>());
  for (const json& v : label["events"]) e.events.insert(v.get<std::string>());
  return e;
}

std::string Join(const std::set<std::string>& s) {
  std::string out;
  for (const auto& v : s) out += (out.empty() ? "" : ",") + v;
  return out;
}

using tinhgon::testing::Score;
using tinhgon::testing::Scores;
using tinhgon::testing::Table;

void Add(Scores* scores, const std::string& id, const Prediction& p, const Prediction& e) {
  (*scores)["primary locality"].Single(p.primary, e.primary);
  (*scores)["primary province"].Single(p.province, e.province);
  (*scores)["2025 province"].Single(p.province_2025, e.province_2025);
  (*scores)["publication date"].Single(p.date, e.date);
  (*scores)["agencies"].Sets(p.agencies, e.agencies);
  (*scores)["events"].Sets(p.events, e.events);
  // Name every miss, so a failing target says where to look.
  if (p.primary != e.primary) UNSCOPED_INFO(id << ": primary " << p.primary << " != " << e.primary);
  if (p.date != e.date) UNSCOPED_INFO(id << ": date " << p.date << " != " << e.date);
  if (p.agencies != e.agencies) UNSCOPED_INFO(id << ": agencies " << Join(p.agencies) << " != " << Join(e.agencies));
  if (p.events != e.events) UNSCOPED_INFO(id << ": events " << Join(p.events) << " != " << Join(e.events));
}

// Scores the labelled snippets of one JSONL file into `scores`; returns how many.
int ScoreCases(tinhgon::MetadataExtractor& extractor, const std::string& path, Scores* scores) {
  std::ifstream cases(path);
  REQUIRE(cases);
  int count = 0;
  for (std::string line; std::getline(cases, line);) {
    if (line.empty()) continue;
    json label = json::parse(line);
    Add(scores, label["id"].get<std::string>(), Predict(extractor, label["text"].get<std::string>()),
        Expected(label));
    ++count;
  }
  return count;
}


void Merge(Scores* into, const Scores& from) {
  for (const auto& [field, s] : from) {
    (*into)[field].tp += s.tp;
    (*into)[field].fp += s.fp;
    (*into)[field].fn += s.fn;
  }
}

}  // namespace

TEST_CASE("extraction accuracy over every labelled report", "[accuracy]") {
  tinhgon::MetadataExtractor extractor;
  // Development: the cases the rules were written against, and the seeds.
  Scores development, held_out, all;
  int snippets = ScoreCases(extractor, TINHGON_FIXTURES_DIR "/labelled_cases.jsonl", &development);
  CHECK(snippets >= 40);
  auto seeds = tinhgon::testing::SeedFiles();
  if (seeds.empty()) WARN("seed reports skipped: ../shared/seeds not found");
  std::ifstream seed_file(TINHGON_FIXTURES_DIR "/seed_labels.json");
  json seed_labels = json::parse(seed_file);
  for (const auto& path : seeds) {
    std::string name = path.filename().string();
    REQUIRE(seed_labels.contains(name));
    Add(&development, name, Predict(extractor, tinhgon::testing::ReadFile(path)), Expected(seed_labels[name]));
  }
  // Held out: written after the rules were frozen, never tuned on.
  int held = ScoreCases(extractor, TINHGON_FIXTURES_DIR "/held_out_cases.jsonl", &held_out);
  Merge(&all, development);
  Merge(&all, held_out);

  std::string report =
      Table("development (" + std::to_string(snippets) + " snippets + " + std::to_string(seeds.size()) +
                " seeds)", development) +
      "\n" + Table("held out (" + std::to_string(held) + " snippets)", held_out) + "\n" +
      Table("all labelled reports", all);
  std::printf("%s", report.c_str());
  std::ofstream(TINHGON_BUILD_DIR "/extraction_accuracy.txt") << report;

  CHECK(all["primary province"].precision() >= 0.9);
  CHECK(all["primary province"].recall() >= 0.9);
  CHECK(all["publication date"].precision() >= 0.9);
  CHECK(all["publication date"].recall() >= 0.9);
  CHECK(all["agencies"].precision() >= 0.8);
  CHECK(all["agencies"].recall() >= 0.8);
  CHECK(all["events"].precision() >= 0.8);
  CHECK(all["events"].recall() >= 0.8);
}

TEST_CASE("the five seed reports are labelled exactly right", "[accuracy][seeds]") {
  auto seeds = tinhgon::testing::SeedFilesOrSkip();
  tinhgon::MetadataExtractor extractor;
  std::ifstream seed_file(TINHGON_FIXTURES_DIR "/seed_labels.json");
  json labels = json::parse(seed_file);
  for (const auto& path : seeds) {
    INFO(path.filename().string());
    Prediction p = Predict(extractor, tinhgon::testing::ReadFile(path));
    Prediction e = Expected(labels[path.filename().string()]);
    CHECK(p.primary == e.primary);
    CHECK(p.province == e.province);
    CHECK(p.province_2025 == e.province_2025);
    CHECK(p.date == e.date);
    CHECK(Join(p.agencies) == Join(e.agencies));
    CHECK(Join(p.events) == Join(e.events));
  }
}
