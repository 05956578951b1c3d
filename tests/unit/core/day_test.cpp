#include "core/day.h"

#include <gtest/gtest.h>

namespace ruamkit::core {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

TEST(Day, ParsesRealCalendarDaysOnly) {
  EXPECT_EQ(parse_day("2024-02-29"), year_month_day(year(2024), month(2), day(29)));
  for (const char* bad : {"2025-02-29", "2025-13-01", "2025-1-01", "2568-01-01x", "", "25-02-2568",
                          "1899-12-31", "2025-00-10", "2025-04-31"}) {
    EXPECT_FALSE(parse_day(bad)) << bad;
  }
}

TEST(Day, WritesWhatItReads) {
  const year_month_day d{year(2026), month(10), day(1)};
  EXPECT_EQ(iso_date(d), "2026-10-01");
  EXPECT_EQ(parse_day(iso_date(d)), d);
}

}  // namespace
}  // namespace ruamkit::core
