#include "features/feedback/open311_format.h"

#include <gtest/gtest.h>

namespace ruamkit::features::feedback::open311 {
namespace {

using namespace std::chrono;

TEST(Open311Format, ParsesW3cDateTimesWithAZone) {
  const auto utc = sys_days(year_month_day{year(2010), month(1), day(1)});
  EXPECT_EQ(parse_datetime("2010-01-01T00:00:00Z"), utc);
  EXPECT_EQ(parse_datetime("2010-01-01T07:00:00+07:00"), utc);
  EXPECT_EQ(parse_datetime("2009-12-31T19:00-05:00"), utc);
  EXPECT_EQ(parse_datetime("2010-01-01T00:00:00.250Z"), utc);  // fraction ignored
  EXPECT_EQ(parse_datetime("2010-01-01"), utc);
}

TEST(Open311Format, RefusesWhatIsNotAW3cDateTime) {
  EXPECT_FALSE(parse_datetime(""));
  EXPECT_FALSE(parse_datetime("2010-01-01T00:00:00"));  // no zone
  EXPECT_FALSE(parse_datetime("2010-02-30T00:00:00Z"));
  EXPECT_FALSE(parse_datetime("2010-01-01T24:00:00Z"));
  EXPECT_FALSE(parse_datetime("2010-01-01T00:00:00+0700"));
  EXPECT_FALSE(parse_datetime("2010-01-01T00:00:00Zjunk"));
  EXPECT_FALSE(parse_datetime("yesterday"));
}

TEST(Open311Format, WritesStoredTimestampsWithoutMilliseconds) {
  EXPECT_EQ(datetime("2026-11-23T05:04:03.123Z"), "2026-11-23T05:04:03Z");
  EXPECT_EQ(datetime(""), "");
}

TEST(Open311Format, CommaLists) {
  EXPECT_EQ(comma_list("a, b,,c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_TRUE(comma_list("").empty());
  EXPECT_TRUE(comma_list(" , ").empty());
}

}  // namespace
}  // namespace ruamkit::features::feedback::open311
