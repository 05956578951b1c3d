#include "features/feedback/report.h"

#include <gtest/gtest.h>

namespace ruamkit::features::feedback {
namespace {

using namespace std::chrono;

CaseFacts fact(std::int64_t category, Status status, const std::string& received,
               const std::string& accepted = "", const std::string& closed = "",
               const std::string& due = "2026-10-20") {
  CaseFacts f;
  f.category_id = category;
  f.status = status;
  f.received_at = received;
  f.accepted_at = accepted;
  f.closed_at = closed;
  f.due_on = due;
  return f;
}

TEST(FeedbackSummary, CountsMediansSatisfactionAndPlaces) {
  std::vector<CaseFacts> cases;
  cases.push_back(fact(1, Status::resolved, "2026-10-01T00:00:00.000Z", "2026-10-02T00:00:00.000Z",
                       "2026-10-05T00:00:00.000Z"));
  cases.back().rating = 5;
  cases.back().address = "  ซอยลาดพร้าว 71 ";
  cases.push_back(fact(1, Status::resolved, "2026-10-01T00:00:00.000Z", "2026-10-01T12:00:00.000Z",
                       "2026-10-11T00:00:00.000Z"));
  cases.back().rating = 2;
  cases.back().address = "ซอยลาดพร้าว 71";
  cases.push_back(fact(2, Status::in_progress, "2026-10-03T00:00:00.000Z",
                       "2026-10-04T00:00:00.000Z", "", "2026-10-10"));
  cases.back().lat = 13.79461;
  cases.back().lon = 100.60182;
  cases.push_back(fact(2, Status::received, "2026-10-20T00:00:00.000Z", "", "", "2026-11-30"));
  cases.push_back(fact(9, Status::forwarded, "2026-10-21T00:00:00.000Z", "",
                       "2026-10-22T00:00:00.000Z", "2026-11-30"));

  const auto s =
      summarise(cases, {{1, "เสียง"}, {2, "ควัน"}}, year_month_day{year(2026), month(11), day(1)});
  EXPECT_EQ(s.received, 5);
  EXPECT_EQ(s.open, 2);
  EXPECT_EQ(s.closed, 3);
  EXPECT_EQ(s.overdue, 1);  // the case in progress, due 10 October
  EXPECT_EQ(s.by_status.at("resolved"), 2);
  EXPECT_EQ(s.by_status.at("merged"), 0);
  ASSERT_EQ(s.categories.size(), 2u);
  EXPECT_EQ(s.categories[0].name, "เสียง");
  EXPECT_EQ(s.categories[0].received, 2);
  EXPECT_EQ(s.categories[0].resolved, 2);
  EXPECT_DOUBLE_EQ(*s.categories[0].median_days_to_resolve, 7.0);  // 4 and 10 days
  EXPECT_DOUBLE_EQ(*s.categories[0].median_days_to_accept, 0.75);  // 1 and 0.5 days
  EXPECT_DOUBLE_EQ(*s.categories[0].average_rating, 3.5);
  EXPECT_EQ(s.categories[1].open, 2);
  EXPECT_EQ(s.categories[1].overdue, 1);
  EXPECT_FALSE(s.categories[1].median_days_to_resolve);
  EXPECT_DOUBLE_EQ(*s.median_days_to_accept, 1.0);  // 0.5, 1, 1
  EXPECT_EQ(s.rated, 2);
  EXPECT_EQ(s.stars[4], 1);
  EXPECT_EQ(s.stars[1], 1);
  ASSERT_GE(s.top_places.size(), 2u);
  EXPECT_EQ(s.top_places[0], (std::pair<std::string, std::int64_t>{"ซอยลาดพร้าว 71", 2}));
  EXPECT_EQ(s.top_places[1].first, "13.795, 100.602");
}

TEST(FeedbackSummary, NothingToReport) {
  const auto s = summarise({}, {{1, "เสียง"}}, year_month_day{year(2026), month(11), day(1)});
  EXPECT_EQ(s.received, 0);
  EXPECT_FALSE(s.median_days_to_resolve);
  EXPECT_FALSE(s.average_rating);
  EXPECT_EQ(s.categories.size(), 1u);
  EXPECT_TRUE(s.top_places.empty());
  EXPECT_FALSE(days_between("", "2026-10-01T00:00:00.000Z"));
}

}  // namespace
}  // namespace ruamkit::features::feedback
