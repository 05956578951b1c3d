#include "web/dates.h"

#include <gtest/gtest.h>

namespace ruamkit::web {
namespace {

using namespace std::chrono;

TEST(Dates, ThaiUsesBuddhistEraAndThaiMonths) {
  EXPECT_EQ(format_long_date(2026y / November / 23, "th"), "23 พฤศจิกายน 2569");
  EXPECT_EQ(format_long_date(2027y / January / 1, "th"), "1 มกราคม 2570");
}

TEST(Dates, EnglishUsesCommonEra) {
  EXPECT_EQ(format_long_date(2026y / November / 23, "en"), "23 November 2026");
  EXPECT_EQ(format_long_date(2024y / February / 29, "en"), "29 February 2024");
}

TEST(Dates, DateTimesAreInBangkokTime) {
  // 12:04 UTC is 19:04 in Thailand.
  const auto t = sys_days{2026y / November / 23} + hours{12} + minutes{4};
  EXPECT_EQ(format_date_time(t, "th"), "23 พ.ย. 2569 19:04");
  EXPECT_EQ(format_date_time(t, "en"), "23 Nov 2026, 19:04");
  // 20:00 UTC is already the next day there.
  EXPECT_EQ(format_date_time(sys_days{2026y / September / 30} + hours{20}, "en"),
            "1 Oct 2026, 03:00");
}

}  // namespace
}  // namespace ruamkit::web
