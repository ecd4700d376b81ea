#include "server/page_messages.h"

#include <cstdio>
#include <map>

#include "corpus/calendar.h"
#include "index/schema.h"

namespace tinhgon {
namespace {

std::string Value(const Params& params, const std::string& name) {
  for (const auto& [n, v] : params) {
    if (n == name) return v;
  }
  return "";
}

// At most `characters` characters of `text`, cut between two.
std::string Cut(const std::string& text, std::size_t characters) {
  std::size_t cut = 0;
  for (std::size_t seen = 0; cut < text.size(); ++cut) {
    if ((static_cast<unsigned char>(text[cut]) & 0xC0) != 0x80 && ++seen > characters) break;
  }
  return text.substr(0, cut);
}

}  // namespace

namespace {

std::string Ignored(const std::string& reason) { return "Đã bỏ qua cú pháp (" + reason + "): đã tìm theo các từ."; }

// The query language's fields, as the form's help names them.
std::string QueryFields() {
  std::string fields;
  for (Filter f : kFilters) fields += (fields.empty() ? "" : ", ") + std::string(QueryField(f));
  return fields;
}

}  // namespace

// Every code is worded (no default), so a new one is a compiler warning
// until it is.
std::string WarningText(const Warning& w) {
  const std::string named = "«" + Cut(w.text, 40) + "»";
  switch (w.code) {
    case Warning::Code::kUnbalancedQuotes: return Ignored("thiếu dấu ngoặc kép đóng");
    case Warning::Code::kUnbalancedParentheses: return Ignored("dấu ngoặc đơn không khớp");
    case Warning::Code::kUnexpectedClose: return Ignored("thừa dấu «)»");
    case Warning::Code::kNothingToApply: return Ignored("có toán tử AND, OR hoặc NOT đứng một mình");
    case Warning::Code::kNotOfNot: return Ignored("NOT không loại được một NOT khác");
    case Warning::Code::kUnknownField: return Ignored("không có trường " + named + "; các trường: " + QueryFields());
    case Warning::Code::kFieldWithoutValue: return Ignored("trường " + named + " chưa có giá trị");
    case Warning::Code::kNotAMonth: return named + " không phải là tháng: hãy viết năm-tháng, ví dụ 2025-07.";
    case Warning::Code::kNotAYear: return named + " không phải là năm: hãy viết bốn chữ số, ví dụ 2025.";
    case Warning::Code::kUnknownName:
      return "Bộ lọc «" + std::string(Label(w.filter)) + "»: không có " + named +
             ", nên không có báo cáo nào khớp với bộ lọc này.";
    case Warning::Code::kQueryCut:
      return "Từ khóa có " + std::to_string(w.of) + " từ: chỉ tìm theo " + std::to_string(w.count) + " từ đầu tiên.";
    case Warning::Code::kOtherSchema:
      return "Chỉ mục được ghi theo lược đồ phiên bản " + named + ", máy chủ đọc phiên bản «" +
             std::string(schema::kVersion) +
             "»: số đếm và thứ tự có thể sai cho đến khi dựng lại chỉ mục (tinhgon-index --rebuild).";
    case Warning::Code::kRelaxedOverShards:
      return "Đã nới điều kiện trên các phân mảnh từ xa, chỉ yêu cầu " + std::to_string(w.count) + " trong " +
             std::to_string(w.of) + " từ: báo cáo chứa nhiều từ hơn được xếp trước.";
  }
  return {};
}

std::string RefusalText(const SearchError& error, const Params& params) {
  const std::string& code = error.code;
  if (code == "query_too_long") {
    return "Từ khóa dài quá " + std::to_string(kMaxQueryLength) + " ký tự: đã tìm phần đầu.";
  }
  if (code == "invalid_date") {
    std::string from = Value(params, "from"), to = Value(params, "to");
    std::string wrong = !from.empty() && !IsIsoDate(IsoDate(from)) ? from : to;
    return "«" + Cut(wrong, 40) + "» không phải là ngày: hãy viết ngày/tháng/năm, ví dụ 01/07/2025.";
  }
  if (code == "invalid_date_range") {
    return "Ngày bắt đầu (" + Value(params, "from") + ") sau ngày kết thúc (" + Value(params, "to") +
           "): hãy đổi một trong hai ngày.";
  }
  if (code == "page_too_deep") {
    return "Chỉ xem được " + std::to_string(kMaxResultWindow) +
           " kết quả đầu tiên: hãy thu hẹp tìm kiếm bằng bộ lọc, hoặc tải CSV.";
  }
  if (code == "invalid_page") return "Số trang phải là số nguyên từ 1 trở lên.";
  if (code == "invalid_per_page") return "Số kết quả mỗi trang phải từ 1 đến " + std::to_string(kMaxPerPage) + ".";
  if (code == "invalid_sort") return "Cách sắp xếp không hợp lệ: đã sắp theo mức phù hợp.";
  if (code == "invalid_encoding") return "Yêu cầu có ký tự không đọc được (không phải UTF-8).";
  if (code == "unknown_place") return "Không có tỉnh, huyện hay xã nào tên «" + error.subject + "».";
  if (code == "invalid_places") return "Hãy nhập từ hai đến năm địa bàn để so sánh.";
  return "Yêu cầu không hợp lệ.";
}

Params WithoutRefused(const SearchError& error, const Params& params) {
  static const std::map<std::string, std::vector<std::string>> kOffending = {
      {"invalid_date", {"from", "to"}}, {"invalid_date_range", {"from", "to"}}, {"page_too_deep", {"page"}},
      {"invalid_page", {"page"}},       {"invalid_per_page", {"per_page"}},     {"invalid_sort", {"sort"}}};
  if (error.code == "query_too_long") {
    Params cut;
    for (const auto& [name, value] : params) cut.emplace_back(name, name == "q" ? Cut(value, kMaxQueryLength) : value);
    return cut;
  }
  auto offending = kOffending.find(error.code);
  if (offending == kOffending.end()) return {};  // nothing to keep: an empty search
  Params kept;
  for (const auto& p : params) {
    bool drop = false;
    for (const std::string& name : offending->second) drop = drop || p.first == name;
    if (!drop) kept.push_back(p);
  }
  return kept;
}

std::string IsoDate(const std::string& typed) {
  unsigned day = 0, month = 0, year = 0;
  char tail = 0;
  if (std::sscanf(typed.c_str(), "%2u/%2u/%4u%c", &day, &month, &year, &tail) != 3 || year < 1000) return typed;
  char iso[40];
  std::snprintf(iso, sizeof iso, "%04u-%02u-%02u", year, month, day);
  return iso;
}

Params WithIsoDates(const Params& params) {
  Params out;
  for (const auto& [name, value] : params) out.emplace_back(name, name == "from" || name == "to" ? IsoDate(value) : value);
  return out;
}

std::multimap<std::string, std::string> ApiParams(const Params& params) {
  Params iso = WithIsoDates(params);
  return {iso.begin(), iso.end()};
}

std::string FormDate(const std::string& iso) {
  if (iso.size() != 10 || iso[4] != '-' || iso[7] != '-') return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

}  // namespace tinhgon
