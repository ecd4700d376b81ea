#include "server/charts.h"

#include <algorithm>
#include <cstdio>

#include "search/snippet.h"

namespace tinhgon {
namespace {

std::size_t Largest(const std::vector<Bar>& bars) {
  std::size_t most = 1;
  for (const Bar& b : bars) most = std::max(most, b.count);
  return most;
}

std::string Number(double value) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", value);
  return text;
}

// Drawn a little larger than its coordinates (the style sheet shrinks it to
// fit a narrow screen): 11-unit text reads as about 13 pixels.
constexpr double kScale = 1.2;

// The width a label takes at the charts' font size, roughly: Vietnamese
// letters with their marks average about 6 units.
double LabelWidth(const std::vector<Bar>& bars) {
  std::size_t longest = 0;
  for (const Bar& b : bars) {
    std::size_t characters = 0;
    for (unsigned char c : b.label) characters += (c & 0xC0) != 0x80;
    longest = std::max(longest, characters);
  }
  return std::clamp(6.2 * static_cast<double>(longest) + 8, 40.0, 240.0);
}

// The opening tag: an image titled and described for assistive technology.
std::string Open(const std::string& id, double width, double height, const std::string& title,
                 const std::vector<Bar>& bars) {
  return "<svg class=\"chart\" role=\"img\" width=\"" + Number(width * kScale) + "\" height=\"" +
         Number(height * kScale) + "\" viewBox=\"0 0 " + Number(width) + " " + Number(height) +
         "\" aria-labelledby=\"" + id + "-title " + id + "-desc\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"" +
         id + "-title\">" + EscapeHtml(title) + "</title><desc id=\"" + id + "-desc\">" +
         EscapeHtml(ChartSummary(bars, title)) + "</desc>";
}

}  // namespace

std::string ChartSummary(const std::vector<Bar>& bars, const std::string& title) {
  std::string text = title + ": ";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    text += (i ? ", " : "") + bars[i].label + ": " + std::to_string(bars[i].count);
  }
  return text + ".";
}

std::string HorizontalBars(const std::vector<Bar>& bars, const std::string& title, const std::string& id) {
  if (bars.empty()) return "";
  constexpr double kRow = 18, kBar = 110;
  const double kLabel = LabelWidth(bars), kWidth = kLabel + kBar + 34;
  const double most = static_cast<double>(Largest(bars));
  std::string svg = Open(id, kWidth, kRow * static_cast<double>(bars.size()), title, bars);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double y = kRow * static_cast<double>(i);
    const double length = std::max(1.0, kBar * static_cast<double>(bars[i].count) / most);
    svg += "<text class=\"chart-label\" x=\"" + Number(kLabel - 4) + "\" y=\"" + Number(y + 13) +
           "\" text-anchor=\"end\">" + EscapeHtml(bars[i].label) + "</text>";
    svg += "<rect class=\"chart-bar\" x=\"" + Number(kLabel) + "\" y=\"" + Number(y + 3) + "\" width=\"" +
           Number(length) + "\" height=\"" + Number(kRow - 6) + "\"/>";
    svg += "<text class=\"chart-count\" x=\"" + Number(kLabel + length + 4) + "\" y=\"" + Number(y + 13) + "\">" +
           std::to_string(bars[i].count) + "</text>";
  }
  return svg + "</svg>";
}

std::string VerticalBars(const std::vector<Bar>& bars, const std::string& title, const std::string& id) {
  if (bars.empty()) return "";
  constexpr double kColumn = 36, kPlot = 100, kTop = 16, kBottom = 18;
  const double most = static_cast<double>(Largest(bars));
  const double width = std::max(kColumn * static_cast<double>(bars.size()), 200.0);
  std::string svg = Open(id, width, kTop + kPlot + kBottom, title, bars);
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const double x = kColumn * static_cast<double>(i);
    const double height = std::max(1.0, kPlot * static_cast<double>(bars[i].count) / most);
    const double top = kTop + kPlot - height;
    svg += "<rect class=\"chart-bar\" x=\"" + Number(x + 4) + "\" y=\"" + Number(top) + "\" width=\"" +
           Number(kColumn - 8) + "\" height=\"" + Number(height) + "\"/>";
    svg += "<text class=\"chart-count\" x=\"" + Number(x + kColumn / 2) + "\" y=\"" + Number(top - 3) +
           "\" text-anchor=\"middle\">" + std::to_string(bars[i].count) + "</text>";
    svg += "<text class=\"chart-label\" x=\"" + Number(x + kColumn / 2) + "\" y=\"" + Number(kTop + kPlot + 13) +
           "\" text-anchor=\"middle\">" + EscapeHtml(bars[i].label) + "</text>";
  }
  return svg + "</svg>";
}

}  // namespace tinhgon
