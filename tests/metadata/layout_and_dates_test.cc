#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/date_extractor.h"
#include "analyzers/metadata/document_layout.h"

using tinhgon::Analyzer;
using tinhgon::DateExtractor;
using tinhgon::DocumentLayout;
using tinhgon::LineKind;

namespace {
struct Fixture {
  Analyzer analyzer;
  DocumentLayout layout;
  DateExtractor dates{analyzer};

  std::vector<std::string> Mentioned(const std::string& text) {
    return dates.Mentioned(analyzer.Analyze(text).tokens, text);
  }
  tinhgon::Layout Layout(const std::string& text) {
    return layout.Analyze(text, [this](std::string_view line) { return dates.DateLine(line).has_value(); });
  }
};
using Strings = std::vector<std::string>;
}  // namespace

TEST_CASE_METHOD(Fixture, "site chrome is told apart from content by general rules", "[layout]") {
  CHECK(layout.IsChrome("Tăng cỡ chữ Giảm cỡ chữ"));
  CHECK(layout.IsChrome("PublishingPortal - Block_BanTin_Toolbar"));
  CHECK(layout.IsChrome("Tin cùng chuyên mục"));
  CHECK(layout.IsChrome("Hôm nay: 693"));
  CHECK(layout.IsChrome("Đã truy cập: 3904255"));
  CHECK(layout.IsChrome("1111"));
  CHECK(layout.IsChrome("Xem nhiều nhất"));
  CHECK(layout.IsChrome("Lượt xem: 1.204"));
  // Content that happens to contain chrome words is kept: it is a sentence.
  CHECK_FALSE(layout.IsChrome("Các đại biểu đã chia sẻ kinh nghiệm hợp nhất văn phòng tại hội nghị."));
  CHECK_FALSE(layout.IsChrome("Hợp nhất Văn phòng Huyện ủy và Văn phòng HĐND - UBND huyện"));
}

TEST_CASE_METHOD(Fixture, "the title is the first real line, after chrome and stamps", "[layout]") {
  std::string text =
      "PublishingPortal - Block_BanTin_Toolbar\n\n20/11/2020\nTăng cỡ chữ Giảm cỡ chữ\n"
      "Sẽ tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh\nSau hai năm thí điểm hợp nhất đã bộc lộ hạn chế.\n";
  tinhgon::Layout l = Layout(text);
  REQUIRE(l.title >= 0);
  CHECK(l.lines[l.title].text == "Sẽ tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh");
  CHECK(l.lines[0].kind == LineKind::kChrome);
}

TEST_CASE_METHOD(Fixture, "bylines in their usual forms", "[layout]") {
  auto byline = [&](const std::string& text) {
    tinhgon::Layout l = Layout(text);
    return l.byline < 0 ? std::string() : std::string(l.lines[l.byline].text);
  };
  std::string body = "Tiêu đề bài viết về sáp nhập\n\nNội dung bài viết có nhiều câu.\n\n";
  CHECK(byline(body + "Bài, ảnh: Ngọc Hưng\n\nTin cùng chuyên mục") == "Bài, ảnh: Ngọc Hưng");
  CHECK(byline(body + "Hương Lan") == "Hương Lan");
  CHECK(byline(body + "Triệu Đại Nghĩa (Trung tâm TT&VH huyện Đầm Hà)\n\nHôm nay: 693") ==
        "Triệu Đại Nghĩa (Trung tâm TT&VH huyện Đầm Hà)");
  CHECK(byline(body + "Kết thúc chuyến công tác, Đoàn đã thu thập nhiều thông tin./.\n\nPhản hồi").empty());
  CHECK(byline(body + "theo báo cáo của huyện").empty());
}

TEST_CASE_METHOD(Fixture, "publication stamps in several forms", "[dates]") {
  CHECK(dates.DateLine("20/11/2020") == std::optional<std::string>("2020-11-20"));
  CHECK(dates.DateLine("28/07/2020 09:38") == std::optional<std::string>("2020-07-28"));
  CHECK(dates.DateLine("Thứ Hai, 02/12/2019 - 08:15") == std::optional<std::string>("2019-12-02"));
  CHECK(dates.DateLine("Cập nhật lúc 08:15 ngày 2/12/2019") == std::optional<std::string>("2019-12-02"));
  CHECK_FALSE(dates.DateLine("Ngày 01/01/2019, Văn phòng hợp nhất đi vào hoạt động."));
  CHECK_FALSE(dates.DateLine("Tăng cỡ chữ"));
}

TEST_CASE_METHOD(Fixture, "no stamp, no publication date", "[dates]") {
  std::string text = "Tiêu đề\n\nTháng 11 năm 2018, huyện hợp nhất 6 cơ quan.\n\nBài, ảnh: Ngọc Hưng";
  CHECK_FALSE(dates.PublicationDate(Layout(text)));
  std::string stamped = "Tiêu đề bài\n28/07/2020 09:38\nNội dung năm 2019.";
  CHECK(dates.PublicationDate(Layout(stamped)) == std::optional<std::string>("2020-07-28"));
}

TEST_CASE_METHOD(Fixture, "mentioned dates in every written form", "[dates]") {
  CHECK(Mentioned("Tháng 11 năm 2018, huyện thực hiện") == Strings{"2018-11"});
  CHECK(Mentioned("Kết luận số 34-KL/TW ngày 7-8-2018 của Bộ Chính trị") == Strings{"2018-08-07"});
  CHECK(Mentioned("ngày 7 tháng 8 năm 2018") == Strings{"2018-08-07"});
  CHECK(Mentioned("từ ngày 01/01/2019") == Strings{"2019-01-01"});
  CHECK(Mentioned("cuối năm 2020") == Strings{"2020"});
  CHECK(Mentioned("Giai đoạn 2020 – 2025") == Strings{"2020", "2025"});
  CHECK(Mentioned("giai đoạn 2021-2025") == Strings{"2021", "2025"});
  CHECK(Mentioned("tháng 11/2018 và tháng 11/2018") == Strings{"2018-11"});
  // Not dates: counts, impossible days, a year out of range.
  CHECK(Mentioned("giảm 3 đầu mối, 2020 người").empty());
  CHECK(Mentioned("ngày 31 tháng 2 năm 2019") == Strings{"2019-02"});  // the month still stands
  CHECK(Mentioned("năm 1200").empty());
}
