// The searcher pool serves callers in the order they came: a searcher given
// back goes to the caller that has waited longest, never to one that
// arrived later.
#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "server/searcher_pool.h"
#include "tests/indexer/test_corpus.h"

using tinhgon::SearcherPool;
using tinhgon::testing::Report;
using tinhgon::testing::TempDir;
using tinhgon::testing::WriteFile;

namespace {

struct OneReportIndex {
  OneReportIndex() : dir("searcher-pool") {
    WriteFile(dir / "in/a.txt", Report("Bắc Kạn tách văn phòng", "HĐND tỉnh Bắc Kạn tách Văn phòng."));
    tinhgon::testing::IndexInputs(dir);
  }
  std::filesystem::path db() const { return dir / "index"; }
  TempDir dir;
};

// Whether `condition` held within ten seconds. It polls a state the pool
// reports, so the outcome never depends on how long anything takes.
bool Eventually(const std::function<bool()>& condition) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (!condition()) {
    if (std::chrono::steady_clock::now() > deadline) return false;
    std::this_thread::yield();
  }
  return true;
}

// The names of whoever held the searcher, in turn.
class Turns {
 public:
  void Took(const std::string& who) {
    std::lock_guard<std::mutex> lock(mutex_);
    names_.push_back(who);
  }
  std::vector<std::string> names() {
    std::lock_guard<std::mutex> lock(mutex_);
    return names_;
  }

 private:
  std::mutex mutex_;
  std::vector<std::string> names_;
};

}  // namespace

TEST_CASE("a returned searcher goes to the callers in the order they queued", "[server][pool]") {
  OneReportIndex index;
  SearcherPool pool(index.db(), 1);
  Turns turns;
  std::vector<std::thread> waiters;
  std::vector<std::string> expected;
  bool all_queued = true;
  std::optional<SearcherPool::Lease> held(pool.Acquire());  // the only searcher
  for (int i = 0; i < 8 && all_queued; ++i) {
    std::string name = "waiter " + std::to_string(i);
    waiters.emplace_back([&pool, &turns, name] {
      SearcherPool::Lease lease = pool.Acquire();
      turns.Took(name);  // while holding it: the next one cannot have it yet
    });
    expected.push_back(name);
    // Each starts only once the one before is queued, so the queue's order is known.
    all_queued = Eventually([&] { return pool.waiting() == waiters.size(); });
  }
  held.reset();
  for (std::thread& waiter : waiters) waiter.join();
  REQUIRE(all_queued);
  CHECK(turns.names() == expected);
  CHECK(pool.waiting() == 0);
}

TEST_CASE("a caller arriving as a searcher comes back waits behind those already waiting", "[server][pool]") {
  OneReportIndex index;
  SearcherPool pool(index.db(), 1);
  Turns turns;
  std::optional<SearcherPool::Lease> held(pool.Acquire());
  std::thread waiter([&] {
    SearcherPool::Lease lease = pool.Acquire();
    turns.Took("waiter");
  });
  const bool queued = Eventually([&] { return pool.waiting() == 1; });
  // Given back, then asked for again at once: with a condition variable the
  // searcher would lie free until the woken waiter ran, for this thread to take.
  held.reset();
  {
    SearcherPool::Lease late = pool.Acquire();
    turns.Took("late");
  }
  waiter.join();
  REQUIRE(queued);
  CHECK(turns.names() == std::vector<std::string>{"waiter", "late"});
}

TEST_CASE("a searcher that cannot be created frees its place in the pool", "[server][pool]") {
  TempDir empty("searcher-pool-empty");
  SearcherPool pool(empty / "index", 1);
  // Were the failed place still counted, the second call would wait forever.
  CHECK_THROWS_AS(pool.Acquire(), tinhgon::IndexUnavailableError);
  CHECK_THROWS_AS(pool.Acquire(), tinhgon::IndexUnavailableError);
  CHECK(pool.waiting() == 0);
}
