// Bar charts drawn on the server as inline SVG: the reports by year above
// the results, the reports by province on that facet. No script and no
// inline style (the pages' Content-Security-Policy allows neither): colours
// and fonts come from the site's style sheet through class names.
//
// Each chart is an image with a title and a text alternative that says
// what it shows, and the page puts the same numbers in a table behind a
// <details> for screen readers and for copying.
//
// Thread safety: pure functions; safe from any thread.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace tinhgon {

struct Bar {
  std::string label;
  std::size_t count = 0;
};

// Horizontal bars, one per row, in the order given, each labelled and
// counted; `title` names the chart, `id` makes its title and description
// referable (unique within the page). Empty when there are no bars.
std::string HorizontalBars(const std::vector<Bar>& bars, const std::string& title, const std::string& id);

// Vertical bars (a time series: years, months), in the order given.
std::string VerticalBars(const std::vector<Bar>& bars, const std::string& title, const std::string& id);

// "Số báo cáo theo năm: 2018: 3, 2019: 12, 2020: 5." — the alternative text.
std::string ChartSummary(const std::vector<Bar>& bars, const std::string& title);

}  // namespace tinhgon
