// The databases behind an index directory, as its stub lists them.
//
// `--db DIR` names a stub DIR/XAPIANDB, which Xapian opens as one database
// made of every database the stub lists, line by line ("auto gen-N", "auto
// shard-0", "remote 10.0.0.7:7001"...), following nested stubs. The search
// side needs to know what Xapian will open: one handle per shard (the
// revision of a combined database is not one number), and whether any shard
// is remote (the remote backend reads value streams one entry per message
// and refuses match deciders, so counting goes another way). ReadShardList
// reads a stub the way Xapian 1.4 does, so the list and Xapian never differ:
//
//   # comment                      ignored, as are blank lines
//   auto PATH                      a glass database, or a directory or file
//                                  holding a stub (read in turn)
//   glass PATH                     a glass database
//   remote HOST:PORT               a database served by xapian-tcpsrv
//                                  ("[::1]:PORT" for an IPv6 address)
//   remote :PROGRAM ARGS           one served by a program on its standard
//                                  input and output (xapian-progsrv)
//
// A relative PATH is relative to the directory of the stub naming it. Note
// the colon: Xapian 1.4 reads "remote :HOST:PORT" as a program named
// "HOST:PORT", never as TCP.
//
// Thread safety: plain functions over the file system; any thread.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

namespace tinhgon {

struct Shard {
  enum class Kind { kLocal, kRemoteTcp, kRemoteProgram };
  Kind kind = Kind::kLocal;
  std::filesystem::path path;  // kLocal: the glass database's directory
  std::string host;            // kRemoteTcp
  unsigned port = 0;
  std::string program, args;   // kRemoteProgram

  bool remote() const { return kind != Kind::kLocal; }
  // As a person would name it: the path, "host:port", or ":program args".
  std::string Name() const;
};

struct ShardList {
  // The generation the directory's stub names ("gen-N"), when it names
  // exactly one database by a relative path; empty when it lists shards
  // itself (remote ones, say).
  std::string generation;
  // In Xapian's order, which interleaves their docids: document d of the
  // combined database is document (d - 1) / size + 1 of shard (d - 1) % size.
  std::vector<Shard> shards;
  // The text of every stub read, in order: it changes whenever a stub is
  // replaced (a rebuild's new generation, shards listed anew), which is
  // when the shards must be opened afresh.
  std::string stubs;

  bool any_remote() const;
};

// The shards `dir`'s stub lists; nothing, with the reason in `error` when
// given, when there is no stub, a line Xapian would refuse (or another
// backend: chert, inmemory), or nothing listed. Does not open a database.
std::optional<ShardList> ReadShardList(const std::filesystem::path& dir, std::string* error = nullptr);

// One shard on its own. Throws what Xapian throws (DatabaseOpeningError,
// NetworkError when no server answers within Xapian's default timeouts).
Xapian::Database OpenShard(const Shard& shard);

}  // namespace tinhgon
