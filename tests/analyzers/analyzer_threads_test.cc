// One Analyzer, shared by threads analysing at once, gives each text exactly
// the analysis it gives when a single thread asks.
#include <atomic>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "analyzers/analyzer.h"

using tinhgon::Analysis;
using tinhgon::Analyzer;
using tinhgon::Token;

namespace {

// Pieces that take different paths through the chain: abbreviations to
// expand, dates and codes the tokenizer joins, NFD and eth to normalize,
// capitals, a malformed byte, line breaks, numbers with separators.
const char* const kPieces[] = {
    "UBND tỉnh Bắc Kạn hợp nhất Văn phòng HĐND và Văn phòng UBND.",
    "Ngày 20/11/2020, Huyện ủy Đầm Hà thực hiện Nghị quyết 18-NQ/TW.",
    "TP.HCM sáp nhập 80 phường, giảm 3.904.255 đồng/năm.",
    "Huye\xCC\x82\xCC\xA3n u\xCC\x89y Yên Sơn",  // NFD marks
    "\xC3\x90\xE1\xBA\xA3ng ủy xã",                // eth for Đ
    "SỞ LĐ-TB&XH TỈNH QUẢNG NINH",
    "hoà nhập, thuỷ lợi, khoẻ mạnh",
    "byte \xFF hỏng giữa câu",
    "Giai đoạn 2020 – 2025: tinh gọn bộ máy\nPhòng Nội vụ",
    "Từ ngày 7-8-2018 dừng thí điểm nhất thể hóa",
    "tăng 1,2 tỷ đồng; Sở GD&ĐT, BCH Quân sự",
    "Google và Facebook không phải là cơ quan nhà nước",
};
constexpr std::size_t kPieceCount = sizeof(kPieces) / sizeof(kPieces[0]);

// 200 texts of one to seven pieces, in varied orders and joins.
std::vector<std::string> Texts() {
  std::vector<std::string> texts;
  for (std::size_t i = 0; i < 200; ++i) {
    std::string text;
    for (std::size_t j = 0; j <= i % 7; ++j) {
      if (j > 0) text += (i + j) % 3 == 0 ? "\n" : " ";
      text += kPieces[(i * 5 + j * 7) % kPieceCount];
    }
    texts.push_back(text);
  }
  return texts;
}

// Every field of an analysis, so two are equal exactly when these are.
std::string Describe(const Analysis& a) {
  std::ostringstream out;
  out << a.text << '\x1f' << a.stats.invalid_sequences << ' ' << a.stats.removed_characters << ' '
      << a.stats.replaced_characters << '\n';
  for (const Token& t : a.tokens) {
    out << t.term << '\x1f' << t.folded << '\x1f' << t.position << ' ' << t.start << ' ' << t.end << ' '
        << static_cast<int>(t.type) << ' ' << t.all_caps << t.needs_case_folding << t.expansion << '\n';
  }
  return out.str();
}

}  // namespace

TEST_CASE("threads sharing one Analyzer get what one thread gets", "[chain][threads]") {
  const Analyzer analyzer;
  const std::vector<std::string> texts = Texts();
  std::vector<std::string> expected;
  for (const std::string& text : texts) expected.push_back(Describe(analyzer.Analyze(text)));

  constexpr std::size_t kThreads = 4;
  std::atomic<std::size_t> ready{0};
  std::vector<std::vector<std::size_t>> mismatches(kThreads);  // Catch2 asserts on this thread only
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // All start together, each at another text, so different texts are
      // analysed at the same moment.
      ++ready;
      while (ready < kThreads) std::this_thread::yield();
      for (std::size_t k = 0; k < texts.size(); ++k) {
        const std::size_t i = (k + t * texts.size() / kThreads) % texts.size();
        if (Describe(analyzer.Analyze(texts[i])) != expected[i]) mismatches[t].push_back(i);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (std::size_t t = 0; t < kThreads; ++t) {
    INFO("thread " << t);
    CHECK(mismatches[t].empty());
  }
}
