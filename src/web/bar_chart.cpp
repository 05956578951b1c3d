#include "web/bar_chart.h"

#include <algorithm>
#include <cmath>

namespace ruamkit::web {

ViewData bar_chart(const std::vector<std::pair<std::string, std::int64_t>>& bars,
                   std::int64_t total, const ChartHeadings& headings) {
  constexpr int kBarHeight = 28, kGap = 10, kWidth = 300;  // in a 640-wide chart
  std::int64_t biggest = 1;
  for (const auto& [label, count] : bars) biggest = std::max(biggest, count);
  ViewList list;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& [label, count] = bars[i];
    ViewData b;
    b.set("label", label);
    b.set("count", std::to_string(count));
    const double share =
        total > 0 ? 100.0 * static_cast<double>(count) / static_cast<double>(total) : 0.0;
    b.set("percent", std::to_string(static_cast<int>(std::lround(share))));
    const int y = static_cast<int>(i) * (kBarHeight + kGap);
    b.set("y", std::to_string(y));
    b.set("label_y", std::to_string(y + kBarHeight / 2 + 5));
    b.set("width", std::to_string(static_cast<int>(kWidth * count / biggest)));
    list.push_back(b);
  }
  ViewData chart;
  chart.set("bars", list);
  chart.set("height", std::to_string(static_cast<int>(bars.size()) * (kBarHeight + kGap)));
  chart.set("caption", headings.caption);
  chart.set("label_heading", headings.label);
  chart.set("count_heading", headings.count);
  chart.set("percent_heading", headings.percent);
  return chart;
}

}  // namespace ruamkit::web
