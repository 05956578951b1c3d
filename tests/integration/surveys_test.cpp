// Surveys over real HTTP: the builder, one response per account even when
// submissions race, anonymous answers within limits, validation that keeps
// what was typed, results with free text for officials only, exports, and
// permissions.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "integration/inform_support.h"

namespace ruamkit::testing::inform {
namespace {

class Surveys : public InformTest {
 protected:
  // The demo survey of the PCD process: id and its questions' ids in order.
  std::int64_t demo_survey() { return integer("SELECT id FROM surveys ORDER BY id LIMIT 1"); }
  std::vector<std::int64_t> question_ids(std::int64_t survey) {
    std::vector<std::int64_t> ids;
    storage::Database db(server.database_path(), 1);
    db.read([&](storage::Connection& c) {
      auto rows =
          c.query("SELECT id FROM survey_questions WHERE survey_id = ? ORDER BY position", survey);
      while (rows.next()) ids.push_back(rows.integer(0));
    });
    return ids;
  }
  // A complete, valid set of answers to the demo survey.
  FormFields answers(std::int64_t survey, const std::string& text = "ขอให้ตรวจควันดำจริงจัง") {
    const auto q = question_ids(survey);
    return {{"q" + std::to_string(q[0]), "4"},
            {"q" + std::to_string(q[1]), "0"},
            {"q" + std::to_string(q[2]), "1"},
            {"q" + std::to_string(q[2]), "2"},
            {"q" + std::to_string(q[3]), text}};
  }
};

TEST_F(Surveys, OneResponsePerAccountEvenWhenSubmissionsRace) {
  const auto id = demo_survey();
  const auto url = "/surveys/" + std::to_string(id);
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  citizen.get(url);
  const auto fields = answers(id);
  std::atomic<int> accepted{0}, refused{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 6; ++i) {
    threads.emplace_back([&] {
      Browser copy = citizen;  // the same session and token
      const auto r = copy.post(url + "/responses", fields);
      if (r.status == 200) ++accepted;
      if (r.status == 409) ++refused;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(accepted.load(), 1);
  EXPECT_EQ(refused.load(), 5);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM survey_responses WHERE survey_id = ?", id), 1);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM survey_answers a JOIN survey_responses r ON r.id = "
                    "a.response_id WHERE r.survey_id = ?",
                    id),
            5);
  EXPECT_TRUE(contains(citizen.get(url).body, ui_html("surveys.already_text")));
}

TEST_F(Surveys, MissingAndInvalidAnswersAreRefusedAndWhatWasTypedIsKept) {
  const auto id = demo_survey();
  const auto url = "/surveys/" + std::to_string(id);
  const auto q = question_ids(id);
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  citizen.get(url);
  // The required scale is missing; the text answer must come back.
  auto r = citizen.post(url + "/responses", {{"q" + std::to_string(q[2]), "0"},
                                             {"q" + std::to_string(q[3]), "ข้อความที่พิมพ์ไว้"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, ui_html("errors.form.answer_required")));
  EXPECT_TRUE(contains(r.body, "ข้อความที่พิมพ์ไว้")) << "the typed answer is kept";
  EXPECT_TRUE(contains(r.body, "value=\"0\" checked")) << "the ticked choice is kept";
  // Out of range, two answers to a single choice, an unknown option.
  for (const FormFields& bad :
       {FormFields{{"q" + std::to_string(q[0]), "9"}, {"q" + std::to_string(q[2]), "0"}},
        FormFields{{"q" + std::to_string(q[0]), "3"},
                   {"q" + std::to_string(q[1]), "0"},
                   {"q" + std::to_string(q[1]), "1"},
                   {"q" + std::to_string(q[2]), "0"}},
        FormFields{{"q" + std::to_string(q[0]), "3"}, {"q" + std::to_string(q[2]), "99"}}}) {
    EXPECT_EQ(citizen.post(url + "/responses", bad).status, 422);
  }
  EXPECT_EQ(integer("SELECT COUNT(*) FROM survey_responses"), 0) << "nothing half-written";
  // An overlong written answer.
  auto fields = answers(id, std::string(6000, 'a'));
  EXPECT_EQ(citizen.post(url + "/responses", fields).status, 422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM survey_responses"), 0);
}

TEST_F(Surveys, AnonymousAnswersAreAllowedWhereTheSurveySaysAndLimitedPerNetwork) {
  const auto id = demo_survey();
  const auto url = "/surveys/" + std::to_string(id);
  for (int i = 0; i < 20; ++i) {
    Browser visitor(server.port());
    visitor.get(url);
    ASSERT_EQ(visitor.post(url + "/responses", answers(id)).status, 200) << i;
  }
  Browser one_more(server.port());
  one_more.get(url);
  EXPECT_EQ(one_more.post(url + "/responses", answers(id)).status, 429);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM survey_responses WHERE user_id IS NULL"), 20);
  EXPECT_EQ(integer("SELECT COUNT(DISTINCT address_digest) FROM survey_responses"), 1);
  EXPECT_EQ(
      integer("SELECT COUNT(*) FROM survey_responses WHERE address_digest LIKE '%127.0.0.1%'"), 0)
      << "the address itself is not stored";
  // A survey that wants accounts sends visitors to sign in.
  storage::Database(server.database_path(), 1).write([&](storage::Connection& c) {
    c.execute("UPDATE surveys SET anonymous_allowed = 0 WHERE id = ?", id);
  });
  Browser visitor(server.port());
  visitor.get(url);
  const auto r = visitor.post(url + "/responses", answers(id));
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location").value_or("").rfind("/login", 0), 0u);
}

TEST_F(Surveys, ResultsAreChartsWithTablesAndWrittenAnswersStayWithTheOfficials) {
  const auto id = demo_survey();
  const auto url = "/surveys/" + std::to_string(id);
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  citizen.get(url);
  ASSERT_EQ(citizen.post(url + "/responses", answers(id, "ความเห็นส่วนตัวของสมศรี")).status, 200);
  Browser visitor(server.port());
  const auto results = visitor.get(url + "/results");
  ASSERT_EQ(results.status, 200);
  EXPECT_TRUE(contains(results.body, "<svg class=\"bar-chart\""));
  EXPECT_TRUE(contains(results.body, "<th scope=\"row\">เกษตรกร</th><td>1</td><td>100%</td>"));
  EXPECT_FALSE(contains(results.body, "ความเห็นส่วนตัวของสมศรี"));
  const auto api = visitor.get("/api/v1/surveys/" + std::to_string(id));
  EXPECT_FALSE(contains(api.body, "ความเห็นส่วนตัวของสมศรี"));
  EXPECT_TRUE(contains(api.body, "\"counts\":[1,0,0,0,0,0]"));
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  EXPECT_TRUE(contains(pcd.get(url + "/results").body, "ความเห็นส่วนตัวของสมศรี"));
  const auto csv = pcd.get("/manage/surveys/" + std::to_string(id) + "/responses.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u);
  EXPECT_TRUE(contains(csv.body, "\"ความเห็นส่วนตัวของสมศรี\""));
  EXPECT_TRUE(contains(csv.body, "\"สนับสนุนเครื่องจักรไถกลบแทนการเผา; ระบบแจ้งเหตุการเผาผ่านโทรศัพท์\""));
  const auto xlsx = pcd.get("/manage/surveys/" + std::to_string(id) + "/responses.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  Browser other(server.port());
  sign_in(other, kChiangMai);
  EXPECT_EQ(other.get("/manage/surveys/" + std::to_string(id) + "/responses.csv").status, 403);
  EXPECT_EQ(citizen.get("/manage/surveys/" + std::to_string(id) + "/responses.csv").status, 403);
}

TEST_F(Surveys, TheBuilderMakesADraftThatOnlyItsOrganisationSees) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  pcd.get("/manage/spaces/2/surveys/new");
  auto r = pcd.post("/manage/spaces/2/surveys", {{"title", "สำรวจการใช้ขนส่งสาธารณะ"},
                                                 {"intro", ""},
                                                 {"opens_on", "2026-01-01"},
                                                 {"closes_on", "2090-01-01"}});
  ASSERT_EQ(r.status, 303);
  const auto manage = r.header("location").value_or("").substr(0, r.header("location")->find('?'));
  const auto id = manage.substr(manage.rfind('/') + 1);
  pcd.get(manage);
  // Too few options; then a good question.
  EXPECT_EQ(pcd.post(manage + "/questions",
                     {{"prompt", "คุณเดินทางอย่างไร"}, {"kind", "single"}, {"options", "รถเมล์"}})
                .status,
            422);
  EXPECT_EQ(pcd.post(manage + "/questions", {{"prompt", "คุณเดินทางอย่างไร"},
                                             {"kind", "single"},
                                             {"required", "yes"},
                                             {"options", "รถเมล์\nรถไฟฟ้า\n\nเดิน"}})
                .status,
            303);
  EXPECT_EQ(text("SELECT options FROM survey_questions WHERE survey_id = ?",
                 static_cast<std::int64_t>(std::stol(id))),
            "รถเมล์\nรถไฟฟ้า\nเดิน");
  Browser visitor(server.port());
  EXPECT_EQ(visitor.get("/surveys/" + id).status, 404) << "a draft is not public";
  Browser other(server.port());
  sign_in(other, kChiangMai);
  EXPECT_EQ(other.get(manage).status, 403);
  EXPECT_EQ(other.post(manage + "/publish", {}).status, 403);
  ASSERT_EQ(pcd.post(manage + "/publish", {}).status, 303);
  EXPECT_EQ(visitor.get("/surveys/" + id).status, 200);
  EXPECT_EQ(pcd.post(manage + "/questions", {{"prompt", "เพิ่มทีหลัง"}, {"kind", "long"}}).status, 403)
      << "questions are fixed once published";
  const auto found =
      visitor.get("/search?kind=survey&q=%E0%B8%82%E0%B8%99%E0%B8%AA%E0%B9%88%E0%B8%87");
  EXPECT_TRUE(contains(found.body, "/surveys/" + id));
}

}  // namespace
}  // namespace ruamkit::testing::inform
