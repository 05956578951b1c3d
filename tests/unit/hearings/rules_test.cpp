// The rules of public hearings: states, the minimum period, the word diff tokens.
#include "features/hearings/rules.h"

#include <gtest/gtest.h>

namespace ruamkit::features::hearings {
namespace {

using namespace std::chrono;

TEST(HearingRules, TheStateFollowsTheCalendar) {
  const auto today = year(2026) / 12 / 1;
  EXPECT_EQ(state_of(false, "2026-11-01", "2026-12-31", false, today), State::draft);
  EXPECT_EQ(state_of(true, "2026-12-02", "2026-12-31", false, today), State::upcoming);
  EXPECT_EQ(state_of(true, "2026-12-01", "2026-12-01", false, today), State::open);
  EXPECT_EQ(state_of(true, "2026-11-01", "2026-11-30", false, today), State::closed);
  EXPECT_EQ(state_of(true, "2026-11-01", "2026-11-30", true, today), State::reported);
}

TEST(HearingRules, AHearingNeedsTheMinimumPeriodLeftToPublish) {
  const auto today = year(2026) / 12 / 1;
  const Fields fifteen{"ร่าง", "law", "", "2026-12-01", "2026-12-15"};
  const Fields fourteen{"ร่าง", "law", "", "2026-12-01", "2026-12-14"};
  EXPECT_EQ(period_days(fifteen.opens_on, fifteen.closes_on), 15);
  EXPECT_EQ(publish_problem(fifteen, 3, 15, today), "");
  EXPECT_EQ(publish_problem(fourteen, 3, 15, today), "hearing_too_short");
  EXPECT_EQ(publish_problem(fifteen, 0, 15, today), "hearing_no_sections");
  // Opened long ago: only the days still left count.
  const Fields late{"ร่าง", "law", "", "2026-11-01", "2026-12-05"};
  EXPECT_EQ(period_days(late.opens_on, late.closes_on), 35);
  EXPECT_EQ(publish_problem(late, 3, 15, today), "hearing_too_short");
  const Fields over{"ร่าง", "law", "", "2026-10-01", "2026-11-30"};
  EXPECT_EQ(publish_problem(over, 3, 15, today), "hearing_closes_in_past");
  EXPECT_EQ(publish_problem(over, 3, 1, today), "hearing_closes_in_past");
  EXPECT_EQ(publish_problem({"", "law", "", "2026-12-01", "2026-12-31"}, 3, 15, today),
            "hearing_incomplete");
}

TEST(HearingRules, DetailsSectionsAndIssuesAreChecked) {
  EXPECT_TRUE(check_hearing({"ร่าง", "law", "", "2026-12-01", "2026-12-31"}).empty());
  EXPECT_FALSE(check_hearing({"ร่าง", "decree", "", "2026-12-01", "2026-12-31"}).empty());
  EXPECT_FALSE(check_hearing({"ร่าง", "law", "", "2026-12-31", "2026-12-01"}).empty());
  EXPECT_FALSE(check_section("", "ข้อความ").empty());
  EXPECT_FALSE(check_section("ข้อ 1", "").empty());
  EXPECT_TRUE(check_issue("ประเด็น", "คำชี้แจง", "", "changed").empty());
  EXPECT_FALSE(check_issue("ประเด็น", "", "", "changed").empty());
  EXPECT_FALSE(check_issue("ประเด็น", "คำชี้แจง", "", "maybe").empty());
}

TEST(HearingRules, DiffTokensAreWordsAndWhatLiesBetweenThem) {
  const std::string text = "ห้ามเผาในที่โล่ง ตั้งแต่ 1 มกราคม";
  const auto tokens = diff_tokens(text);
  std::string joined;
  for (const auto& t : tokens) joined += t;
  EXPECT_EQ(joined, text) << "nothing is lost";
  EXPECT_GT(tokens.size(), 6u) << "Thai is split into words, not kept as one run";
  EXPECT_NE(std::find(tokens.begin(), tokens.end(), "มกราคม"), tokens.end());
}

}  // namespace
}  // namespace ruamkit::features::hearings
