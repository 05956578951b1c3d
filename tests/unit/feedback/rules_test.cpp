#include "features/feedback/rules.h"

#include <gtest/gtest.h>

#include <set>

namespace ruamkit::features::feedback {
namespace {

using namespace std::chrono;

constexpr year_month_day day(int y, unsigned m, unsigned d) {
  return year_month_day{year(y), month(m), std::chrono::day(d)};
}

TEST(FeedbackWorkflow, FollowsReceivedAcceptedInProgressResolved) {
  EXPECT_EQ(transition_problem(Status::received, parse_status("accepted"), "", ""), "");
  EXPECT_EQ(
      transition_problem(Status::accepted, parse_status("in_progress"), "awaiting_budget", ""), "");
  EXPECT_EQ(transition_problem(Status::in_progress, parse_status("in_progress"), "procurement", ""),
            "");
  EXPECT_EQ(transition_problem(Status::in_progress, parse_status("resolved"), "", "ซ่อมแล้ว"), "");
  EXPECT_EQ(
      transition_problem(Status::received, parse_status("not_relevant"), "", "ไม่ใช่ภารกิจของกรม"),
      "");
}

TEST(FeedbackWorkflow, RefusesWhatTheWorkflowDoesNotAllow) {
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("accepted"), "", ""),
            "feedback_transition");
  EXPECT_EQ(transition_problem(Status::in_progress, parse_status("accepted"), "", ""),
            "feedback_transition");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("received"), "", ""),
            "feedback_transition");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("forwarded"), "", "x"),
            "feedback_transition");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("merged"), "", "x"),
            "feedback_transition");
  EXPECT_EQ(transition_problem(Status::resolved, parse_status("in_progress"), "working", ""),
            "feedback_case_closed");
  EXPECT_EQ(transition_problem(Status::forwarded, parse_status("accepted"), "", ""),
            "feedback_case_closed");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("done"), "", ""),
            "feedback_status_unknown");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("in_progress"), "", ""),
            "feedback_stage_unknown");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("in_progress"), "sleeping", ""),
            "feedback_stage_unknown");
}

TEST(FeedbackWorkflow, ClosingNeedsWordsForTheReporter) {
  EXPECT_EQ(transition_problem(Status::in_progress, parse_status("resolved"), "", ""),
            "feedback_reply_required");
  EXPECT_EQ(transition_problem(Status::in_progress, parse_status("resolved"), "", " \n\t"),
            "feedback_reply_required");
  EXPECT_EQ(transition_problem(Status::accepted, parse_status("not_relevant"), "", ""),
            "feedback_reason_required");
}

TEST(FeedbackWorkflow, OpenStatusesAndOpen311) {
  for (const auto s : {Status::received, Status::accepted, Status::in_progress}) {
    EXPECT_TRUE(is_open_status(s)) << status_name(s);
    EXPECT_EQ(open311_status(s), "open");
  }
  for (const auto s : {Status::resolved, Status::not_relevant, Status::forwarded, Status::merged}) {
    EXPECT_FALSE(is_open_status(s)) << status_name(s);
    EXPECT_EQ(open311_status(s), "closed");
  }
}

TEST(FeedbackWorkflow, StatusNamesRoundTrip) {
  for (const auto s : kStatuses) EXPECT_EQ(parse_status(status_name(s)), s);
  EXPECT_EQ(parse_status("in_progress"), Status::in_progress);
  EXPECT_EQ(parse_status(""), std::nullopt);
  EXPECT_EQ(parse_status("Resolved"), std::nullopt);
  EXPECT_EQ(parse_status("done"), std::nullopt);
}

TEST(FeedbackServiceLevel, DueDayCountsCalendarDaysAcrossTheFiscalYear) {
  // Received on 25 September 2568 BE (FY 2568), due in FY 2569.
  EXPECT_EQ(due_day(day(2025, 9, 25), 15), day(2025, 10, 10));
  EXPECT_EQ(due_day(day(2024, 2, 20), 10), day(2024, 3, 1));  // leap year
}

TEST(FeedbackServiceLevel, OverdueWhileOpenAfterTheDueDayOrClosedLate) {
  const auto due = day(2025, 10, 10);
  EXPECT_FALSE(is_overdue(true, due, std::nullopt, day(2025, 10, 10)));
  EXPECT_TRUE(is_overdue(true, due, std::nullopt, day(2025, 10, 11)));
  EXPECT_FALSE(is_overdue(false, due, day(2025, 10, 10), day(2026, 1, 1)));
  EXPECT_TRUE(is_overdue(false, due, day(2025, 10, 12), day(2025, 10, 12)));
}

TEST(FeedbackReporter, RatesOnceAndReopensWithinTheWindow) {
  EXPECT_TRUE(may_rate(Status::resolved, false));
  EXPECT_TRUE(may_rate(Status::not_relevant, false));
  EXPECT_FALSE(may_rate(Status::resolved, true));
  EXPECT_FALSE(may_rate(Status::in_progress, false));
  EXPECT_FALSE(may_rate(Status::forwarded, false));
  const auto closed = day(2025, 9, 28);
  EXPECT_TRUE(may_reopen(Status::resolved, closed, day(2025, 10, 12), 14));
  EXPECT_FALSE(may_reopen(Status::resolved, closed, day(2025, 10, 13), 14));
  EXPECT_FALSE(may_reopen(Status::resolved, closed, day(2025, 9, 29), 0));
  EXPECT_FALSE(may_reopen(Status::merged, closed, day(2025, 9, 29), 14));
}

TEST(FeedbackTrackingCode, IsRandomReadableAndNormalised) {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    const auto code = new_tracking_code();
    ASSERT_EQ(code.size(), 14u) << code;
    EXPECT_EQ(code.substr(0, 3), "RK-");
    EXPECT_EQ(code[8], '-');
    EXPECT_EQ(code.find_first_of("01OIL", 3), std::string::npos) << code;
    EXPECT_EQ(normalize_tracking_code(code), code);
    seen.insert(code);
  }
  EXPECT_EQ(seen.size(), 200u);
  EXPECT_EQ(normalize_tracking_code("rk 7k3qf m2xpa"), "RK-7K3QF-M2XPA");
  EXPECT_EQ(normalize_tracking_code("7K3QFM2XPA"), "RK-7K3QF-M2XPA");
  EXPECT_FALSE(normalize_tracking_code("RK-7K3QF-M2XP"));   // too short
  EXPECT_FALSE(normalize_tracking_code("RK-7K3QF-M2XP0"));  // 0 is not in the alphabet
  EXPECT_FALSE(normalize_tracking_code("../etc/passwd"));
}

TEST(FeedbackReport, ChecksWhatAPersonTyped) {
  Report r;
  r.description = "ไฟถนนดับทั้งซอยมาสามวันแล้ว";
  EXPECT_TRUE(check_report(r).empty());
  r.lat = 13.75;
  EXPECT_EQ(check_report(r), (Problems{{"lat", "feedback_location_invalid"}}));
  r.lon = 200;
  EXPECT_EQ(check_report(r), (Problems{{"lat", "feedback_location_invalid"}}));
  r.lon = 100.5;
  EXPECT_TRUE(check_report(r).empty());
  r.contact_email = "not an address";
  r.contact_phone = "02-123 4567";
  EXPECT_EQ(check_report(r), (Problems{{"contact_email", "email_invalid"}}));
  r.contact_email = "";
  r.contact_phone = "call me";
  EXPECT_EQ(check_report(r), (Problems{{"contact_phone", "feedback_phone_invalid"}}));
  r = {};
  r.description = "สั้นไป";
  EXPECT_EQ(check_report(r), (Problems{{"description", "feedback_description_short"}}));
  r.description = std::string(5001, 'a');
  EXPECT_EQ(check_report(r), (Problems{{"description", "feedback_description_long"}}));
}

TEST(FeedbackReport, CoordinatesAndMedians) {
  EXPECT_EQ(parse_coordinate("13.7563"), 13.7563);
  EXPECT_EQ(parse_coordinate("-0.5"), -0.5);
  EXPECT_FALSE(parse_coordinate(""));
  EXPECT_FALSE(parse_coordinate("13,75"));
  EXPECT_FALSE(parse_coordinate("nan"));
  EXPECT_FALSE(parse_coordinate("1e999"));
  EXPECT_FALSE(median({}));
  EXPECT_EQ(median({3, 1, 2}), 2);
  EXPECT_EQ(median({4, 1, 2, 3}), 2.5);
}

}  // namespace
}  // namespace ruamkit::features::feedback
