// The rules of spaces: validation, the current phase, status changes.
#include "features/spaces/rules.h"

#include <gtest/gtest.h>

namespace ruamkit::features::spaces {
namespace {

using namespace std::chrono;

SpaceFields valid_process() {
  return {"process", "แผนแก้ไขปัญหาฝุ่น PM2.5", "สรุป",          "", "province", "TH-50",
          "involve", {"planning"},          {"environment"}};
}

bool has(const Problems& found, const std::string& field, const std::string& key) {
  for (const auto& [f, k] : found) {
    if (f == field && k == key) return true;
  }
  return false;
}

TEST(SpaceRules, AValidProcessHasNoProblems) { EXPECT_TRUE(check_space(valid_process()).empty()); }

TEST(SpaceRules, TitleIsRequiredAndCountedInCharactersNotBytes) {
  auto s = valid_process();
  s.title = "";
  EXPECT_TRUE(has(check_space(s), "title", "space_title_length"));
  s.title.clear();
  for (int i = 0; i < 300; ++i) s.title += "ก";  // 900 bytes, 300 characters
  EXPECT_TRUE(check_space(s).empty());
  s.title += "ก";
  EXPECT_TRUE(has(check_space(s), "title", "space_title_length"));
}

TEST(SpaceRules, UnknownCodesAreRefused) {
  auto s = valid_process();
  s.level = "manipulate";
  s.kind = "forum";
  s.topics = {"environment", "astrology"};
  s.stages = {"planning", "dreaming"};
  const auto found = check_space(s);
  EXPECT_TRUE(has(found, "level", "space_level_unknown"));
  EXPECT_TRUE(has(found, "kind", "space_kind_unknown"));
  EXPECT_TRUE(has(found, "topics", "space_topic_unknown"));
  EXPECT_TRUE(has(found, "stages", "space_stage_required"));
}

TEST(SpaceRules, AtLeastOneStageAndAProvinceUnlessNational) {
  auto s = valid_process();
  s.stages.clear();
  s.province_code.clear();
  auto found = check_space(s);
  EXPECT_TRUE(has(found, "stages", "space_stage_required"));
  EXPECT_TRUE(has(found, "province_code", "space_province_required"));
  s.stages = {"evaluation"};
  s.scope = "national";
  EXPECT_TRUE(check_space(s).empty());
  s.scope = "local";
  EXPECT_TRUE(has(check_space(s), "province_code", "space_province_required"));
}

TEST(SpaceRules, StatusChangesFollowTheLifeOfASpace) {
  EXPECT_TRUE(may_change_status("draft", "published"));
  EXPECT_FALSE(may_change_status("draft", "archived"));
  EXPECT_TRUE(may_change_status("published", "archived"));
  EXPECT_TRUE(may_change_status("published", "draft"));
  EXPECT_TRUE(may_change_status("archived", "published"));
  EXPECT_FALSE(may_change_status("archived", "draft"));
  EXPECT_FALSE(may_change_status("published", "published"));
  EXPECT_FALSE(may_change_status("draft", "deleted"));
}

TEST(SpaceRules, APhaseEndsOnOrAfterItStarts) {
  EXPECT_TRUE(check_phase("รับฟังความคิดเห็น", "", {"2026-11-01", "2026-11-01"}).empty());
  EXPECT_TRUE(
      has(check_phase("x", "", {"2026-11-02", "2026-11-01"}), "ends_on", "date_end_before_start"));
  EXPECT_TRUE(has(check_phase("x", "", {"2026-11-31", "2026-12-01"}), "starts_on", "date_invalid"));
  EXPECT_TRUE(
      has(check_phase("", "", {"2026-11-01", "2026-12-01"}), "title", "phase_title_length"));
}

TEST(SpaceRules, TheCurrentPhaseIsTheOneTodayFallsIn) {
  const std::vector<PhaseDates> phases = {
      {"2026-10-01", "2026-10-31"}, {"2026-11-01", "2026-11-30"}, {"2026-12-01", "2027-01-31"}};
  EXPECT_EQ(current_phase(phases, year(2026) / 11 / 30), 1u);
  EXPECT_EQ(current_phase(phases, year(2026) / 12 / 1), 2u);
  EXPECT_EQ(current_phase(phases, year(2026) / 10 / 1), 0u);
  EXPECT_FALSE(current_phase(phases, year(2027) / 2 / 1));
  EXPECT_FALSE(current_phase(phases, year(2026) / 9 / 30));
  EXPECT_EQ(phase_state(phases[0], year(2026) / 11 / 15), "past");
  EXPECT_EQ(phase_state(phases[1], year(2026) / 11 / 15), "current");
  EXPECT_EQ(phase_state(phases[2], year(2026) / 11 / 15), "upcoming");
}

TEST(SpaceRules, CommitteeMembersNeedNameSectorPositionAndATerm) {
  EXPECT_TRUE(
      check_member("นางสาวสมใจ", "เครือข่ายภาคประชาชน", "civil_society", "member", "2026-01-01", "")
          .empty());
  const auto found = check_member("", "", "lobby", "king", "soon", "2025-01-01");
  EXPECT_TRUE(has(found, "name", "member_name_length"));
  EXPECT_TRUE(has(found, "affiliation", "member_affiliation_length"));
  EXPECT_TRUE(has(found, "sector", "member_sector_unknown"));
  EXPECT_TRUE(has(found, "position", "member_position_unknown"));
  EXPECT_TRUE(has(found, "term_start", "date_invalid"));
  EXPECT_TRUE(has(check_member("a", "b", "media", "chair", "2026-01-01", "2025-12-31"), "term_end",
                  "date_end_before_start"));
}

TEST(SpaceRules, MeetingRecordsNeedATitleAndADay) {
  EXPECT_TRUE(check_meeting("ครั้งที่ 1/2569", "2026-01-15", "", "", "").empty());
  EXPECT_TRUE(has(check_meeting("", "2026-01-15", "", "", ""), "title", "meeting_title_length"));
  EXPECT_TRUE(has(check_meeting("x", "15/01/2569", "", "", ""), "held_on", "date_invalid"));
  EXPECT_TRUE(has(check_meeting("x", "2026-01-15", "", std::string(100'001, 'a'), ""), "agenda",
                  "text_too_long"));
}

}  // namespace
}  // namespace ruamkit::features::spaces
