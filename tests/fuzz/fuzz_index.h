// A small index of real-looking reports for the fuzz targets that search,
// built once per process in a temporary directory.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "indexer/indexer.h"

namespace tinhgon::fuzzing {

inline std::filesystem::path FuzzIndex() {
  static const std::filesystem::path dir = [] {
    std::filesystem::path d = std::filesystem::temp_directory_path() / ("tinhgon-fuzz-" + std::to_string(getpid()));
    std::filesystem::create_directories(d / "in");
    const char* reports[] = {
        "Bắc Kạn tách văn phòng\n20/11/2020\n\nHĐND tỉnh Bắc Kạn tách Văn phòng Đoàn ĐBQH, HĐND và UBND tỉnh.",
        "Đầm Hà giảm đầu mối\n28/07/2020\n\nHuyện Đầm Hà, tỉnh Quảng Ninh hợp nhất Ban Tổ chức Huyện ủy với Phòng Nội vụ.",
        "Sáp nhập xã ở Yên Thế\n01/03/2025\n\nUBND huyện Yên Thế sáp nhập xã Đồng Hưu vào xã Tiến Thắng; giải thể Trạm Khuyến nông.",
    };
    for (int i = 0; i < 3; ++i) std::ofstream(d / "in" / (std::to_string(i) + ".txt")) << reports[i];
    tinhgon::IndexOptions options;
    options.db = d / "index";
    options.inputs = {(d / "in").string()};
    tinhgon::RunIndex(options);
    return d;
  }();
  return dir / "index";
}

}  // namespace tinhgon::fuzzing
