#include "core/fiscal_year.h"

#include <gtest/gtest.h>

namespace ruamkit::core {
namespace {

using namespace std::chrono;

TEST(FiscalYear, RunsFromOctoberToSeptemberNamedByTheBeYearItEnds) {
  EXPECT_EQ(fiscal_year_be(2026y / September / 30), 2569);
  EXPECT_EQ(fiscal_year_be(2026y / October / 1), 2570);
  EXPECT_EQ(fiscal_year_be(2026y / November / 23), 2570);
  EXPECT_EQ(fiscal_year_be(2027y / January / 1), 2570);
  EXPECT_EQ(fiscal_year_be(2024y / February / 29), 2567);
}

TEST(FiscalYear, RangeCoversExactlyTheFiscalYear) {
  const auto range = fiscal_year_range(2570);
  EXPECT_EQ(range.first, 2026y / October / 1);
  EXPECT_EQ(range.last, 2027y / September / 30);
  EXPECT_EQ(fiscal_year_be(range.first), 2570);
  EXPECT_EQ(fiscal_year_be(range.last), 2570);
}

TEST(FiscalYear, TodayInThailandIsSevenHoursAheadOfUtc) {
  // 2026-09-30 17:00 UTC is already 1 October in Bangkok: a new fiscal year.
  const auto utc = sys_days{2026y / September / 30} + hours{17};
  EXPECT_EQ(today_in_thailand(utc), 2026y / October / 1);
  EXPECT_EQ(fiscal_year_be(today_in_thailand(utc)), 2570);
  const auto earlier = sys_days{2026y / September / 30} + hours{16} + minutes{59};
  EXPECT_EQ(today_in_thailand(earlier), 2026y / September / 30);
}

TEST(FiscalYear, BuddhistEraIsCommonEraPlus543) {
  EXPECT_EQ(to_buddhist_era(2026), 2569);
  EXPECT_EQ(to_buddhist_era(1957), 2500);
}

}  // namespace
}  // namespace ruamkit::core
