// Comments over real HTTP, on hearings and their sections: named-only and
// anonymous hearings, the length limit, markup from people rendered inert,
// CSRF, threads and reply notifications, edits with their history, reports
// and moderation (and who may moderate), supports counted once under
// parallel requests, and the per-account rate limit.
#include <gtest/gtest.h>

#include <thread>

#include "core/clock.h"
#include "integration/consult_support.h"

namespace ruamkit::testing::consult {
namespace {

std::string hearing_url(std::int64_t id) { return "/hearings/" + std::to_string(id); }

// `n` copies of a Thai letter: n characters, 3n bytes.
std::string thai_letters(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += "ก";
  return out;
}

// The value of the textarea named `name` in a form page (still escaped).
std::string textarea(const std::string& html, const std::string& name) {
  return find(html, "<textarea[^>]*name=\"" + name + "\"[^>]*>([^<]*)</textarea>");
}

std::string minutes_ago(int minutes) {
  return core::iso_timestamp(core::Clock::now() - std::chrono::minutes(minutes));
}

class Comments : public ConsultTest {
 protected:
  // A named-only hearing of the Pollution Control Department, open today.
  std::int64_t named_hearing(const std::string& title = "ร่างประกาศที่แสดงความคิดเห็นพร้อมชื่อ") {
    Browser pcd = signed_in(kPcd);
    return open_hearing(pcd, title, {{"ข้อ 1", "ข้อความของข้อ 1"}});
  }
};

TEST_F(Comments, ANamedOnlyHearingRefusesAnonymousComments) {
  const auto id = named_hearing();
  Browser citizen = signed_in(kCitizen);
  const auto page = citizen.get(hearing_url(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, ui_html("comments.named_only")));
  EXPECT_FALSE(contains(page.body, "name=\"anonymous\"")) << "no anonymous checkbox offered";

  const std::string typed = "ข้อความที่พิมพ์ไว้ & <ยังอยู่> \"ครบ\"";
  const auto before = comments_total();
  const auto refused = post_comment(citizen, {"hearing", id, typed, "agree", true});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, ui_html("errors.form.comment_named_only")));
  EXPECT_EQ(textarea(refused.body, "body"), "ข้อความที่พิมพ์ไว้ &amp; &lt;ยังอยู่&gt; &quot;ครบ&quot;")
      << "the typed text is kept, escaped";
  EXPECT_TRUE(contains(refused.body, "<option value=\"agree\" selected>")) << "and the stance";
  EXPECT_EQ(comments_total(), before);

  // Named, the same text is accepted and shown with the name.
  const auto cid = comment(citizen, {"hearing", id, typed, "agree"});
  Browser visitor(server.port());
  const auto shown = comment_html(visitor.get(hearing_url(id)).body, cid);
  EXPECT_TRUE(contains(
      shown, "<strong class=\"comment__author\">" + std::string(kCitizenName) + "</strong>"));
  EXPECT_EQ(integer("SELECT anonymous FROM comments WHERE id = ?", cid), 0);
}

TEST_F(Comments, AnAnonymousCommentIsShownWithoutTheName) {
  const auto id = demo_hearing();
  ASSERT_EQ(integer("SELECT anonymous_allowed FROM hearings WHERE id = ?", id), 1);
  Browser wichai = new_citizen("wichai@example.org", "วิชัย ใจดี");
  const auto named = comment(wichai, {"hearing", id, "ความเห็นที่ลงชื่อ"});
  Browser citizen = signed_in(kCitizen);
  EXPECT_TRUE(contains(citizen.get(hearing_url(id)).body, "name=\"anonymous\" value=\"yes\""));
  const auto anonymous =
      comment(citizen, {"hearing", id, "ความเห็นที่ไม่ลงชื่อ", "neutral", true, named});
  EXPECT_EQ(integer("SELECT anonymous FROM comments WHERE id = ?", anonymous), 1);

  Browser visitor(server.port());
  const auto page = visitor.get(hearing_url(id));
  const auto shown = comment_html(page.body, anonymous);
  EXPECT_TRUE(contains(shown, "<strong class=\"comment__author\">" +
                                  ui_html("comments.anonymous_author") + "</strong>"));
  EXPECT_TRUE(contains(shown, "ความเห็นที่ไม่ลงชื่อ"));
  EXPECT_FALSE(contains(page.body, kCitizenName)) << "the name appears nowhere on the page";
  EXPECT_TRUE(contains(comment_html(page.body, named), "วิชัย ใจดี"));
  const auto api = visitor.get("/api/v1/hearings/" + std::to_string(id));
  EXPECT_TRUE(contains(api.body, "ความเห็นที่ไม่ลงชื่อ"));
  EXPECT_FALSE(contains(api.body, kCitizenName));

  // The person replied to hears of it without the name either.
  EXPECT_EQ(notifications_of("wichai@example.org", "comment_reply"), 1);
  const auto inbox = wichai.get("/notifications").body;
  const auto anonymous_reply = ui_before("notifications.kinds.comment_reply", "title",
                                         {{"name", ui("comments.anonymous_author")}});
  EXPECT_TRUE(contains(inbox, mustache_escape(anonymous_reply)));
  EXPECT_FALSE(contains(inbox, kCitizenName));
  EXPECT_EQ(mails_to("wichai@example.org", anonymous_reply), 1);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM mail_outbox WHERE instr(subject, ?) > 0 OR "
                    "instr(body_text, ?) > 0",
                    std::string(kCitizenName), std::string(kCitizenName)),
            0);
}

TEST_F(Comments, AnOverlongCommentIsRefusedAndTheTextKept) {
  const auto id = named_hearing();
  Browser citizen = signed_in(kCitizen);
  const auto before = comments_total();
  const auto too_long = thai_letters(5001);
  const auto refused = post_comment(citizen, {"hearing", id, too_long});
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, ui_html("errors.form.comment_too_long")));
  EXPECT_EQ(textarea(refused.body, "body"), too_long) << "all 5,001 characters kept";
  EXPECT_EQ(comments_total(), before);

  const auto empty = post_comment(citizen, {"hearing", id, ""});
  EXPECT_EQ(empty.status, 422);
  EXPECT_TRUE(contains(empty.body, ui_html("errors.form.comment_required")));
  EXPECT_EQ(post_comment(citizen, {"hearing", id, "ความเห็น", "maybe"}).status, 422);
  EXPECT_EQ(comments_total(), before);

  // 5,000 characters (15,000 bytes of Thai) is within the limit.
  const auto cid = comment(citizen, {"hearing", id, thai_letters(5000)});
  EXPECT_EQ(integer("SELECT length(body) FROM comments WHERE id = ?", cid), 5000);
}

// A comment of spaces and line breaks is no comment: refused, not counted
// as participation.
TEST_F(Comments, ABlankCommentIsRefused) {
  const auto id = named_hearing();
  Browser citizen = signed_in(kCitizen);
  const auto before = comments_total();
  const auto blank = post_comment(citizen, {"hearing", id, "   \n\n \t "});
  EXPECT_EQ(blank.status, 422) << blank.header("location").value_or("");
  EXPECT_TRUE(contains(blank.body, ui_html("errors.form.comment_required")));
  EXPECT_EQ(comments_total(), before);
  const auto cid = comment(citizen, {"hearing", id, "ข้อความจริง"});
  citizen.get(hearing_url(id));
  EXPECT_EQ(
      citizen
          .post("/comments/" + std::to_string(cid) + "/edit", {{"body", "  \n  "}, {"stance", ""}})
          .status,
      422)
      << "nor may an edit blank it";
  EXPECT_EQ(text("SELECT body FROM comments WHERE id = ?", cid), "ข้อความจริง");
}

TEST_F(Comments, MarkupFromPeopleIsRenderedInert) {
  const auto id = named_hearing();
  Browser citizen = signed_in(kCitizen);
  const auto first = comment(citizen, {"hearing", id, "ความเห็นแรก"});
  Browser mallory = new_citizen("mallory@example.org", "<script>alert('name')</script>");
  const auto script = comment(mallory, {"hearing", id, "<script>alert('body')</script> ข้อความ"});
  const auto link = comment(mallory, {"hearing", id, "[คลิกที่นี่](javascript:alert('link'))"});
  const auto image = comment(mallory, {"hearing", id, "<img src=x onerror=alert('img')>"});
  const auto reply = comment(
      mallory, {"hearing", id, "**ตัวหนา** และ [ลิงก์ปกติ](https://example.org/)", "", false, first});

  const std::regex image_tag("<img[^>]*onerror", std::regex::icase);
  const std::regex script_link("href=\"\\s*javascript:", std::regex::icase);
  auto expect_inert = [&](const std::string& html, const std::string& where) {
    EXPECT_FALSE(contains(html, "<script>alert")) << where;
    EXPECT_FALSE(std::regex_search(html, image_tag)) << where;
    EXPECT_FALSE(std::regex_search(html, script_link)) << where;
  };
  Browser visitor(server.port());
  const auto page = visitor.get(hearing_url(id));
  ASSERT_EQ(page.status, 200);
  expect_inert(page.body, "hearing page");
  EXPECT_TRUE(contains(comment_html(page.body, script),
                       "<strong class=\"comment__author\">&lt;script&gt;alert("))
      << "the display name is shown as text";
  EXPECT_FALSE(contains(comment_html(page.body, link), "javascript:"));
  EXPECT_TRUE(contains(comment_html(page.body, link), "คลิกที่นี่"));
  EXPECT_TRUE(contains(comment_html(page.body, image), "class=\"comment__body markdown\""));
  const auto markdown = comment_html(page.body, reply);
  EXPECT_TRUE(contains(markdown, "<strong>ตัวหนา</strong>")) << markdown;
  EXPECT_TRUE(
      contains(markdown, "<a href=\"https://example.org/\" rel=\"nofollow noopener\">ลิงก์ปกติ</a>"))
      << markdown;

  // The reply notification names mallory in the citizen's inbox: as text.
  const auto inbox = citizen.get("/notifications");
  expect_inert(inbox.body, "inbox");
  EXPECT_TRUE(std::regex_search(
      inbox.body,
      std::regex("&lt;script&gt;alert\\((&#39;|&apos;)name(&#39;|&apos;)\\)&lt;/script&gt;" +
                 regex_escape(mustache_escape(ui_before("notifications.kinds.comment_reply",
                                                        "title", {{"name", std::string()}}))))))
      << "the name as text in the inbox";

  // The moderators' queue shows the reported text inert too.
  citizen.get("/comments/" + std::to_string(script) + "/report");
  ASSERT_EQ(citizen
                .post("/comments/" + std::to_string(script) + "/report",
                      {{"reason", "abuse"}, {"note", "<script>alert('note')</script>"}})
                .status,
            200);
  Browser admin = signed_in(kAdmin);
  const auto queue = admin.get("/manage/organisations/" + org("pcd") + "/moderation");
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(contains(queue.body, "#comment-" + std::to_string(script) + "\""));
  expect_inert(queue.body, "moderation queue");
  expect_inert(admin.get(hearing_url(id)).body, "the page as a moderator sees it");

  // Search echoes the query as text only.
  for (const std::string query :
       {"<script>alert('q')</script>", "\"><img src=x onerror=alert('q')>"}) {
    const auto results = visitor.get("/search?q=" + q(query));
    EXPECT_EQ(results.status, 200) << query;
    expect_inert(results.body, "search for " + query);
  }
  EXPECT_TRUE(contains(visitor.get("/search?q=" + q("<script>alert('q')</script>")).body,
                       "value=\"&lt;script&gt;alert("));
}

TEST_F(Comments, APostWithoutTheCsrfTokenIsRefusedAndNothingSaved) {
  const auto id = named_hearing();
  Browser citizen = signed_in(kCitizen);
  Browser other = new_citizen("other@example.org", "ผู้ใช้อีกคน");
  const auto before = comments_total();
  const FormFields fields = {{"target_kind", "hearing"},
                             {"target_id", std::to_string(id)},
                             {"parent_id", ""},
                             {"body", "ความคิดเห็นที่ไม่มีโทเค็น"},
                             {"stance", ""}};
  for (const std::string& token :
       {std::string(), std::string("0123456789abcdef"), other.csrf_token()}) {
    auto f = fields;
    f.emplace_back("csrf_token", token);
    EXPECT_EQ(citizen.post("/comments", f).status, 403) << "token '" << token << "'";
  }
  EXPECT_EQ(comments_total(), before);
  // With its own token the same post goes through.
  EXPECT_EQ(citizen.post("/comments", fields).status, 303);
  EXPECT_EQ(comments_total(), before + 1);
  const auto cid = integer("SELECT MAX(id) FROM comments");
  // Supports, reports and edits need it too.
  for (const std::string action : {"/support", "/report", "/edit"}) {
    FormFields f = {{"csrf_token", ""}, {"reason", "spam"}, {"body", "แก้โดยไม่มีโทเค็น"}};
    EXPECT_EQ(other.post("/comments/" + std::to_string(cid) + action, f).status, 403) << action;
  }
  EXPECT_EQ(integer("SELECT supports FROM comments WHERE id = ?", cid), 0);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comment_reports"), 0);

  // Signed out, nothing is saved either.
  Browser visitor(server.port());
  visitor.get(hearing_url(id));
  const auto anonymous = visitor.post("/comments", fields);
  EXPECT_FALSE(contains(anonymous.header("location").value_or(""), "#comment-"));
  EXPECT_EQ(comments_total(), before + 1);
}

TEST_F(Comments, RepliesNestAndTellTheParentsAuthor) {
  const std::string title = "ร่างประกาศสำหรับการตอบกลับ";
  const auto id = named_hearing(title);
  Browser somsri = signed_in(kCitizen);
  Browser wichai = new_citizen("wichai@example.org", "วิชัย ใจดี");
  const auto top = comment(somsri, {"hearing", id, "ความเห็นระดับแรก"});

  const auto form = wichai.get("/comments/new?target_kind=hearing&target_id=" + std::to_string(id) +
                               "&parent=" + std::to_string(top));
  ASSERT_EQ(form.status, 200);
  EXPECT_TRUE(contains(form.body, "name=\"parent_id\" value=\"" + std::to_string(top) + "\""));
  const auto first = comment(wichai, {"hearing", id, "ตอบระดับสอง", "", false, top});
  const auto second = comment(somsri, {"hearing", id, "ตอบระดับสาม", "", false, first});
  const auto third = comment(wichai, {"hearing", id, "ตอบลึกกว่านั้น", "", false, second});
  const auto own = comment(somsri, {"hearing", id, "ตอบตัวเอง", "", false, top});

  EXPECT_EQ(integer("SELECT depth FROM comments WHERE id = ?", top), 0);
  EXPECT_EQ(integer("SELECT depth FROM comments WHERE id = ?", first), 1);
  EXPECT_EQ(integer("SELECT parent_id FROM comments WHERE id = ?", first), top);
  EXPECT_EQ(integer("SELECT depth FROM comments WHERE id = ?", second), 2);
  EXPECT_EQ(integer("SELECT depth FROM comments WHERE id = ?", third), 2)
      << "no deeper than three levels";
  EXPECT_EQ(integer("SELECT parent_id FROM comments WHERE id = ?", third), first)
      << "a reply to the deepest level goes beside it";

  Browser visitor(server.port());
  const auto page = visitor.get(hearing_url(id)).body;
  const auto at = [&](std::int64_t cid) {
    return page.find("id=\"comment-" + std::to_string(cid) + "\"");
  };
  EXPECT_TRUE(contains(
      page, "<li class=\"comment comment--depth-1\" id=\"comment-" + std::to_string(first) + "\""));
  EXPECT_TRUE(contains(
      page, "<li class=\"comment comment--depth-2\" id=\"comment-" + std::to_string(third) + "\""));
  EXPECT_LT(at(top), at(first));
  EXPECT_LT(at(first), at(second));
  EXPECT_LT(at(second), at(third));
  EXPECT_LT(at(third), at(own)) << "replies follow their parent, oldest first";

  // Each reply told the author of the comment it answers, and nobody else.
  EXPECT_EQ(notifications_of(kCitizen, "comment_reply"), 2) << "first and third";
  EXPECT_EQ(notifications_of("wichai@example.org", "comment_reply"), 1) << "second";
  const auto reply_from = [&](const std::string& name) {
    return ui_format("notifications.kinds.comment_reply", {{"name", name}, {"title", title}});
  };
  const auto subject = ui_format("mail.notification.subject", {{"text", reply_from("วิชัย ใจดี")}});
  EXPECT_EQ(mails_to(kCitizen, subject), 2);
  EXPECT_EQ(mails_to("wichai@example.org",
                     ui_format("mail.notification.subject", {{"text", reply_from(kCitizenName)}})),
            1);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM notifications WHERE url = ?",
                    hearing_url(id) + "#comment-" + std::to_string(own)),
            0)
      << "answering oneself tells nobody";
  EXPECT_TRUE(contains(somsri.get("/notifications").body, mustache_escape(reply_from("วิชัย ใจดี"))));
  EXPECT_EQ(text("SELECT url FROM notifications WHERE user_id = ? ORDER BY id LIMIT 1",
                 user_id(kCitizen)),
            hearing_url(id) + "#comment-" + std::to_string(first));

  // A reply must stay on its parent's target.
  const auto other = named_hearing("ร่างอีกฉบับ");
  const auto before = comments_total();
  EXPECT_EQ(post_comment(wichai, {"hearing", other, "ตอบข้ามเรื่อง", "", false, top}).status, 404);
  EXPECT_EQ(comments_total(), before);
}

TEST_F(Comments, AnEditWithinTheWindowKeepsTheHistory) {
  const auto id = named_hearing();
  Browser somsri = signed_in(kCitizen);
  Browser wichai = new_citizen("wichai@example.org", "วิชัย ใจดี");
  const auto cid = comment(somsri, {"hearing", id, "ถ้อยคำเดิมก่อนแก้ไข", "disagree"});
  const auto edit = "/comments/" + std::to_string(cid) + "/edit";

  // Another person may not edit it.
  EXPECT_EQ(wichai.get(edit).status, 403);
  wichai.get(hearing_url(id));
  EXPECT_EQ(wichai.post(edit, {{"body", "แก้โดยคนอื่น"}, {"stance", "agree"}}).status, 403);
  EXPECT_EQ(text("SELECT body FROM comments WHERE id = ?", cid), "ถ้อยคำเดิมก่อนแก้ไข");

  const auto form = somsri.get(edit);
  ASSERT_EQ(form.status, 200);
  EXPECT_EQ(textarea(form.body, "body"), "ถ้อยคำเดิมก่อนแก้ไข");
  const auto saved = somsri.post(edit, {{"body", "ถ้อยคำใหม่หลังแก้ไข"}, {"stance", "agree"}});
  EXPECT_EQ(saved.status, 303);
  EXPECT_EQ(saved.header("location"), hearing_url(id) + "#comment-" + std::to_string(cid));
  EXPECT_EQ(text("SELECT body FROM comments WHERE id = ?", cid), "ถ้อยคำใหม่หลังแก้ไข");
  EXPECT_EQ(text("SELECT stance FROM comments WHERE id = ?", cid), "agree");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comment_edits WHERE comment_id = ?", cid), 1);
  EXPECT_EQ(text("SELECT body FROM comment_edits WHERE comment_id = ?", cid), "ถ้อยคำเดิมก่อนแก้ไข");

  Browser visitor(server.port());
  const auto shown = comment_html(visitor.get(hearing_url(id)).body, cid);
  EXPECT_TRUE(contains(shown, "ถ้อยคำใหม่หลังแก้ไข"));
  EXPECT_FALSE(contains(shown, "ถ้อยคำเดิมก่อนแก้ไข"));
  EXPECT_TRUE(contains(shown, "<a href=\"/comments/" + std::to_string(cid) + "/history\">" +
                                  ui_html("comments.edited") + "</a>"));
  const auto history = visitor.get("/comments/" + std::to_string(cid) + "/history");
  ASSERT_EQ(history.status, 200);
  EXPECT_TRUE(contains(history.body, "ถ้อยคำเดิมก่อนแก้ไข"));
  EXPECT_TRUE(contains(history.body, "ถ้อยคำใหม่หลังแก้ไข"));
  EXPECT_TRUE(contains(history.body, ui_html("comments.stances.disagree"))) << "the earlier stance";

  // An overlong edit is refused and changes nothing.
  somsri.get(edit);
  EXPECT_EQ(somsri.post(edit, {{"body", thai_letters(5001)}, {"stance", ""}}).status, 422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comment_edits WHERE comment_id = ?", cid), 1);

  // After fifteen minutes the text is final.
  execute("UPDATE comments SET created_at = ? WHERE id = ?", minutes_ago(16), cid);
  EXPECT_EQ(somsri.get(edit).status, 403);
  EXPECT_EQ(somsri.post(edit, {{"body", "แก้หลังหมดเวลา"}, {"stance", ""}}).status, 403);
  EXPECT_EQ(text("SELECT body FROM comments WHERE id = ?", cid), "ถ้อยคำใหม่หลังแก้ไข");
  EXPECT_FALSE(
      contains(comment_html(somsri.get(hearing_url(id)).body, cid), "href=\"" + edit + "\""));
}

TEST_F(Comments, AReportedCommentIsHiddenByAModeratorWithAReason) {
  const auto id = named_hearing();
  Browser somsri = signed_in(kCitizen);
  Browser wichai = new_citizen("wichai@example.org", "วิชัย ใจดี");
  const std::string words = "ถ้อยคำหยาบคายที่ไม่ควรอยู่ตรงนี้";
  const auto cid = comment(somsri, {"hearing", id, words});
  const auto base = "/comments/" + std::to_string(cid);

  ASSERT_EQ(wichai.get(base + "/report").status, 200);
  const auto reported = wichai.post(base + "/report", {{"reason", "abuse"}, {"note", "หยาบคาย"}});
  EXPECT_EQ(reported.status, 200);
  EXPECT_TRUE(contains(reported.body, ui_html("comments.reported_text")));
  EXPECT_EQ(wichai.post(base + "/report", {{"reason", "spam"}, {"note", ""}}).status, 200);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comment_reports WHERE comment_id = ?", cid), 1)
      << "one report per person";
  EXPECT_EQ(wichai.post(base + "/report", {{"reason", "boring"}, {"note", ""}}).status, 400);

  const auto moderation = "/manage/organisations/" + org("pcd") + "/moderation";
  Browser admin = signed_in(kAdmin);
  const auto queue = admin.get(moderation);
  ASSERT_EQ(queue.status, 200);
  EXPECT_TRUE(contains(queue.body, words));
  EXPECT_TRUE(contains(queue.body, ui_html("comments.reasons.abuse")));
  EXPECT_TRUE(
      contains(queue.body, "href=\"" + hearing_url(id) + "#comment-" + std::to_string(cid) + "\""));

  // Those who do not moderate the Pollution Control Department may not.
  Browser chiang_mai = signed_in(kChiangMai);
  Browser moderator = signed_in(kModerator);
  Browser pcd = signed_in(kPcd);
  for (Browser* b : {&chiang_mai, &moderator, &pcd, &wichai}) {
    b->get(hearing_url(id));
    EXPECT_EQ(b->post(base + "/hide", {{"reason", "ไม่ใช่หน้าที่"}}).status, 403);
    EXPECT_EQ(b->get(moderation).status, 403);
  }
  EXPECT_FALSE(contains(chiang_mai.get(hearing_url(id)).body, "action=\"" + base + "/hide\""));
  EXPECT_EQ(integer("SELECT hidden_at IS NULL FROM comments WHERE id = ?", cid), 1);

  admin.get(hearing_url(id));
  EXPECT_EQ(admin.post(base + "/hide", {{"reason", ""}}).status, 400) << "a reason is required";
  EXPECT_EQ(integer("SELECT hidden_at IS NULL FROM comments WHERE id = ?", cid), 1);
  const auto hidden = admin.post(base + "/hide", {{"reason", "ใช้ถ้อยคำไม่สุภาพ"}});
  EXPECT_EQ(hidden.status, 303);
  EXPECT_EQ(text("SELECT hidden_reason FROM comments WHERE id = ?", cid), "ใช้ถ้อยคำไม่สุภาพ");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comment_reports WHERE comment_id = ? AND resolved_at "
                    "IS NULL",
                    cid),
            0);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_log WHERE action = 'comment.hidden'"), 1);

  Browser visitor(server.port());
  const auto page = visitor.get(hearing_url(id)).body;
  const auto placeholder = comment_html(page, cid);
  EXPECT_TRUE(contains(placeholder, "comment--hidden"));
  EXPECT_TRUE(contains(placeholder, ui_html("comments.hidden_placeholder") + " " +
                                        ui_html("comments.reason") + " ใช้ถ้อยคำไม่สุภาพ"));
  EXPECT_FALSE(contains(page, words)) << "the text is gone from the public page";
  EXPECT_FALSE(contains(somsri.get(hearing_url(id)).body, words)) << "also for its author";
  EXPECT_FALSE(contains(visitor.get(base + "/history").body, words));
  EXPECT_FALSE(contains(visitor.get("/api/v1/hearings/" + std::to_string(id)).body, words));
  EXPECT_TRUE(contains(page, ui_html_format("hearings.counts", {{"participants", std::int64_t{0}},
                                                                {"comments", std::int64_t{0}}})));
  EXPECT_TRUE(contains(admin.get(moderation).body, ui_html("comments.moderation_none")));
  // A hidden comment takes no supports and no replies.
  wichai.get(hearing_url(id));
  EXPECT_EQ(wichai.post(base + "/support", {}).status, 403);
  EXPECT_EQ(post_comment(wichai, {"hearing", id, "ตอบความเห็นที่ถูกซ่อน", "", false, cid}).status, 404);

  // Restoring is for moderators too.
  chiang_mai.get(hearing_url(id));
  EXPECT_EQ(chiang_mai.post(base + "/restore", {}).status, 403);
  EXPECT_EQ(integer("SELECT hidden_at IS NOT NULL FROM comments WHERE id = ?", cid), 1);
  const auto admin_page = admin.get(hearing_url(id)).body;
  EXPECT_TRUE(contains(admin_page, "action=\"" + base + "/restore\""));
  EXPECT_EQ(admin.post(base + "/restore", {}).status, 303);
  const auto back = visitor.get(hearing_url(id)).body;
  EXPECT_TRUE(contains(comment_html(back, cid), words));
  EXPECT_FALSE(contains(comment_html(back, cid), ui_html("comments.hidden_placeholder")));
}

TEST_F(Comments, ParallelSupportsFromOneAccountCountOnce) {
  const auto id = named_hearing();
  Browser somsri = signed_in(kCitizen);
  const auto cid = comment(somsri, {"hearing", id, "ความเห็นที่มีคนสนับสนุน"});
  Browser wichai = new_citizen("wichai@example.org", "วิชัย ใจดี");
  wichai.get(hearing_url(id));
  const auto support = "/comments/" + std::to_string(cid) + "/support";

  constexpr int kRequests = 7;
  std::vector<Browser> copies(kRequests, wichai);  // one session, several connections
  std::vector<int> statuses(kRequests, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kRequests; ++i) {
    threads.emplace_back([&, i] { statuses[i] = copies[i].post(support, {}).status; });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kRequests; ++i) EXPECT_EQ(statuses[i], 303) << i;

  const auto supports = integer("SELECT supports FROM comments WHERE id = ?", cid);
  const auto rows = integer("SELECT COUNT(*) FROM comment_supports WHERE comment_id = ?", cid);
  EXPECT_LE(supports, 1) << "one person, one support";
  EXPECT_EQ(supports, rows) << "the count matches the supports recorded";
  EXPECT_EQ(supports, kRequests % 2) << "each request toggled once, one after the other";

  // Others add their own.
  somsri.get(hearing_url(id));
  EXPECT_EQ(somsri.post(support, {}).status, 303);
  Browser third = new_citizen("third@example.org", "คนที่สาม");
  third.get(hearing_url(id));
  EXPECT_EQ(third.post(support, {}).status, 303);
  EXPECT_EQ(integer("SELECT supports FROM comments WHERE id = ?", cid), kRequests % 2 + 2);
  const auto shown = comment_html(third.get(hearing_url(id)).body, cid);
  EXPECT_TRUE(
      contains(shown, ui_html("comments.supports") + " " + std::to_string(kRequests % 2 + 2)));
  EXPECT_TRUE(contains(shown, "aria-pressed=\"true\">" + ui_html("comments.unsupport")));
}

TEST_F(Comments, TenCommentsInTenMinutesThenTheAccountWaits) {
  const auto id = named_hearing();
  const auto section = sections_of(id).front();
  Browser citizen = signed_in(kCitizen);
  for (int i = 1; i <= 10; ++i) {
    const Comment m{i % 2 ? "hearing" : "hearing_section", i % 2 ? id : section,
                    "ความคิดเห็นที่ " + std::to_string(i)};
    EXPECT_EQ(post_comment(citizen, m).status, 303) << i;
  }
  const auto author = user_id(kCitizen);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comments WHERE author_id = ?", author), 10);
  const auto limited = post_comment(citizen, {"hearing", id, "ความคิดเห็นที่สิบเอ็ด"});
  EXPECT_EQ(limited.status, 429);
  EXPECT_TRUE(contains(limited.body, ui_html("errors.form.comment_rate_limit")));
  EXPECT_EQ(textarea(limited.body, "body"), "ความคิดเห็นที่สิบเอ็ด") << "the typed text is kept";
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comments WHERE author_id = ?", author), 10);
  EXPECT_EQ(post_comment(citizen, {"hearing_section", section, "ความคิดเห็นต่อข้อ"}).status, 429)
      << "the limit is per account, not per target";

  // Others are not held back, and the account may go on once the ten minutes passed.
  Browser other = new_citizen("other@example.org", "ผู้ใช้อีกคน");
  EXPECT_EQ(post_comment(other, {"hearing", id, "ความคิดเห็นของอีกคน"}).status, 303);
  execute("UPDATE comments SET created_at = ? WHERE author_id = ?", minutes_ago(11), author);
  EXPECT_EQ(post_comment(citizen, {"hearing", id, "ความคิดเห็นที่สิบเอ็ด"}).status, 303);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM comments WHERE author_id = ?", author), 11);
}

}  // namespace
}  // namespace ruamkit::testing::consult
