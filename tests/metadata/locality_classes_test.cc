// The classes of place names that real news showed tinhgon missing or
// mistaking (docs/EXTRACTION.md), each on small cases.
#include <algorithm>

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"
#include "analyzers/metadata/locality_extractor.h"

using tinhgon::AdminLevel;
using tinhgon::Locality;

namespace {
struct Fixture {
  tinhgon::Analyzer analyzer;
  tinhgon::Gazetteer gazetteer{analyzer};
  tinhgon::LocalityExtractor extractor{gazetteer, analyzer};

  std::vector<Locality> Localities(const std::string& title, const std::string& body,
                                   const std::optional<std::string>& date = std::nullopt) {
    std::string text = title + "\n" + body;
    return extractor.Extract(analyzer.Analyze(text).tokens, text, 0, title.size(), date);
  }
  // "kind name", primary marked with '*'; 2025 communes marked "(2025)".
  std::vector<std::string> Run(const std::string& title, const std::string& body,
                               const std::optional<std::string>& date = std::nullopt) {
    std::vector<std::string> out;
    for (const Locality& l : Localities(title, body, date)) {
      const auto& unit = gazetteer.unit(l.level, l.unit);
      out.push_back(std::string(l.primary ? "*" : "") + tinhgon::AdminKindName(unit) + " " + unit.name +
                    (l.level == AdminLevel::kCommune2025 ? " (2025)" : ""));
    }
    return out;
  }
  std::string Primary(const std::string& title, const std::string& body,
                      const std::optional<std::string>& date = std::nullopt) {
    for (const std::string& l : Run(title, body, date)) {
      if (l[0] == '*') return l.substr(1);
    }
    return "";
  }
  // Whether `item` is named, primary or not.
  bool Has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end() ||
           std::find(list.begin(), list.end(), "*" + item) != list.end();
  }
};
const std::string kHcm = "thành phố trực thuộc trung ương Hồ Chí Minh";
}  // namespace

TEST_CASE_METHOD(Fixture, "usual written forms of place names", "[locality][classes]") {
  CHECK(Primary("TP.HCM: giảm 20 phòng", "Thành phố đã sắp xếp.") == kHcm);
  CHECK(Primary("Tin vắn", "TPHCM giảm 20 phòng, TP HCM tiếp tục sắp xếp.") == kHcm);
  CHECK(Primary("Sài Gòn mùa mưa", "Sài Gòn ngập nặng.") == kHcm);
  CHECK(Has(Run("Tin vắn", "UBND H. Mỹ Đức, Hà Nội họp."), "huyện Mỹ Đức"));
  CHECK(Has(Run("Tin vắn", "Công an Q.1 và Q. Bình Thạnh, TP.HCM phối hợp."), "quận 1"));
  CHECK(Has(Run("Tin vắn", "Công an Q.1 và Q. Bình Thạnh, TP.HCM phối hợp."), "quận Bình Thạnh"));
  CHECK(Has(Run("Tin vắn", "UBND TX.Sơn Tây, Hà Nội họp."), "thị xã Sơn Tây"));
  CHECK(Has(Run("Tin vắn", "UBND TP.Vinh, Nghệ An họp."), "thành phố thuộc tỉnh Vinh"));
  // Spelling variants.
  CHECK(Primary("Tin vắn", "Tỉnh Đăk Nông giảm 5 phòng.") == "tỉnh Đắk Nông");
  CHECK(Primary("Tin vắn", "Tỉnh Kontum giảm 5 phòng.") == "tỉnh Kon Tum");
  CHECK(Primary("Tin vắn", "Tỉnh Đắc Lắc giảm 5 phòng.") == "tỉnh Đắk Lắk");
  CHECK(Primary("Tin vắn", "TT-Huế giảm 5 phòng, TT-Huế sắp xếp.") == "tỉnh Thừa Thiên Huế");
  CHECK(Primary("Tin vắn", "Tỉnh Thừa Thiên - Huế giảm 5 phòng.") == "tỉnh Thừa Thiên Huế");
  CHECK(Primary("Tin vắn", "Tỉnh BR-VT giảm 5 phòng.") == "tỉnh Bà Rịa - Vũng Tàu");
}

TEST_CASE_METHOD(Fixture, "names inside other names are not places", "[locality][classes]") {
  CHECK(Run("Hợp tác", "An ninh ở châu Á – Thái Bình Dương được bảo đảm.").empty());
  CHECK(Run("Bổ nhiệm", "Ông Nguyễn Thái Bình được bổ nhiệm.").empty());
  CHECK(Run("Bổ nhiệm", "ĐB Phan Thị Bình Thuận phát biểu.").empty());
  CHECK(Run("Doanh nghiệp", "Công ty Cao su Đồng Nai báo lãi.").empty());
  CHECK(Run("Tai nạn", "Tàu Bình Dương 658 bị chìm.").empty());
  CHECK(Run("Giang hồ", "Hùng “Sài Gòn” bị bắt.").empty());
  CHECK(Run("Thủy điện", "Cát bồi ở hồ Hòa Bình.").empty());
  // A delegate's constituency is where the delegate comes from, not the subject.
  CHECK(Run("Chất vấn", "Đại biểu Nguyễn Văn An (Bến Tre) chất vấn Bộ trưởng.").empty());
  // At the head of a sentence the name is the place.
  CHECK(Primary("Tin vắn", "Tại Hà Nội, thành phố giảm 5 phòng. Hà Nội sẽ tiếp tục.") ==
        "thành phố trực thuộc trung ương Hà Nội");
}

TEST_CASE_METHOD(Fixture, "the title and the weight of a province decide the primary", "[locality][classes]") {
  // Two provinces named about as often: the title decides.
  CHECK(Primary("Nghệ An sắp xếp bộ máy", "Tỉnh Nghệ An giảm 5 phòng. Tỉnh Thanh Hóa giảm 4 phòng.") ==
        "tỉnh Nghệ An");
  // Without the title, one province must lead clearly.
  CHECK(Primary("Sắp xếp bộ máy", "Tỉnh Nghệ An giảm 5 phòng. Tỉnh Thanh Hóa giảm 4 phòng.").empty());
  // The capital is only the venue of national news.
  CHECK(Primary("Thủ tướng dự hội nghị", "Hội nghị tại Hà Nội. Hà Nội đón khách.").empty());
}

TEST_CASE_METHOD(Fixture, "a report about one district or one commune has it as primary", "[locality][classes]") {
  CHECK(Primary("Tai nạn giao thông", "Vụ tai nạn ở xã Phù Lỗ, huyện Sóc Sơn, Hà Nội. Xã Phù Lỗ đã hỗ trợ.") ==
        "xã Phù Lỗ");
  CHECK(Primary("Sắp xếp bộ máy", "Huyện Sóc Sơn, Hà Nội giảm 5 phòng. Huyện Sóc Sơn sẽ tiếp tục.") ==
        "huyện Sóc Sơn");
  // Two communes: the district is the subject.
  CHECK(Primary("Sắp xếp", "Huyện Sóc Sơn, Hà Nội sáp nhập xã Phù Lỗ và xã Phù Linh.") == "huyện Sóc Sơn");
  // A bare district name counts once the province is settled.
  CHECK(Primary("Bảo tồn di sản ở Tiên Yên – Quảng Ninh", "Tiên Yên có nhiều di sản.") == "huyện Tiên Yên");
  // A title about a whole level keeps the province.
  CHECK(Primary("Hợp nhất cấp huyện tại Quảng Ninh", "Thành ủy Cẩm Phả, Thành ủy Cẩm Phả, TP Cẩm Phả.") ==
        "tỉnh Quảng Ninh");
}

TEST_CASE_METHOD(Fixture, "every locality has its kind, and every name of a list is a mention", "[locality][classes]") {
  std::vector<std::string> l = Run("Tin vắn", "TP Hạ Long, tỉnh Quảng Ninh; phường Bạch Đằng; thị trấn Tiên Yên.");
  CHECK(Has(l, "thành phố thuộc tỉnh Hạ Long"));
  CHECK(Has(l, "phường Bạch Đằng"));
  CHECK(Has(l, "thị trấn Tiên Yên"));
  CHECK(Has(l, "tỉnh Quảng Ninh"));
  std::vector<std::string> list = Run("Sáp nhập xã", "Huyện Đô Lương sáp nhập các xã Lam Sơn, Hòa Sơn và Đại Sơn.");
  CHECK(Has(list, "xã Lam Sơn"));
  CHECK(Has(list, "xã Hòa Sơn"));
  CHECK(Has(list, "xã Đại Sơn"));
}

TEST_CASE_METHOD(Fixture, "2025 communes are localities of their own", "[locality][classes]") {
  // Only the 2025 list has the name.
  CHECK(Primary("Phường mới", "Phường Sài Gòn, TP.HCM ra mắt. Phường Sài Gòn có 50.000 dân.") ==
        "phường Sài Gòn (2025)");
  // A name of both lists: the date, or the words of the reform, decide.
  std::string body = "Xã Đại An, tỉnh Trà Vinh họp. Xã Đại An giảm 2 phòng.";
  CHECK(Primary("Tin vắn", body) == "xã Đại An");
  CHECK(Primary("Tin vắn", body, std::string("2025-08-01")).find("(2025)") != std::string::npos);
  CHECK(Primary("Tin vắn", "Sau sắp xếp, xã Đại An, tỉnh Vĩnh Long họp. Xã Đại An giảm 2 phòng.") ==
        "xã Đại An (2025)");
  // The 2025 unit carries its 2025 province.
  for (const Locality& l : Localities("Phường mới", "Phường Sài Gòn, TP.HCM ra mắt. Phường Sài Gòn họp.")) {
    if (!l.primary) continue;
    const auto& unit = gazetteer.commune_2025(l.unit);
    CHECK(gazetteer.province_2025(unit.province_2025).name == "Hồ Chí Minh");
    CHECK(unit.code.size() == 5);
  }
}

TEST_CASE_METHOD(Fixture, "every old unit knows the 2025 communes holding it", "[locality][classes][gazetteer]") {
  const auto& found = gazetteer.Find(AdminLevel::kCommune, tinhgon::Gazetteer::Key(analyzer, "Phù Lỗ"));
  REQUIRE(!found.empty());
  const auto& commune = gazetteer.commune(found[0]);
  REQUIRE(!commune.communes_2025.empty());
  CHECK(gazetteer.province_2025(gazetteer.commune_2025(commune.communes_2025[0]).province_2025).name == "Hà Nội");
  CHECK(gazetteer.commune_2025_count() == 3321);
  // A district lists every 2025 commune formed from its communes.
  const auto& districts = gazetteer.Find(AdminLevel::kDistrict, tinhgon::Gazetteer::Key(analyzer, "Sóc Sơn"));
  REQUIRE(districts.size() == 1);
  CHECK(gazetteer.district(districts[0]).communes_2025.size() >= 5);
}

TEST_CASE_METHOD(Fixture, "every 2025 commune knows the old province it mostly came from", "[locality][classes][gazetteer]") {
  // The old-province facet of a report about a 2025 commune depends on it.
  int without = 0;
  for (std::size_t i = 0; i < gazetteer.commune_2025_count(); ++i) {
    const auto& c = gazetteer.commune_2025(static_cast<std::int32_t>(i));
    if (c.province < 0 || c.province_2025 < 0) ++without;
  }
  CHECK(without == 0);
}
