// Horizontal bar charts as template data for templates/bar_chart.mustache:
// an SVG drawing (hidden from screen readers) with a table of the same
// numbers beside it, which is what assistive technology reads.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "web/view_data.h"

namespace ruamkit::web {

struct ChartHeadings {
  std::string caption, label, count, percent;  // already translated
};

// One bar per (label, count); each percentage is of `total` (0 when total
// is 0); the longest bar is the largest count.
ViewData bar_chart(const std::vector<std::pair<std::string, std::int64_t>>& bars,
                   std::int64_t total, const ChartHeadings& headings);

}  // namespace ruamkit::web
