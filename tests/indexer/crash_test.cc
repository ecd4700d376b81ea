// Faults while indexing: the indexer killed with SIGKILL at random moments,
// and writes failing as on a full disk. The index always opens, holds only
// whole documents, keeps what was committed, and a re-run completes.
#include <chrono>
#include <fstream>
#include <cstdio>
#include <random>
#include <thread>
#include <vector>

#include <sys/resource.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "index/stored_report.h"
#include "index/index_store.h"
#include "tests/indexer/test_corpus.h"

using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

constexpr int kReports = 3000;

void WriteManyReports(const std::filesystem::path& dir) {
  const char* places[] = {"huyện Yên Sơn, tỉnh Tuyên Quang", "huyện Đầm Hà, tỉnh Quảng Ninh",
                          "tỉnh Bắc Kạn", "huyện Đô Lương, tỉnh Nghệ An"};
  for (int i = 0; i < kReports; ++i) {
    std::string n = std::to_string(i);
    WriteFile(dir / ("r" + n + ".txt"),
              "Báo cáo số " + n + " về tinh gọn bộ máy\n\nNgày 1/3/2019, " + places[i % 4] +
                  " hợp nhất Văn phòng Huyện ủy với Văn phòng HĐND và UBND, giảm " + std::to_string(i % 9 + 1) +
                  " đầu mối. Việc hợp nhất tiết kiệm " + n + " triệu đồng/năm. Báo cáo thứ " + n + ".\n");
  }
}

struct Run {
  std::chrono::milliseconds kill_after{0};  // zero: let it finish
  bool rebuild = false;
  const char* shards = nullptr;  // --shards for a rebuild
  bool keep_shards = false;
  long max_file_bytes = 0;                  // nonzero: writes beyond this size fail, as on a full disk
  std::filesystem::path stderr_file;        // where its error output goes; /dev/null if empty
};

// Runs tinhgon-index as `run` says. Returns the wait status.
int RunIndexer(const std::filesystem::path& db, const std::filesystem::path& corpus, const Run& run) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    int err = run.stderr_file.empty() ? devnull : open(run.stderr_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(devnull, STDOUT_FILENO);
    dup2(err, STDERR_FILENO);
    if (run.max_file_bytes > 0) {
      // RLIMIT_FSIZE makes a write past the limit fail with EFBIG, as ENOSPC
      // would; ignoring SIGXFSZ (kept across exec) turns the signal into that error.
      signal(SIGXFSZ, SIG_IGN);
      rlimit limit{static_cast<rlim_t>(run.max_file_bytes), static_cast<rlim_t>(run.max_file_bytes)};
      setrlimit(RLIMIT_FSIZE, &limit);
    }
    std::vector<const char*> args = {TINHGON_INDEX_BINARY, "--db", db.c_str(), "--batch", "100", "--jobs", "2"};
    if (run.rebuild) args.push_back("--rebuild");
    if (run.shards != nullptr) args.insert(args.end(), {"--shards", run.shards});
    if (run.keep_shards) args.push_back("--keep-shards");
    args.push_back(corpus.c_str());
    args.push_back(nullptr);
    execv(TINHGON_INDEX_BINARY, const_cast<char* const*>(args.data()));
    _exit(127);
  }
  const std::chrono::milliseconds after = run.kill_after;
  if (after.count() > 0) {
    std::this_thread::sleep_for(after);
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

int RunIndexer(const std::filesystem::path& db, const std::filesystem::path& corpus) {
  return RunIndexer(db, corpus, Run{});
}

bool ExitedWith(int status, int code) { return WIFEXITED(status) && WEXITSTATUS(status) == code; }

// Xapian's own checker on one database, in its own process:
// Xapian::Database::check() itself trips AddressSanitizer (a new/delete size
// mismatch inside libxapian 1.4.22).
void CheckStructure(const std::filesystem::path& database) {
  const std::string command = "xapian-check '" + database.string() + "' 2>&1";
  std::string report;
  FILE* check = popen(command.c_str(), "r");
  REQUIRE(check != nullptr);
  char buffer[4096];
  for (std::size_t n; (n = fread(buffer, 1, sizeof buffer, check)) > 0;) report.append(buffer, n);
  const int status = pclose(check);
  INFO(report);
  CHECK(ExitedWith(status, 0));
  CHECK(report.find("No errors found") != std::string::npos);
}

// Opens the index, if one was published, checks its structure with Xapian's
// own checker and that every document is whole. Returns the document count.
std::size_t CheckWhole(const std::filesystem::path& db) {
  std::filesystem::path live = tinhgon::IndexStore::LiveGeneration(db);
  if (live.empty()) return 0;  // killed before the first commit
  // A generation in shards lists them in its own stub; each is checked.
  std::vector<std::filesystem::path> databases;
  std::ifstream shards(live / "XAPIANDB");
  for (std::string backend, name; shards >> backend >> name;) databases.push_back(live / name);
  if (databases.empty()) databases.push_back(live);
  for (const std::filesystem::path& database : databases) CheckStructure(database);
  Xapian::Database index(db.string());
  std::size_t whole = 0;
  for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
    Xapian::Document doc = index.get_document(*it);
    Xapian::TermIterator id = doc.termlist_begin();
    id.skip_to("Q");
    REQUIRE(id != doc.termlist_end());
    REQUIRE((*id)[0] == 'Q');
    nlohmann::json data = nlohmann::json(tinhgon::DecodeStoredRecord(doc.get_data()).value());
    REQUIRE(data["text"].get<std::string>().find("Báo cáo thứ") != std::string::npos);
    ++whole;
  }
  return whole;
}

}  // namespace

TEST_CASE("a SIGKILLed indexer leaves an index that opens and a re-run completes", "[indexer][crash]") {
  TempDir dir("crash");
  WriteManyReports(dir / "corpus");

  // An uninterrupted run: the count to reach, and how long a run takes.
  auto start = std::chrono::steady_clock::now();
  REQUIRE(ExitedWith(RunIndexer(dir / "clean", dir / "corpus"), 0));
  const auto clean_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start);
  const std::size_t expected = Xapian::Database((dir / "clean").string()).get_doccount();
  REQUIRE(expected == static_cast<std::size_t>(kReports));

  // 24 kills at seeded random moments within a run's length, in six indexes
  // of four kills each, so they land early, mid-batch and late, on new and
  // on partly built indexes.
  std::mt19937 random(20261124);
  std::uniform_int_distribution<long> moment(10, std::max<long>(20, clean_ms.count()));
  int kills = 0;
  for (int index = 0; index < 6; ++index) {
    const std::filesystem::path db = dir / ("killed-" + std::to_string(index));
    std::size_t last = 0;
    for (int k = 0; k < 4; ++k, ++kills) {
      Run run;
      run.kill_after = std::chrono::milliseconds(moment(random));
      INFO("index " << index << ", killed after " << run.kill_after.count() << " ms of a " << clean_ms.count() << " ms run");
      RunIndexer(db, dir / "corpus", run);
      std::size_t whole = CheckWhole(db);
      CHECK(whole <= expected);
      CHECK(whole >= last);  // committed work is never lost
      last = whole;
    }
    CHECK(ExitedWith(RunIndexer(db, dir / "corpus"), 0));
    CHECK(CheckWhole(db) == expected);
  }
  CHECK(kills >= 20);

  // A rebuild killed midway leaves the live generation as it was: in one
  // database, in three shards compacted at the end, or in three shards kept
  // (the live index is then itself in shards).
  for (int k = 0; k < 12; ++k) {
    Run run;
    run.rebuild = true;
    run.shards = k % 3 == 0 ? "1" : "3";
    run.keep_shards = k % 3 == 2;
    run.kill_after = std::chrono::milliseconds(moment(random));
    INFO("rebuild in " << run.shards << " shards" << (run.keep_shards ? " kept" : "") << ", killed after "
                       << run.kill_after.count() << " ms");
    RunIndexer(dir / "clean", dir / "corpus", run);
    CHECK(CheckWhole(dir / "clean") == expected);
    if (k % 3 == 2) {  // the next kills interrupt rebuilds of a sharded live index
      Run whole = run;
      whole.kill_after = std::chrono::milliseconds(0);
      CHECK(ExitedWith(RunIndexer(dir / "clean", dir / "corpus", whole), 0));
      CHECK(CheckWhole(dir / "clean") == expected);
    }
  }
  Run rebuild;
  rebuild.rebuild = true;
  CHECK(ExitedWith(RunIndexer(dir / "clean", dir / "corpus", rebuild), 0));
  CHECK(CheckWhole(dir / "clean") == expected);
}

TEST_CASE("a full disk while indexing is a clear error and the last commit stays intact", "[indexer][faults]") {
  TempDir dir("disk-full");
  WriteManyReports(dir / "corpus");
  // A first, small commit: what must survive.
  std::filesystem::create_directories(dir / "first");
  for (int i = 0; i < 50; ++i) {
    std::string name = "r" + std::to_string(i) + ".txt";
    std::filesystem::copy_file(dir / "corpus" / name, dir / "first" / name);
  }
  REQUIRE(ExitedWith(RunIndexer(dir / "index", dir / "first"), 0));
  REQUIRE(CheckWhole(dir / "index") == 50);

  Run full;
  full.max_file_bytes = 512 * 1024;  // the 3,000 reports need several MB per table
  full.stderr_file = dir / "stderr.txt";
  int status = RunIndexer(dir / "index", dir / "corpus", full);
  CHECK(ExitedWith(status, 1));
  std::ifstream err(full.stderr_file);
  std::string message((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
  INFO(message);
  CHECK(message.find("writing the index failed") != std::string::npos);
  CHECK(message.find("keeps what was committed") != std::string::npos);
  // Whole documents only, and at least what was committed before.
  std::size_t after = CheckWhole(dir / "index");
  CHECK(after >= 50);
  CHECK(after < static_cast<std::size_t>(kReports));

  // With room again, a re-run completes.
  CHECK(ExitedWith(RunIndexer(dir / "index", dir / "corpus"), 0));
  CHECK(CheckWhole(dir / "index") == static_cast<std::size_t>(kReports));
}
