// A search as an Atom 1.0 feed (RFC 4287): what a journalist's feed reader
// follows to see new reports on a topic and a place.
//
// Contract:
// - The feed runs the search of /api/search's parameters, refused as that
//   route refuses it, but always newest first, first page, at most
//   kMaxFeedEntries entries (a smaller per_page lowers it), facets not
//   counted (FeedRequest).
// - Nothing in the document depends on the clock: the feed's <updated> is
//   its newest entry's date, or the Unix epoch when no entry has one, so one
//   index gives one feed, byte for byte, and readers see no phantom updates.
// - Ids are tag: URIs derived from what the feed shows (the normalized
//   query, filters and date bounds) and from report ids, so they survive a
//   reordering of parameters and a rebuild of the index.
// - Links are absolute (feed readers resolve nothing): built on
//   http://<Host header>, or on http://127.0.0.1 when the request has no
//   usable Host.
// - The XML is written by libxml2's xmlTextWriter, which escapes text and
//   attributes; characters XML 1.0 cannot carry (control characters,
//   invalid UTF-8) are replaced first, since escaping cannot fix those.
//
// Thread safety: pure functions; safe from any thread. libxml2 is
// initialised once, on the first call, as it asks for in threaded programs.
#pragma once

#include <map>
#include <string>

#include "search/search_request.h"
#include "search/search_response.h"

namespace tinhgon {

// A feed reader shows a screenful; older reports are on the search page.
inline constexpr int kMaxFeedEntries = 50;

// Where the feed was asked for, for its links.
struct FeedAddress {
  std::string origin;  // "http://host:port", from FeedOrigin
  std::string target;  // the path and query string as requested
};

// The search a feed runs for these query parameters (see the contract).
// Throws SearchError for what /api/search refuses.
SearchRequest FeedRequest(const std::multimap<std::string, std::string>& params);

// "http://" + the Host header; "http://127.0.0.1" when it is empty or not a
// host name or address with an optional port.
std::string FeedOrigin(const std::string& host_header);

// The feed of `response`'s hits, in their order, as an XML document.
std::string AtomFeed(const SearchResponse& response, const FeedAddress& address);

}  // namespace tinhgon
