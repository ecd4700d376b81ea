// tinhgon-index --analyze as a user runs it: exit codes, messages, JSON shape.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

namespace {

struct Run {
  int exit_code;
  std::string out;
};

Run Execute(const std::string& arguments) {
  std::string command = std::string(TINHGON_INDEX_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::string out;
  char buffer[4096];
  while (std::size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) out.append(buffer, n);
  int status = pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::string TempFile(const std::string& name, const std::string& bytes) {
  std::string path = std::string(TINHGON_BUILD_DIR) + "/" + name;
  std::ofstream(path, std::ios::binary) << bytes;
  return path;
}

}  // namespace

TEST_CASE("tinhgon-index --analyze prints every field as JSON", "[cli]") {
  std::string path = TempFile("analyze_ok.txt",
                              "Đầm Hà: Hiệu quả tinh giản bộ máy\n28/07/2020 09:38\n"
                              "Huyện Đầm Hà hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ, giảm 1 đầu mối.\n"
                              "Hương Lan");
  Run run = Execute("--analyze " + path);
  REQUIRE(run.exit_code == 0);
  nlohmann::json j = nlohmann::json::parse(run.out);
  for (const char* key : {"title", "byline", "date", "dates_mentioned", "localities", "agencies",
                          "events", "figures"}) {
    CHECK(j.contains(key));
  }
  CHECK(j["date"] == "2020-07-28");
  CHECK(j["byline"] == "Hương Lan");
  REQUIRE(j["localities"].size() >= 1);
  const auto& l = j["localities"][0];
  for (const char* key : {"code", "name", "level", "district_code", "province_code", "province_name",
                          "province_2025_code", "province_2025_name", "primary", "kind", "system",
                          "commune_2025_code", "commune_2025_name"}) {
    CHECK(l.contains(key));
  }
  CHECK(l["province_2025_name"] == "Quảng Ninh");
  CHECK(l["kind"] == "huyện");
  CHECK(l["system"] == "before_2025");
  // Đầm Hà's communes went into 2025 communes, codes and names side by side.
  CHECK(l["commune_2025_code"].size() >= 1);
  CHECK(l["commune_2025_code"].size() == l["commune_2025_name"].size());
  REQUIRE(j["events"].size() >= 1);
  for (const char* key : {"type", "scope", "planned", "from", "to", "from_units", "to_units"}) {
    CHECK(j["events"][0].contains(key));
  }
  REQUIRE(j["figures"].size() >= 1);
  CHECK(j["figures"][0]["planned"] == false);
}

TEST_CASE("tinhgon-index --analyze fails clearly on a missing or binary file", "[cli]") {
  Run missing = Execute("--analyze " + std::string(TINHGON_BUILD_DIR) + "/no-such-report.txt");
  CHECK(missing.exit_code == 1);
  CHECK(missing.out.find("cannot open") != std::string::npos);

  std::string binary(4096, '\0');
  for (std::size_t i = 0; i < binary.size(); i += 7) binary[i] = static_cast<char>(i);
  Run bad = Execute("--analyze " + TempFile("analyze_binary.bin", binary));
  CHECK(bad.exit_code == 1);
  CHECK(bad.out.find("binary") != std::string::npos);
}

TEST_CASE("an empty report is a bad file, invalid UTF-8 still gives JSON", "[cli]") {
  Run empty = Execute("--analyze " + TempFile("analyze_empty.txt", ""));
  CHECK(empty.exit_code == 1);
  CHECK(empty.out.find("empty") != std::string::npos);
  Run broken = Execute("--analyze " + TempFile("analyze_broken.txt", "Tiêu đề \xFF\xFE bài\nNội dung."));
  CHECK(broken.exit_code == 0);
  CHECK(nlohmann::json::parse(broken.out)["invalid_utf8_sequences"] == 2);
}

TEST_CASE("usage errors exit 2", "[cli]") {
  CHECK(Execute("--no-such-flag").exit_code == 2);
  CHECK(Execute("").exit_code == 2);
}

TEST_CASE("indexing reports bad files, indexes the rest and exits 1", "[cli]") {
  std::string dir = std::string(TINHGON_BUILD_DIR) + "/cli-index-input";
  std::string db = std::string(TINHGON_BUILD_DIR) + "/cli-index-db";
  std::filesystem::remove_all(dir);
  std::filesystem::remove_all(db);
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/good.txt") << "Huyện Đầm Hà giảm đầu mối\n\nHuyện Đầm Hà giảm 3 đầu mối.";
  std::ofstream(dir + "/empty.txt") << "";
  Run run = Execute("--db " + db + " " + dir);
  CHECK(run.exit_code == 1);
  CHECK(run.out.find("empty.txt") != std::string::npos);
  CHECK(run.out.find("added 1, updated 0, unchanged 0, removed 0, failed 1") != std::string::npos);
  Run stats = Execute("--db " + db + " --stats");
  CHECK(stats.exit_code == 0);
  CHECK(stats.out.find("documents       1") != std::string::npos);
  CHECK(Execute("--db " + db).exit_code == 2);  // nothing to do
}
