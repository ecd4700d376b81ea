// The indexer killed with SIGKILL at several moments never leaves an index
// that fails to open or holds part of a document, and a re-run completes.
#include <chrono>
#include <thread>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "indexer/index_store.h"
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

// Runs tinhgon-index; kills it after `after` unless that is zero. Returns the exit status.
int RunIndexer(const std::filesystem::path& db, const std::filesystem::path& corpus,
               std::chrono::milliseconds after) {
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int devnull = open("/dev/null", O_WRONLY);
    dup2(devnull, STDOUT_FILENO);
    dup2(devnull, STDERR_FILENO);
    execl(TINHGON_INDEX_BINARY, TINHGON_INDEX_BINARY, "--db", db.c_str(), "--batch", "100", "--jobs", "2",
          corpus.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  if (after.count() > 0) {
    std::this_thread::sleep_for(after);
    kill(pid, SIGKILL);
  }
  int status = 0;
  waitpid(pid, &status, 0);
  return status;
}

// Opens the index, if one was published, and checks every document is whole.
std::size_t CheckWhole(const std::filesystem::path& db) {
  if (tinhgon::IndexStore::LiveGeneration(db).empty()) return 0;  // killed before the first commit
  Xapian::Database index(db.string());
  std::size_t whole = 0;
  for (auto it = index.postlist_begin(""); it != index.postlist_end(""); ++it) {
    Xapian::Document doc = index.get_document(*it);
    Xapian::TermIterator id = doc.termlist_begin();
    id.skip_to("Q");
    REQUIRE(id != doc.termlist_end());
    REQUIRE((*id)[0] == 'Q');
    nlohmann::json data = nlohmann::json::parse(doc.get_data());
    REQUIRE(data["text"].get<std::string>().find("Báo cáo thứ") != std::string::npos);
    ++whole;
  }
  return whole;
}

}  // namespace

TEST_CASE("a SIGKILLed indexer leaves an index that opens and a re-run completes", "[indexer][crash]") {
  TempDir dir("crash");
  WriteManyReports(dir / "corpus");
  std::size_t last = 0;
  for (int ms : {150, 400, 900, 1600}) {
    INFO("killed after " << ms << " ms");
    RunIndexer(dir / "index", dir / "corpus", std::chrono::milliseconds(ms));
    std::size_t whole = CheckWhole(dir / "index");
    CHECK(whole <= static_cast<std::size_t>(kReports));
    CHECK(whole >= last);  // committed work is never lost
    last = whole;
  }
  int status = RunIndexer(dir / "index", dir / "corpus", std::chrono::milliseconds(0));
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(CheckWhole(dir / "index") == static_cast<std::size_t>(kReports));

  // The same count as an indexer that was never interrupted.
  RunIndexer(dir / "clean", dir / "corpus", std::chrono::milliseconds(0));
  CHECK(Xapian::Database((dir / "clean").string()).get_doccount() ==
        Xapian::Database((dir / "index").string()).get_doccount());
}
