// Tables derived from one revision of the index (facet values, the
// "did you mean" vocabulary), built once and shared by every Searcher of a
// process. Thread-safe.
#pragma once

#include <cstddef>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace tinhgon {

template <typename Table>
class RevisionCache {
 public:
  // The table of `revision` (a name of the index's state: its directory,
  // generation and revision), built by `build()` when none is held. A table
  // built for another revision is never returned.
  template <typename Build>
  std::shared_ptr<const Table> Get(const std::string& revision, Build&& build) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto it = tables_.begin(); it != tables_.end(); ++it) {
      if (it->first == revision) {
        tables_.splice(tables_.begin(), tables_, it);
        return tables_.front().second;
      }
    }
    // Built under the lock: every searcher that asks for this revision
    // needs it, and one build serves them all.
    std::shared_ptr<const Table> table = build();
    tables_.emplace_front(revision, table);
    if (tables_.size() > kKept) tables_.pop_back();
    return table;
  }

 private:
  // Two, not one: while searchers reopen one by one after a commit, some ask
  // for the old revision and some for the new.
  static constexpr std::size_t kKept = 2;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const Table>>> tables_;  // newest first
};

}  // namespace tinhgon
