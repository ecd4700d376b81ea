#include "server/atom_feed.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <utility>
#include <vector>

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <unicode/utf8.h>

#include "server/http_params.h"

namespace tinhgon {
namespace {

constexpr const char* kAtomNamespace = "http://www.w3.org/2005/Atom";
// What an entry without a date and a feed without entries are dated: fixed,
// so the same index always gives the same feed.
constexpr const char* kEpoch = "1970-01-01T00:00:00Z";
// RFC 4151 tags: the name and the year it was first used to mint ids. An id
// must never change, so neither may this.
constexpr const char* kTagPrefix = "tag:tinhgon,2025:";
constexpr const char* kDefaultOrigin = "http://127.0.0.1";
constexpr char kHex[] = "0123456789ABCDEF";

using Params = std::vector<std::pair<std::string, std::string>>;

// XML 1.0 cannot carry most control characters nor U+FFFE and U+FFFF, even
// escaped, and a reader refuses the whole feed for one of them: each
// becomes a space, and bytes that are not UTF-8 become U+FFFD.
std::string XmlText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = static_cast<int32_t>(text.size());
  for (int32_t i = 0; i < length;) {
    const int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) out += "\xEF\xBF\xBD";
    else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF) out += ' ';
    else out.append(text.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(i - start)));
  }
  return out;
}

bool Unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' ||
         c == '_' || c == '~';
}

// Percent-encodes every byte but RFC 3986's unreserved ones: a value put in
// a path segment or a query parameter, slashes included.
std::string PercentEncoded(std::string_view value) {
  std::string out;
  for (unsigned char c : value) {
    if (Unreserved(c)) out += static_cast<char>(c);
    else out += {'%', kHex[c >> 4], kHex[c & 15]};
  }
  return out;
}

// The request target as a URI: it arrives as sent, and a client may send
// bytes no URI holds (spaces, quotes, non-ASCII); those are encoded, the
// rest, escapes included, kept.
std::string AsUri(std::string_view target) {
  std::string out;
  for (unsigned char c : target) {
    bool invalid = c <= 0x20 || c >= 0x7F || std::string_view("\"<>\\^`{|}").find(static_cast<char>(c)) !=
                                                 std::string_view::npos;
    if (invalid) out += {'%', kHex[c >> 4], kHex[c & 15]};
    else out += static_cast<char>(c);
  }
  return out;
}

std::string QueryString(const Params& params) {
  std::string out;
  for (const auto& [name, value] : params) out += (out.empty() ? "" : "&") + name + "=" + PercentEncoded(value);
  return out;
}

// Runs of spaces as one, none at the ends: "sáp  nhập " is "sáp nhập".
std::string CollapsedSpaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
    if (!space) out += c;
    else if (!out.empty() && out.back() != ' ') out += ' ';
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// What the feed shows, in one order whatever the request's: the query, each
// filter's values (alternatives, so sorted and once each), the date bounds.
// Sort order, page and per_page are left out: they do not change which
// reports the feed follows.
Params NormalizedParams(const SearchResponse& response) {
  Params params;
  if (std::string q = CollapsedSpaces(response.query); !q.empty()) params.emplace_back("q", q);
  for (const auto& [filter, given] : response.filters) {  // a std::map: in vocabulary order
    std::vector<std::string> values = given;
    std::sort(values.begin(), values.end());
    values.erase(std::unique(values.begin(), values.end()), values.end());
    for (const std::string& v : values) params.emplace_back(std::string(ApiName(filter)), v);
  }
  if (!response.from.empty()) params.emplace_back("from", response.from);
  if (!response.to.empty()) params.emplace_back("to", response.to);
  return params;
}

// An event filter's value by its label when it is an API name; other values
// as given, which is how the searcher took them.
std::string FilterValueLabel(Filter filter, const std::string& value) {
  if (filter != Filter::kEvent) return value;
  std::optional<EventType> type = EventTypeNamed(value);
  return type ? std::string(Label(*type)) : value;
}

// "tinhgon: «sáp nhập» · Tỉnh (trước 2025): Bắc Kạn · Từ ngày: 2020-01-01".
std::string FeedTitle(const SearchResponse& response) {
  std::string q = CollapsedSpaces(response.query);
  std::string title = "tinhgon: " + (q.empty() ? std::string("mọi báo cáo") : "«" + q + "»");
  for (const auto& [filter, values] : response.filters) {
    std::string labels;
    for (const std::string& v : values) labels += (labels.empty() ? "" : ", ") + FilterValueLabel(filter, v);
    title += " · " + std::string(Label(filter)) + ": " + labels;
  }
  if (!response.from.empty()) title += " · Từ ngày: " + response.from;
  if (!response.to.empty()) title += " · Đến ngày: " + response.to;
  return title;
}

// A stored date (YYYY-MM-DD) as RFC 3339 at midnight UTC; the epoch for a
// report without one, or with one not of that shape (records are read from
// disk and not trusted).
std::string Rfc3339(const std::optional<std::string>& date) {
  if (!date || date->size() != 10) return kEpoch;
  for (std::size_t i = 0; i < date->size(); ++i) {
    bool dash = i == 4 || i == 7;
    char c = (*date)[i];
    if (dash ? c != '-' : (c < '0' || c > '9')) return kEpoch;
  }
  return *date + "T00:00:00Z";
}

// The newest entry's date. Hits are newest first, but a hit's date may be
// malformed, so every one is looked at.
std::string NewestDate(const std::vector<Hit>& hits) {
  std::string newest = kEpoch;  // same length and shape as every Rfc3339: compares as text
  for (const Hit& hit : hits) newest = std::max(newest, Rfc3339(hit.report.date));
  return newest;
}

// Only web links are offered to a reader as the original article: a stored
// url could be a javascript: or file: link.
bool IsWebLink(const std::string& url) {
  return url.rfind("http://", 0) == 0 || url.rfind("https://", 0) == 0;
}

const xmlChar* Xml(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

// xmlTextWriter over a memory buffer, each call checked: libxml2 reports
// failure (memory) by return value, and a half-written feed must not be sent.
class XmlWriter {
 public:
  XmlWriter() : buffer_(xmlBufferCreate(), xmlBufferFree), writer_(nullptr, xmlFreeTextWriter) {
    if (!buffer_) throw std::runtime_error("libxml2 could not allocate a buffer");
    writer_.reset(xmlNewTextWriterMemory(buffer_.get(), 0));
    if (!writer_) throw std::runtime_error("libxml2 could not open a writer");
    Check(xmlTextWriterSetIndent(writer_.get(), 1));
    Check(xmlTextWriterSetIndentString(writer_.get(), Xml("  ")));
    Check(xmlTextWriterStartDocument(writer_.get(), "1.0", "UTF-8", nullptr));
  }

  void Start(const char* name) { Check(xmlTextWriterStartElement(writer_.get(), Xml(name))); }
  void StartInNamespace(const char* name, const char* uri) {
    Check(xmlTextWriterStartElementNS(writer_.get(), nullptr, Xml(name), Xml(uri)));
  }
  void End() { Check(xmlTextWriterEndElement(writer_.get())); }
  void Attribute(const char* name, const std::string& value) {
    Check(xmlTextWriterWriteAttribute(writer_.get(), Xml(name), Xml(XmlText(value).c_str())));
  }
  void Element(const char* name, const std::string& text) {
    Check(xmlTextWriterWriteElement(writer_.get(), Xml(name), Xml(XmlText(text).c_str())));
  }

  std::string Finish() {
    Check(xmlTextWriterEndDocument(writer_.get()));
    writer_.reset();                                 // flushes into the buffer
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(buffer_.get())),
                       static_cast<std::size_t>(xmlBufferLength(buffer_.get())));
  }

 private:
  static void Check(int result) {
    if (result < 0) throw std::runtime_error("libxml2 failed to write the Atom feed");
  }

  std::unique_ptr<xmlBuffer, decltype(&xmlBufferFree)> buffer_;
  std::unique_ptr<xmlTextWriter, decltype(&xmlFreeTextWriter)> writer_;
};

void WriteLink(XmlWriter& xml, const char* rel, const std::string& href, const char* type = nullptr) {
  xml.Start("link");
  xml.Attribute("rel", rel);
  if (type) xml.Attribute("type", type);
  xml.Attribute("href", href);
  xml.End();
}

void WriteAuthor(XmlWriter& xml, const std::string& name) {
  xml.Start("author");
  xml.Element("name", name);
  xml.End();
}

void WriteEntry(XmlWriter& xml, const Hit& hit, const std::string& origin) {
  const StoredReport& r = hit.report;
  xml.Start("entry");
  xml.Element("id", kTagPrefix + std::string("report:") + PercentEncoded(r.id));
  xml.Element("title", r.title && !r.title->empty() ? *r.title : r.id);  // Atom requires a title
  xml.Element("updated", Rfc3339(r.date));
  WriteLink(xml, "alternate", origin + "/documents/" + PercentEncoded(r.id), "text/html");
  if (r.url && IsWebLink(*r.url)) WriteLink(xml, "related", *r.url);
  if (r.byline && !r.byline->empty()) WriteAuthor(xml, *r.byline);
  if (!hit.snippet.text.empty()) xml.Element("summary", hit.snippet.text);
  for (EventType type : r.events) {
    xml.Start("category");
    xml.Attribute("term", std::string(ApiName(type)));
    xml.Attribute("label", std::string(Label(type)));
    xml.End();
  }
  xml.End();
}

void WriteFeedHead(XmlWriter& xml, const SearchResponse& response, const FeedAddress& address) {
  const std::string query = QueryString(NormalizedParams(response));
  xml.StartInNamespace("feed", kAtomNamespace);
  xml.Attribute("xml:lang", "vi");
  xml.Element("id", kTagPrefix + std::string("search") + (query.empty() ? "" : "?" + query));
  xml.Element("title", FeedTitle(response));
  xml.Element("updated", NewestDate(response.results));
  WriteLink(xml, "self", address.origin + AsUri(address.target), "application/atom+xml");
  // The page lists what the feed lists: the same search, newest first.
  WriteLink(xml, "alternate", address.origin + "/search?" + query + (query.empty() ? "" : "&") + "sort=date",
            "text/html");
  WriteAuthor(xml, "tinhgon");  // Atom wants an author on the feed or on every entry
  xml.Element("generator", "tinhgon");
}

}  // namespace

SearchRequest FeedRequest(const std::multimap<std::string, std::string>& params) {
  SearchRequest request = ParseSearchParams(params);
  // Checked as asked, before the feed's own page and sort replace what was
  // asked, so the feed refuses what /api/search refuses.
  Validate(request);
  request.per_page = params.count("per_page") ? std::min(request.per_page, kMaxFeedEntries) : kMaxFeedEntries;
  request.page = 1;
  request.sort = SortOrder::kDate;
  request.facets = false;
  request.suggestion = false;
  return request;
}

std::string FeedOrigin(const std::string& host_header) {
  bool usable = !host_header.empty() && host_header.size() <= 255 &&
                std::all_of(host_header.begin(), host_header.end(), [](unsigned char c) {
                  return Unreserved(c) || c == ':' || c == '[' || c == ']';
                });
  return usable ? "http://" + host_header : kDefaultOrigin;
}

std::string AtomFeed(const SearchResponse& response, const FeedAddress& address) {
  static const bool initialised = (xmlInitParser(), true);  // once, before threads share libxml2
  (void)initialised;
  XmlWriter xml;
  WriteFeedHead(xml, response, address);
  for (const Hit& hit : response.results) WriteEntry(xml, hit, address.origin);
  xml.End();  // feed
  return xml.Finish();
}

}  // namespace tinhgon
