// Public hearings over real HTTP: the minimum hearing period, drafts kept
// from the public, Buddhist-Era dates, the whole life of a hearing (comments,
// closing, the revised text, issues, the summary report and who hears of
// it, the readable diff), the comment exports and who may download them,
// and what is refused once a hearing has closed.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>
#include <fstream>
#include <map>

#include "integration/consult_support.h"

namespace ruamkit::testing::consult {
namespace {

namespace json = boost::json;

// Looked up when a test runs (not at start-up, when tests are only listed).
std::string too_short() { return ui_html("errors.form.hearing_too_short"); }
std::string draft_banner() { return ui_html("hearings.draft_banner"); }

std::string hearing_url(std::int64_t id) { return "/hearings/" + std::to_string(id); }
std::string manage_url(std::int64_t id) { return "/manage/hearings/" + std::to_string(id); }
std::string hearing_link(std::int64_t id) { return "href=\"" + hearing_url(id) + "\""; }

// Runs `command` through the shell; returns what it printed on stdout.
std::string shell(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run " + command);
  std::string out;
  std::array<char, 4096> chunk;
  while (const auto n = fread(chunk.data(), 1, chunk.size(), pipe)) out.append(chunk.data(), n);
  pclose(pipe);
  return out;
}

using Hearings = ConsultTest;

TEST_F(Hearings, PublishingNeedsAPeriodOfAtLeastFifteenDays) {
  Browser pcd = signed_in(kPcd);
  const auto id =
      create_hearing(pcd, demo_process(), "ร่างระเบียบว่าด้วยการรับฟังสิบสี่วัน", day(0), day(13));
  EXPECT_EQ(text("SELECT status FROM hearings WHERE id = ?", id), "draft");
  EXPECT_EQ(
      integer("SELECT COUNT(*) FROM hearing_versions WHERE hearing_id = ? AND number = 1", id), 1)
      << "a new hearing has an empty version 1";

  // Without sections it cannot be published at all.
  auto refused = publish_hearing(pcd, id);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, ui_html("errors.form.hearing_no_sections")));

  add_section(pcd, id, "ข้อ 1", "ข้อความของข้อ 1");
  refused = publish_hearing(pcd, id);
  EXPECT_EQ(refused.status, 422) << "14 days, both included";
  EXPECT_TRUE(contains(refused.body, too_short()));
  EXPECT_TRUE(contains(refused.body,
                       "(" + ui_html_format("hearings.days", {{"count", std::int64_t{14}}}) + ")"))
      << "the form page shows the period";
  EXPECT_EQ(text("SELECT status FROM hearings WHERE id = ?", id), "draft");
  EXPECT_EQ(integer("SELECT published_at IS NULL FROM hearings WHERE id = ?", id), 1);
  Browser visitor(server.port());
  EXPECT_EQ(visitor.get(hearing_url(id)).status, 404);

  // One more day is enough.
  pcd.get(manage_url(id));
  auto saved = pcd.post(manage_url(id),
                        hearing_fields("ร่างระเบียบว่าด้วยการรับฟังสิบห้าวัน", day(0), day(14), false));
  ASSERT_EQ(saved.status, 303) << saved.body.substr(0, 2000);
  const auto published = publish_hearing(pcd, id);
  EXPECT_EQ(published.status, 303) << published.body.substr(0, 3000);
  EXPECT_EQ(published.header("location"), manage_url(id) + "?notice=published");
  EXPECT_EQ(text("SELECT status FROM hearings WHERE id = ?", id), "published");
  EXPECT_EQ(visitor.get(hearing_url(id)).status, 200);

  // Once published, the details are fixed.
  pcd.get(manage_url(id));
  EXPECT_EQ(
      pcd.post(manage_url(id), hearing_fields("เปลี่ยนชื่อหลังเผยแพร่", day(0), day(14), false)).status,
      403);
  EXPECT_EQ(text("SELECT title FROM hearings WHERE id = ?", id), "ร่างระเบียบว่าด้วยการรับฟังสิบห้าวัน");
}

TEST_F(Hearings, AHearingThatClosedInThePastCannotBePublished) {
  Browser pcd = signed_in(kPcd);
  const auto id = create_hearing(pcd, demo_process(), "ร่างที่ปิดรับไปแล้ว", day(-40), day(-1));
  add_section(pcd, id, "ข้อ 1", "ข้อความ");
  const auto refused = publish_hearing(pcd, id);
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, ui_html("errors.form.hearing_closes_in_past")));
  EXPECT_EQ(text("SELECT status FROM hearings WHERE id = ?", id), "draft");
}

class HearingsWithAThirtyDayMinimum : public ConsultTest {
 protected:
  HearingsWithAThirtyDayMinimum() : ConsultTest({"--hearing-min-days", "30"}) {}
};

TEST_F(HearingsWithAThirtyDayMinimum, TheConfiguredMinimumApplies) {
  Browser pcd = signed_in(kPcd);
  const auto id = create_hearing(pcd, demo_process(), "ร่างแผนยี่สิบวัน", day(0), day(19));
  add_section(pcd, id, "ส่วนที่ 1", "ข้อความ");
  const auto refused = publish_hearing(pcd, id);
  EXPECT_EQ(refused.status, 422) << "20 days is below a 30-day minimum";
  EXPECT_TRUE(contains(refused.body, too_short()));
  EXPECT_EQ(text("SELECT status FROM hearings WHERE id = ?", id), "draft");

  const auto longer = create_hearing(pcd, demo_process(), "ร่างแผนสามสิบวัน", day(0), day(29));
  add_section(pcd, longer, "ส่วนที่ 1", "ข้อความ");
  EXPECT_EQ(publish_hearing(pcd, longer).status, 303);
  EXPECT_EQ(text("SELECT status FROM hearings WHERE id = ?", longer), "published");
}

TEST_F(Hearings, ADraftIsHiddenFromThePublicUntilPublished) {
  const std::string word = "กระต่ายเหินหาวข้ามดอยสุเทพ";
  const std::string title = "ร่างประกาศ " + word;
  Browser pcd = signed_in(kPcd);
  const auto id = create_hearing(pcd, demo_process(), title, day(0), day(29));
  add_section(pcd, id, "ข้อ 1 " + word, "ข้อความเกี่ยวกับ" + word);
  const auto url = hearing_url(id);
  const auto process = "/processes/" + std::to_string(demo_process());
  Browser visitor(server.port());
  Browser citizen = signed_in(kCitizen);
  Browser chiang_mai = signed_in(kChiangMai);

  EXPECT_EQ(visitor.get(url).status, 404);
  EXPECT_EQ(citizen.get(url).status, 404);
  EXPECT_EQ(chiang_mai.get(url).status, 404) << "another organisation's official";
  EXPECT_EQ(chiang_mai.get(manage_url(id)).status, 403);
  const auto process_page = visitor.get(process);
  ASSERT_EQ(process_page.status, 200);
  EXPECT_TRUE(contains(process_page.body, hearing_link(demo_hearing())))
      << "the published demo hearing is listed";
  EXPECT_FALSE(contains(process_page.body, hearing_link(id)));
  EXPECT_FALSE(contains(process_page.body, word));
  EXPECT_TRUE(search_results(visitor.get("/search?q=" + q(word)).body).empty());
  EXPECT_TRUE(search_results(visitor.get("/search?kind=hearing&q=" + q(word)).body).empty());
  EXPECT_EQ(visitor.get("/api/v1" + url).status, 404);
  EXPECT_FALSE(
      contains(visitor.get("/api/v1/hearings").body, "\"id\":" + std::to_string(id) + ","));
  // Nobody may comment on it, not even its own official.
  const auto before = comments_total();
  EXPECT_EQ(post_comment(citizen, {"hearing", id, "ความคิดเห็นต่อร่างที่ยังไม่เผยแพร่"}).status, 404);
  EXPECT_EQ(post_comment(pcd, {"hearing", id, "ความคิดเห็นของเจ้าหน้าที่"}).status, 404);
  EXPECT_EQ(comments_total(), before);

  const auto own = pcd.get(url);
  ASSERT_EQ(own.status, 200) << "the owner previews the draft";
  EXPECT_TRUE(contains(own.body, draft_banner()));
  EXPECT_TRUE(contains(pcd.get("/manage/spaces/" + std::to_string(demo_process())).body,
                       "href=\"" + manage_url(id) + "\""))
      << "the workspace lists the draft";

  ASSERT_EQ(publish_hearing(pcd, id).status, 303);
  const auto shown = visitor.get(url);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, "<h1>" + title + "</h1>"));
  EXPECT_FALSE(contains(shown.body, draft_banner()));
  EXPECT_TRUE(contains(visitor.get(process).body, hearing_link(id)));
  const auto results = search_results(visitor.get("/search?kind=hearing&q=" + q(word)).body);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].url, url);
  EXPECT_EQ(results[0].title, title);
  EXPECT_EQ(visitor.get("/api/v1" + url).status, 200);

  // A published hearing inside a process taken back to draft is hidden again.
  set_space_status(pcd, demo_process(), "draft");
  EXPECT_EQ(visitor.get(url).status, 404);
  EXPECT_TRUE(search_results(visitor.get("/search?q=" + q(word)).body).empty());
}

TEST_F(Hearings, APublishedHearingShowsItsPeriodInBuddhistEraDates) {
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, "ร่างนโยบายวันที่ไทย", {{"ข้อ 1", "ข้อความ"}}, false, 21);
  Browser visitor(server.port());
  const auto page = visitor.get(hearing_url(id));
  ASSERT_EQ(page.status, 200);
  const auto from = thai_date(day(0));
  const auto to = thai_date(day(20));
  EXPECT_TRUE(contains(
      page.body, "<time datetime=\"" + day(0) + "\">" +
                     ui_html_format("hearings.period", {{"from", from}, {"to", to}}) + "</time> (" +
                     ui_html_format("hearings.days", {{"count", std::int64_t{21}}}) + ")"))
      << from << " – " << to << "\n"
      << find(page.body,
              "(<dt>" + regex_escape(ui_html("hearings.period_label")) + "</dt>.*?</dd>)");
  const auto ce_year = day(0).substr(0, 4);
  EXPECT_FALSE(
      contains(find(page.body, R"re(<time datetime="[^"]*">([^<]*)</time> \()re"), " " + ce_year))
      << "no Common-Era year in Thai";
  EXPECT_TRUE(
      contains(page.body, ui_html_format("hearings.counts", {{"participants", std::int64_t{0}},
                                                             {"comments", std::int64_t{0}}})));
  EXPECT_TRUE(contains(page.body, ui_html("hearings.named_only"))) << "named-only";

  // In English the years are Common Era.
  visitor.set_cookie("ruamkit_lang", "en");
  const auto english = visitor.get(hearing_url(id));
  const auto shown = find(english.body, R"re(<time datetime="[^"]*">([^<]*)</time> \()re");
  EXPECT_TRUE(contains(shown, ce_year)) << shown;
  EXPECT_FALSE(contains(shown, std::to_string(std::stoi(ce_year) + 543))) << shown;
}

TEST_F(Hearings, TheTextCannotChangeWhileTheHearingIsOpen) {
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, "ร่างที่ตัวบทต้องคงที่", {{"ข้อ 1", "ข้อความเดิม"}});
  const auto section = sections_of(id).front();
  const auto manage = manage_url(id);
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage + "/sections", {{"heading", "ข้อ 2"}, {"body", "แอบเพิ่ม"}}).status, 403);
  EXPECT_EQ(pcd.post(manage + "/sections/" + std::to_string(section),
                     {{"heading", "ข้อ 1"}, {"body", "แอบแก้"}})
                .status,
            404);
  EXPECT_EQ(pcd.post(manage + "/sections/" + std::to_string(section) + "/delete", {}).status, 404);
  EXPECT_EQ(text("SELECT body FROM hearing_sections WHERE id = ?", section), "ข้อความเดิม");
  EXPECT_EQ(sections_of(id).size(), 1u);
  EXPECT_EQ(pcd.post(manage + "/revision", {}).status, 403) << "no revision while open";
  EXPECT_EQ(integer("SELECT COUNT(*) FROM hearing_versions WHERE hearing_id = ?", id), 1);
}

TEST_F(Hearings, TheWholeLifeOfAHearing) {
  const std::string title = "ร่างประกาศกรมควบคุมมลพิษ เรื่อง ค่าปรับการเผาในที่โล่ง";
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, title,
                               {{"ข้อ 1 บทนิยาม", "การเผาในที่โล่ง หมายถึง การเผาวัสดุใด ๆ นอกอาคาร"},
                                {"ข้อ 2 ค่าปรับ", "ผู้ฝ่าฝืนต้องชำระค่าปรับ 2000 บาท ต่อครั้ง"},
                                {"ข้อ 3 การแจ้งเหตุ", "ผู้พบเห็นแจ้งได้ที่ศูนย์ดำรงธรรม"}});
  const auto sections = sections_of(id);
  ASSERT_EQ(sections.size(), 3u);
  const auto url = hearing_url(id);

  // Two citizens take part; a third only reads.
  Browser somsri = signed_in(kCitizen);
  Browser wichai = new_citizen("wichai@example.org", "วิชัย ใจดี");
  Browser reader = new_citizen("reader@example.org", "ผู้อ่านเฉย ๆ");
  const auto on_section =
      comment(somsri, {"hearing_section", sections[1], "ค่าปรับ 2000 บาท น้อยเกินไป", "disagree"});
  const auto on_whole = comment(wichai, {"hearing", id, "เห็นด้วยกับร่างทั้งฉบับ"});
  const auto page = reader.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(
      contains(page.body, ui_html_format("hearings.counts", {{"participants", std::int64_t{2}},
                                                             {"comments", std::int64_t{2}}})));
  const auto first = comment_html(page.body, on_section);
  EXPECT_TRUE(contains(first, kCitizenName));
  EXPECT_TRUE(contains(first, "stance--disagree\">" + ui_html("comments.stances.disagree")));
  // The section comment is in the section's thread, the other one on the whole draft.
  const auto section_block = page.body.find("id=\"section-" + std::to_string(sections[1]) + "\"");
  const auto whole_block = page.body.find("id=\"whole\"");
  ASSERT_NE(section_block, std::string::npos);
  ASSERT_NE(whole_block, std::string::npos);
  EXPECT_GT(page.body.find("id=\"comment-" + std::to_string(on_section) + "\""), section_block);
  EXPECT_LT(page.body.find("id=\"comment-" + std::to_string(on_section) + "\""), whole_block);
  EXPECT_GT(page.body.find("id=\"comment-" + std::to_string(on_whole) + "\""), whole_block);

  // It closes; the agency writes the revised text and the report.
  close_hearing(id);
  auto manage = pcd.get(manage_url(id));
  ASSERT_EQ(manage.status, 200);
  EXPECT_TRUE(contains(manage.body, ui_html("hearings.manage.start_revision")));
  EXPECT_EQ(pcd.post(manage_url(id) + "/revision", {}).status, 303);
  const auto revised = sections_of(id, 2);
  ASSERT_EQ(revised.size(), 3u) << "version 2 starts as a copy of version 1";
  EXPECT_EQ(text("SELECT body FROM hearing_sections WHERE id = ?", revised[1]),
            "ผู้ฝ่าฝืนต้องชำระค่าปรับ 2000 บาท ต่อครั้ง");
  pcd.get(manage_url(id));
  EXPECT_EQ(pcd.post(manage_url(id) + "/revision", {}).status, 403) << "only one revision";
  // Version 1 stays as people commented on it.
  pcd.get(manage_url(id));
  EXPECT_EQ(pcd.post(manage_url(id) + "/sections/" + std::to_string(sections[1]),
                     {{"heading", "ข้อ 2 ค่าปรับ"}, {"body", "แก้ฉบับที่ 1"}})
                .status,
            404);
  const auto edit_url = manage_url(id) + "/sections/" + std::to_string(revised[1]);
  ASSERT_EQ(pcd.get(edit_url).status, 200);
  EXPECT_EQ(
      pcd.post(edit_url, {{"heading", "ข้อ 2 ค่าปรับ"}, {"body", "ผู้ฝ่าฝืนต้องชำระค่าปรับ 5000 บาท ต่อครั้ง"}})
          .status,
      303);
  pcd.get(manage_url(id));
  EXPECT_EQ(pcd.post(manage_url(id) + "/version-note", {{"note", "เพิ่มค่าปรับตามความคิดเห็น"}}).status,
            303);
  EXPECT_EQ(text("SELECT body FROM hearing_sections WHERE id = ?", sections[1]),
            "ผู้ฝ่าฝืนต้องชำระค่าปรับ 2000 บาท ต่อครั้ง");

  // Before the report, only the agency sees the changes, and search knows the draft only.
  Browser visitor(server.port());
  EXPECT_EQ(urls_of(search_results(visitor.get("/search?kind=hearing&q=2000").body)),
            std::set<std::string>{url});
  EXPECT_TRUE(search_results(visitor.get("/search?kind=hearing&q=5000").body).empty());
  EXPECT_EQ(visitor.get(url + "/changes").status, 404);
  EXPECT_EQ(pcd.get(url + "/changes").status, 200);

  pcd.get(manage_url(id));
  const auto issue =
      pcd.post(manage_url(id) + "/issues", {{"title", "ค่าปรับต่ำเกินไป"},
                                            {"response", "หน่วยงานปรับค่าปรับเป็น 5000 บาท"},
                                            {"reasons", "เพื่อให้มีผลยับยั้งการเผา"},
                                            {"outcome", "changed"},
                                            {"comments", std::to_string(on_section)}});
  EXPECT_EQ(issue.status, 303) << issue.body.substr(0, 3000);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM hearing_issue_comments l JOIN hearing_issues i ON "
                    "i.id = l.issue_id WHERE i.hearing_id = ? AND l.comment_id = ?",
                    id, on_section),
            1);

  // The summary is required before publication.
  pcd.get(manage_url(id));
  const auto empty = pcd.post(manage_url(id) + "/summary/publish", {});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, ui_html("errors.form.hearing_summary_required")));
  EXPECT_EQ(integer("SELECT summary_published_at IS NULL FROM hearings WHERE id = ?", id), 1);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM notifications WHERE kind = 'hearing_summary'"), 0);

  EXPECT_EQ(
      pcd.post(manage_url(id) + "/summary", {{"summary", "ได้รับความคิดเห็น 2 รายการ หน่วยงานแก้ไขข้อ 2"}})
          .status,
      303);
  pcd.get(manage_url(id));
  const auto reported = pcd.post(manage_url(id) + "/summary/publish", {});
  EXPECT_EQ(reported.status, 303) << reported.body.substr(0, 3000);
  EXPECT_EQ(reported.header("location"), manage_url(id) + "?notice=reported");

  // Everyone who took part hears of it, by mail and in the inbox; nobody else.
  const std::string inbox_text =
      ui_format("notifications.kinds.hearing_summary", {{"title", title}});
  const std::string subject = ui_format("mail.notification.subject", {{"text", inbox_text}});
  EXPECT_EQ(mails_to(kCitizen, subject), 1);
  EXPECT_EQ(mails_to("wichai@example.org", subject), 1);
  EXPECT_EQ(mails_to("reader@example.org", title), 0);
  EXPECT_EQ(mails_to(kPcd, title), 0);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM mail_outbox WHERE subject = ?", subject), 2);
  EXPECT_TRUE(contains(text("SELECT body_text FROM mail_outbox WHERE to_address = ? AND "
                            "subject = ?",
                            std::string(kCitizen), subject),
                       url + "#report"));
  EXPECT_TRUE(contains(somsri.get("/notifications").body, mustache_escape(inbox_text)));
  EXPECT_TRUE(contains(wichai.get("/notifications").body, mustache_escape(inbox_text)));
  EXPECT_FALSE(contains(reader.get("/notifications").body, mustache_escape(inbox_text)));

  // The report is public; the author of a linked comment finds it marked.
  const auto report = visitor.get(url);
  ASSERT_EQ(report.status, 200);
  EXPECT_TRUE(contains(report.body, ui_html("hearings.report_heading")));
  EXPECT_TRUE(contains(report.body, "ได้รับความคิดเห็น 2 รายการ หน่วยงานแก้ไขข้อ 2"));
  EXPECT_TRUE(contains(report.body, "ค่าปรับต่ำเกินไป <span class=\"outcome outcome--changed\">" +
                                        ui_html("hearings.outcomes.changed") + "</span>"));
  EXPECT_TRUE(contains(report.body, "หน่วยงานปรับค่าปรับเป็น 5000 บาท"));
  EXPECT_TRUE(contains(report.body, "เพื่อให้มีผลยับยั้งการเผา"));
  EXPECT_TRUE(contains(report.body, "href=\"" + url + "#comment-" + std::to_string(on_section) +
                                        "\">" + kCitizenName + "</a>"));
  EXPECT_TRUE(contains(report.body, "href=\"" + url + "/changes\""));
  EXPECT_FALSE(contains(report.body, ui_html("hearings.your_comment")));
  const auto mine = somsri.get(url);
  EXPECT_TRUE(contains(mine.body, "<li class=\"issue__mine\"><strong>" +
                                      ui_html("hearings.your_comment") + "</strong>"));
  EXPECT_TRUE(contains(mine.body, "<details class=\"issue__comments\" open>"));
  EXPECT_FALSE(contains(wichai.get(url).body, ui_html("hearings.your_comment")))
      << "wichai's comment is not linked to the issue";

  // Search now finds the revised text.
  EXPECT_EQ(urls_of(search_results(visitor.get("/search?kind=hearing&q=5000").body)),
            std::set<std::string>{url});

  // The readable diff is public now.
  const auto changes = visitor.get(url + "/changes");
  ASSERT_EQ(changes.status, 200);
  EXPECT_TRUE(contains(changes.body, "<del>2000</del>")) << changes.body.substr(0, 6000);
  EXPECT_TRUE(contains(changes.body, "<ins>5000</ins>"));
  EXPECT_TRUE(contains(changes.body, "เพิ่มค่าปรับตามความคิดเห็น"));
  EXPECT_EQ(occurrences(changes.body, "<del>"), 1u) << "only the changed word";
  EXPECT_EQ(occurrences(changes.body, "<ins>"), 1u);

  // After the report, nothing more changes.
  pcd.get(manage_url(id));
  EXPECT_EQ(pcd.post(edit_url, {{"heading", "ข้อ 2"}, {"body", "แก้หลังเผยแพร่"}}).status, 404);
  EXPECT_EQ(pcd.post(manage_url(id) + "/summary/publish", {}).status, 403);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM mail_outbox WHERE subject = ?", subject), 2);

  // The open data has the report and the revised text.
  const auto api = json::parse(visitor.get("/api/v1" + url).body);
  const auto& summary = api.at("data").at("summary");
  EXPECT_EQ(summary.at("issues").as_array().size(), 1u);
  EXPECT_EQ(summary.at("revised_text").as_array().at(1).at("body").as_string(),
            "ผู้ฝ่าฝืนต้องชำระค่าปรับ 5000 บาท ต่อครั้ง");
}

TEST_F(Hearings, ACommentOnAClosedHearingIsRefused) {
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, "ร่างที่กำลังจะปิด", {{"ข้อ 1", "ข้อความ"}});
  const auto section = sections_of(id).front();
  Browser citizen = signed_in(kCitizen);
  comment(citizen, {"hearing", id, "ทันก่อนปิด"});
  close_hearing(id);
  const auto before = comments_total();
  for (const Comment& m : {Comment{"hearing", id, "ส่งหลังปิดรับ"},
                           Comment{"hearing_section", section, "ส่งหลังปิดรับต่อข้อ 1"}}) {
    const auto r = post_comment(citizen, m);
    EXPECT_EQ(r.status, 409) << m.target_kind;
    EXPECT_TRUE(contains(r.body, ui_html("errors.form.comments_closed"))) << m.target_kind;
  }
  EXPECT_EQ(comments_total(), before);
  EXPECT_EQ(citizen.get("/comments/new?target_kind=hearing&target_id=" + std::to_string(id)).status,
            403);
  const auto page = citizen.get(hearing_url(id));
  EXPECT_TRUE(contains(page.body, ui_html("hearings.states.closed")));
  EXPECT_FALSE(contains(page.body, "action=\"/comments\"")) << "no comment form";

  // Not open yet is not open either.
  execute("UPDATE hearings SET opens_on = ?, closes_on = ? WHERE id = ?", day(3), day(40), id);
  EXPECT_EQ(post_comment(citizen, {"hearing", id, "ส่งก่อนเปิดรับ"}).status, 409);
  EXPECT_EQ(comments_total(), before);
}

TEST_F(Hearings, AnIssueMayOnlyGroupTheHearingsOwnComments) {
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, "ร่างที่หนึ่ง", {{"ข้อ 1", "ข้อความ"}});
  const auto other = open_hearing(pcd, "ร่างที่สอง", {{"ข้อ 1", "ข้อความ"}});
  Browser citizen = signed_in(kCitizen);
  const auto own = comment(citizen, {"hearing", id, "ความคิดเห็นต่อร่างที่หนึ่ง"});
  const auto foreign = comment(citizen, {"hearing", other, "ความคิดเห็นต่อร่างที่สอง"});
  const auto demo = comment(citizen, {"hearing", demo_hearing(), "ความคิดเห็นต่อร่างสาธิต"});
  close_hearing(id);
  pcd.get(manage_url(id));
  for (const auto comment_id : {foreign, demo}) {
    const auto r = pcd.post(manage_url(id) + "/issues", {{"title", "ประเด็น"},
                                                         {"response", "คำชี้แจง"},
                                                         {"reasons", ""},
                                                         {"outcome", "not_changed"},
                                                         {"comments", std::to_string(own)},
                                                         {"comments", std::to_string(comment_id)}});
    EXPECT_EQ(r.status, 400) << comment_id;
  }
  EXPECT_EQ(pcd.post(manage_url(id) + "/issues", {{"title", "ประเด็น"},
                                                  {"response", "คำชี้แจง"},
                                                  {"outcome", "not_changed"},
                                                  {"comments", "not-a-number"}})
                .status,
            400);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM hearing_issues"), 0);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM hearing_issue_comments"), 0);
  // Without the foreign comment it is accepted.
  const auto ok = pcd.post(manage_url(id) + "/issues", {{"title", "ประเด็น"},
                                                        {"response", "คำชี้แจง"},
                                                        {"outcome", "not_changed"},
                                                        {"comments", std::to_string(own)}});
  EXPECT_EQ(ok.status, 303) << ok.body.substr(0, 2000);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM hearing_issue_comments"), 1);
  // And nobody else's official may add issues.
  Browser chiang_mai = signed_in(kChiangMai);
  EXPECT_EQ(
      chiang_mai
          .post(manage_url(id) + "/issues",
                {{"title", "ประเด็นแปลกปลอม"}, {"response", "คำชี้แจง"}, {"outcome", "not_changed"}})
          .status,
      403);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM hearing_issues"), 1);
}

TEST_F(Hearings, TheCommentExportsAreForTheOrganisationsOfficialsOnly) {
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, "ร่างสำหรับส่งออกความคิดเห็น",
                               {{"ข้อ 1 ขอบเขต", "ข้อความ"}, {"ข้อ 2 บทลงโทษ", "ข้อความ"}}, true);
  const auto sections = sections_of(id);
  Browser citizen = signed_in(kCitizen);
  const auto formula =
      comment(citizen, {"hearing_section", sections[1], "=HYPERLINK(\"http://evil.example\")"});
  const auto quoted =
      comment(citizen, {"hearing", id, "ข้อความมี \"เครื่องหมายคำพูด\", จุลภาค", "agree"});
  const auto anonymous = comment(citizen, {"hearing", id, "ความเห็นไม่ระบุชื่อ", "", true});
  const auto reply = comment(citizen, {"hearing", id, "ตอบกลับความเห็นแรก", "", false, quoted});

  const auto csv = pcd.get(manage_url(id) + "/comments.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_TRUE(csv.header("content-type").value_or("").starts_with("text/csv"));
  EXPECT_TRUE(contains(csv.header("content-disposition").value_or(""), "attachment"));
  ASSERT_TRUE(csv.body.starts_with("\xEF\xBB\xBF")) << "a BOM, for Excel to read UTF-8";
  const auto records = csv_records(csv.body.substr(3));
  ASSERT_EQ(records.size(), 5u) << "the header and one row per comment\n" << csv.body;
  EXPECT_EQ(records[0],
            (std::vector<std::string>{ui("hearings.export.id"), ui("hearings.export.created"),
                                      ui("hearings.export.where"), ui("hearings.export.reply_to"),
                                      ui("hearings.export.author"), ui("hearings.export.stance"),
                                      ui("hearings.export.supports"), ui("hearings.export.hidden"),
                                      ui("hearings.export.text")}));
  std::map<std::string, std::vector<std::string>> by_id;
  for (std::size_t i = 1; i < records.size(); ++i) {
    ASSERT_EQ(records[i].size(), 9u) << i;
    by_id[records[i][0]] = records[i];
  }
  const auto& f = by_id[std::to_string(formula)];
  ASSERT_EQ(f.size(), 9u);
  EXPECT_EQ(f[2], "ข้อ 2 บทลงโทษ");
  EXPECT_EQ(f[8], "'=HYPERLINK(\"http://evil.example\")") << "a formula is defused";
  EXPECT_TRUE(contains(csv.body, "\"'=HYPERLINK(\"\"http://evil.example\"\")\""));
  const auto& qd = by_id[std::to_string(quoted)];
  ASSERT_EQ(qd.size(), 9u);
  EXPECT_EQ(qd[2], ui("hearings.export.whole"));
  EXPECT_EQ(qd[4], kCitizenName);
  EXPECT_EQ(qd[5], ui("comments.stances.agree"));
  EXPECT_EQ(qd[8], "ข้อความมี \"เครื่องหมายคำพูด\", จุลภาค");
  const auto& an = by_id[std::to_string(anonymous)];
  ASSERT_EQ(an.size(), 9u);
  EXPECT_EQ(an[4], ui("comments.anonymous_author")) << "anonymous in the export too";
  EXPECT_EQ(by_id[std::to_string(reply)].at(3), std::to_string(quoted));
  EXPECT_FALSE(contains(csv.body, kCitizen)) << "no e-mail addresses";

  const auto xlsx = pcd.get(manage_url(id) + "/comments.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_TRUE(xlsx.body.starts_with("PK")) << "a zip archive";
  EXPECT_EQ(xlsx.header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

  Browser chiang_mai = signed_in(kChiangMai);
  for (const char* format : {"/comments.csv", "/comments.xlsx"}) {
    const auto other = chiang_mai.get(manage_url(id) + format);
    EXPECT_EQ(other.status, 403) << "another organisation's official, " << format;
    EXPECT_FALSE(contains(other.body, "HYPERLINK"));
    const auto mine = citizen.get(manage_url(id) + format);
    EXPECT_EQ(mine.status, 403) << "a citizen, " << format;
    EXPECT_FALSE(contains(mine.body, "HYPERLINK"));
    Browser visitor(server.port());
    const auto anyone = visitor.get(manage_url(id) + format);
    EXPECT_NE(anyone.status, 200) << format;
    EXPECT_FALSE(contains(anyone.body, "HYPERLINK"));
  }
}

// Excel allows 31 characters in a sheet name; a cut inside a UTF-8 sequence
// makes xl/workbook.xml not well-formed and Excel reports the file damaged.
TEST_F(Hearings, TheExcelExportIsAWellFormedWorkbookInThai) {
  Browser pcd = signed_in(kPcd);
  const auto id = open_hearing(pcd, "ร่างสำหรับไฟล์ Excel", {{"ข้อ 1", "ข้อความ"}});
  Browser citizen = signed_in(kCitizen);
  comment(citizen, {"hearing", id, "ความคิดเห็นในไฟล์ Excel"});
  const auto xlsx = pcd.get(manage_url(id) + "/comments.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  ASSERT_TRUE(xlsx.body.starts_with("PK"));
  TempDir dir;
  const auto file = dir.write("comments.xlsx", xlsx.body);
  const auto listing = shell("/usr/bin/unzip -Z1 '" + file.string() + "'");
  ASSERT_TRUE(contains(listing, "xl/workbook.xml")) << listing;
  for (const char* part : {"xl/workbook.xml", "docProps/app.xml", "xl/worksheets/sheet1.xml"}) {
    const auto xml = shell("/usr/bin/unzip -p '" + file.string() + "' " + part);
    std::string why;
    EXPECT_TRUE(well_formed(xml, why)) << part << ": " << why;
  }
  const auto workbook = shell("/usr/bin/unzip -p '" + file.string() + "' xl/workbook.xml");
  const auto sheet = find(workbook, R"re(<sheet name="([^"]*)")re");
  const auto sheet_name = ui("hearings.export.sheet");
  EXPECT_TRUE(sheet == sheet_name || sheet_name.starts_with(sheet))
      << "the sheet name is whole characters: '" << sheet << "'";
  const auto strings = shell("/usr/bin/unzip -p '" + file.string() + "' xl/sharedStrings.xml");
  EXPECT_TRUE(contains(strings, "ความคิดเห็นในไฟล์ Excel"));
}

}  // namespace
}  // namespace ruamkit::testing::consult
