// Notifications over real HTTP: the settings (mail for each message, a
// daily digest, or none; per category; language) saved and respected, the
// inbox and marking read, and following a space so that its new
// announcements reach the follower.
#include <gtest/gtest.h>

#include <memory>

#include "integration/consult_support.h"

namespace ruamkit::testing::consult {
namespace {

std::string hearing_url(std::int64_t id) { return "/hearings/" + std::to_string(id); }

class Notifications : public ConsultTest {
 protected:
  // Somsri (the demo citizen) comments on a fresh hearing; each call to
  // reply() has Wichai answer her, which notifies her.
  void SetUp() override {
    Browser pcd = signed_in(kPcd);
    hearing = open_hearing(pcd, title, {{"ข้อ 1", "ข้อความ"}});
    somsri = std::make_unique<Browser>(signed_in(kCitizen));
    wichai = std::make_unique<Browser>(new_citizen("wichai@example.org", "วิชัย ใจดี"));
    top = comment(*somsri, {"hearing", hearing, "ความเห็นของสมศรี"});
  }

  std::int64_t reply(const std::string& body = "คำตอบของวิชัย") {
    return comment(*wichai, {"hearing", hearing, body, "", false, top});
  }

  void save_settings(Browser& b, FormFields fields) {
    b.get("/notifications");  // for the CSRF token (the settings form is tested on its own)
    const auto r = b.post("/notifications/settings", std::move(fields));
    ASSERT_EQ(r.status, 303) << r.body.substr(0, 2000);
    ASSERT_EQ(r.header("location"), "/notifications/settings?notice=saved");
  }

  const std::string title = "ร่างประกาศสำหรับการแจ้งเตือน";
  // What Wichai's reply says, as the inbox shows it (HTML) and as mail says it.
  const std::string reply_message =
      ui_format("notifications.kinds.comment_reply", {{"name", "วิชัย ใจดี"}, {"title", title}});
  const std::string reply_text = mustache_escape(reply_message);
  std::int64_t hearing = 0, top = 0;
  std::unique_ptr<Browser> somsri, wichai;
};

TEST_F(Notifications, ByDefaultAReplyReachesTheInboxAndTheMail) {
  const auto r = reply();
  EXPECT_EQ(notifications_of(kCitizen, "comment_reply"), 1);
  EXPECT_EQ(mails_to(kCitizen), 1);
  EXPECT_EQ(last_mail_subject(kCitizen),
            ui_format("mail.notification.subject", {{"text", reply_message}}));
  const auto body =
      text("SELECT body_text FROM mail_outbox WHERE to_address = ?", std::string(kCitizen));
  EXPECT_TRUE(contains(body, hearing_url(hearing) + "#comment-" + std::to_string(r)));
  EXPECT_TRUE(contains(body, "/notifications/settings")) << "how to choose less mail";
  EXPECT_EQ(integer("SELECT sent_at IS NULL FROM mail_outbox WHERE to_address = ?",
                    std::string(kCitizen)),
            1)
      << "without --smtp-url the mail stays in the outbox";
  EXPECT_EQ(integer("SELECT mailed_at IS NOT NULL FROM notifications WHERE user_id = ?",
                    user_id(kCitizen)),
            1);
  EXPECT_TRUE(contains(somsri->get("/notifications").body, reply_text));
  EXPECT_EQ(mails_to("wichai@example.org"), 0);
}

TEST_F(Notifications, SettingsAreSavedAndNonsenseIsRefused) {
  save_settings(*somsri, {{"email", "digest"}, {"results", "yes"}, {"locale", "en"}});
  const auto id = user_id(kCitizen);
  EXPECT_EQ(text("SELECT email FROM notification_settings WHERE user_id = ?", id), "digest");
  EXPECT_EQ(integer("SELECT replies FROM notification_settings WHERE user_id = ?", id), 0);
  EXPECT_EQ(integer("SELECT results FROM notification_settings WHERE user_id = ?", id), 1);
  EXPECT_EQ(integer("SELECT news FROM notification_settings WHERE user_id = ?", id), 0);
  EXPECT_EQ(text("SELECT locale FROM users WHERE id = ?", id), "en");

  // Nonsense is refused and changes nothing; they are one person's settings.
  EXPECT_EQ(somsri->post("/notifications/settings", {{"email", "hourly"}, {"locale", "th"}}).status,
            400);
  EXPECT_EQ(somsri->post("/notifications/settings", {{"email", "each"}, {"locale", "fr"}}).status,
            400);
  EXPECT_EQ(text("SELECT email FROM notification_settings WHERE user_id = ?", id), "digest");
  EXPECT_EQ(text("SELECT locale FROM users WHERE id = ?", id), "en");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM notification_settings WHERE user_id = ?",
                    user_id("wichai@example.org")),
            0);
  Browser visitor(server.port());
  visitor.get("/");
  const auto signed_out =
      visitor.post("/notifications/settings", {{"email", "none"}, {"locale", "th"}});
  EXPECT_EQ(signed_out.status, 303);
  EXPECT_TRUE(signed_out.header("location").value_or("").starts_with("/login"));
}

// The literal route "/notifications/settings" must win over
// "/notifications/{id}"; the inbox links to this page.
TEST_F(Notifications, TheSettingsFormShowsTheSavedChoices) {
  const auto inbox = somsri->get("/notifications");
  EXPECT_TRUE(contains(inbox.body, "href=\"/notifications/settings\""));
  const auto form = somsri->get("/notifications/settings");
  ASSERT_EQ(form.status, 200) << "the inbox links to this page";
  EXPECT_TRUE(contains(form.body, "<option value=\"each\" selected>"));
  for (const char* name : {"replies", "results", "news"}) {
    EXPECT_TRUE(contains(form.body, std::string("name=\"") + name + "\" value=\"yes\" checked"))
        << name;
  }
  save_settings(*somsri, {{"email", "digest"}, {"results", "yes"}, {"locale", "en"}});
  const auto again = somsri->get("/notifications/settings?notice=saved");
  ASSERT_EQ(again.status, 200);
  EXPECT_TRUE(contains(again.body, ui_html("notifications.saved")));
  EXPECT_TRUE(contains(again.body, "<option value=\"digest\" selected>"));
  EXPECT_TRUE(contains(again.body, "<option value=\"en\" selected>"));
  EXPECT_TRUE(contains(again.body, "name=\"results\" value=\"yes\" checked"));
  EXPECT_FALSE(contains(again.body, "name=\"replies\" value=\"yes\" checked"));
  EXPECT_FALSE(contains(again.body, "name=\"news\" value=\"yes\" checked"));
  EXPECT_TRUE(
      contains(wichai->get("/notifications/settings").body, "<option value=\"each\" selected>"))
      << "another person's settings are untouched";
  Browser visitor(server.port());
  const auto signed_out = visitor.get("/notifications/settings");
  EXPECT_EQ(signed_out.status, 303);
  EXPECT_TRUE(signed_out.header("location").value_or("").starts_with("/login"));
}

TEST_F(Notifications, NoMailMeansTheInboxOnly) {
  save_settings(*somsri, {{"email", "none"},
                          {"replies", "yes"},
                          {"results", "yes"},
                          {"news", "yes"},
                          {"locale", "th"}});
  reply();
  EXPECT_EQ(notifications_of(kCitizen, "comment_reply"), 1);
  EXPECT_EQ(mails_to(kCitizen), 0);
  EXPECT_EQ(integer("SELECT mailed_at IS NULL AND awaiting_digest = 0 FROM notifications WHERE "
                    "user_id = ?",
                    user_id(kCitizen)),
            1);
  EXPECT_TRUE(contains(somsri->get("/notifications").body, reply_text));
}

TEST_F(Notifications, ADigestWaitsInsteadOfAMailNow) {
  save_settings(*somsri, {{"email", "digest"},
                          {"replies", "yes"},
                          {"results", "yes"},
                          {"news", "yes"},
                          {"locale", "th"}});
  reply("คำตอบแรก");
  reply("คำตอบที่สอง");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND awaiting_digest = 1 "
                    "AND mailed_at IS NULL",
                    user_id(kCitizen)),
            2);
  EXPECT_EQ(mails_to(kCitizen), 0) << "no mail until the digest";
  EXPECT_TRUE(contains(somsri->get("/notifications").body, reply_text));
}

TEST_F(Notifications, ACategoryTurnedOffSendsNoMail) {
  save_settings(*somsri,
                {{"email", "each"}, {"results", "yes"}, {"news", "yes"}, {"locale", "th"}});
  reply();
  EXPECT_EQ(mails_to(kCitizen), 0) << "replies are off";
  EXPECT_EQ(
      integer("SELECT awaiting_digest FROM notifications WHERE user_id = ?", user_id(kCitizen)), 0);
}

TEST_F(Notifications, MailIsWrittenInThePersonsLanguage) {
  save_settings(*somsri, {{"email", "each"},
                          {"replies", "yes"},
                          {"results", "yes"},
                          {"news", "yes"},
                          {"locale", "en"}});
  reply();
  const auto english =
      ui_format("notifications.kinds.comment_reply", {{"name", "วิชัย ใจดี"}, {"title", title}}, "en");
  EXPECT_EQ(last_mail_subject(kCitizen),
            ui_format("mail.notification.subject", {{"text", english}}, "en"));
  // The last line of the body, up to the link to the settings.
  auto settings_line = ui_before("mail.notification.body", "settings",
                                 {{"text", std::string()}, {"link", std::string()}}, "en");
  settings_line = settings_line.substr(settings_line.rfind('\n') + 1);
  ASSERT_FALSE(settings_line.empty());
  EXPECT_TRUE(contains(
      text("SELECT body_text FROM mail_outbox WHERE to_address = ?", std::string(kCitizen)),
      settings_line));
}

TEST_F(Notifications, OpeningANotificationMarksItRead) {
  const auto r = reply();
  const auto nid = integer("SELECT id FROM notifications WHERE user_id = ?", user_id(kCitizen));
  auto inbox = somsri->get("/notifications");
  ASSERT_EQ(inbox.status, 200);
  const auto item = "<a href=\"/notifications/" + std::to_string(nid) + "\">" + reply_text + "</a>";
  EXPECT_TRUE(contains(inbox.body, item)) << inbox.body.substr(0, 5000);
  EXPECT_EQ(occurrences(inbox.body, "notification--unread"), 1u);

  // Nobody else may open it (nor learn where it points).
  const auto foreign = wichai->get("/notifications/" + std::to_string(nid));
  EXPECT_EQ(foreign.status, 404);
  EXPECT_EQ(integer("SELECT read_at IS NULL FROM notifications WHERE id = ?", nid), 1);

  const auto opened = somsri->get("/notifications/" + std::to_string(nid));
  EXPECT_EQ(opened.status, 303);
  EXPECT_EQ(opened.header("location"), hearing_url(hearing) + "#comment-" + std::to_string(r));
  EXPECT_EQ(integer("SELECT read_at IS NOT NULL FROM notifications WHERE id = ?", nid), 1);
  inbox = somsri->get("/notifications");
  EXPECT_TRUE(contains(inbox.body, item)) << "still listed";
  EXPECT_EQ(occurrences(inbox.body, "notification--unread"), 0u);

  // Mark everything read at once.
  reply("อีกคำตอบ");
  reply("คำตอบที่สาม");
  EXPECT_EQ(occurrences(somsri->get("/notifications").body, "notification--unread"), 2u);
  const auto all = somsri->post("/notifications/read", {});
  EXPECT_EQ(all.status, 303);
  EXPECT_EQ(all.header("location"), "/notifications");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM notifications WHERE user_id = ? AND read_at IS NULL",
                    user_id(kCitizen)),
            0);
  EXPECT_EQ(occurrences(somsri->get("/notifications").body, "notification--unread"), 0u);
  EXPECT_TRUE(contains(wichai->get("/notifications").body, ui_html("notifications.none")));

  Browser visitor(server.port());
  EXPECT_EQ(visitor.get("/notifications").status, 303);
  EXPECT_EQ(visitor.get("/notifications/" + std::to_string(nid)).status, 303);
}

TEST_F(Notifications, FollowersHearOfANewAnnouncementInTheSpace) {
  const auto space = demo_process();
  const auto process = "/processes/" + std::to_string(space);
  const auto space_title = text("SELECT title FROM spaces WHERE id = ?", space);
  auto page = somsri->get(process);
  EXPECT_TRUE(contains(page.body,
                       "aria-pressed=\"false\">" + ui_html("notifications.follow") + "</button>"));
  const auto followed = somsri->post("/spaces/" + std::to_string(space) + "/follow", {});
  EXPECT_EQ(followed.status, 303);
  EXPECT_EQ(followed.header("location"), process);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM follows WHERE space_id = ?", space), 1);
  page = somsri->get(process);
  EXPECT_TRUE(contains(page.body,
                       "aria-pressed=\"true\">" + ui_html("notifications.unfollow") + "</button>"));

  Browser pcd = signed_in(kPcd);
  const std::string news = "ประกาศเปิดรับฟังความคิดเห็นรอบใหม่";
  const auto announcement = create_page(pcd, "pcd", "announcement", news, "รายละเอียด", space);
  EXPECT_EQ(notifications_of(kCitizen, "space_news"), 0) << "a draft is not news";
  set_page_status(pcd, announcement, "published");
  const auto news_text =
      ui_format("notifications.kinds.space_news", {{"space", space_title}, {"title", news}});
  EXPECT_EQ(notifications_of(kCitizen, "space_news"), 1);
  EXPECT_EQ(mails_to(kCitizen, ui_format("mail.notification.subject", {{"text", news_text}})), 1);
  EXPECT_TRUE(contains(somsri->get("/notifications").body, mustache_escape(news_text)));
  EXPECT_EQ(text("SELECT url FROM notifications WHERE user_id = ? AND kind = 'space_news'",
                 user_id(kCitizen)),
            "/pages/" + std::to_string(announcement));
  EXPECT_EQ(notifications_of("wichai@example.org", "space_news"), 0) << "not a follower";
  EXPECT_EQ(mails_to("wichai@example.org"), 0);

  // Only the first publication is news; pages and announcements elsewhere are not.
  set_page_status(pcd, announcement, "draft");
  set_page_status(pcd, announcement, "published");
  const auto standing = create_page(pcd, "pcd", "page", "หน้าข้อมูลในกระบวนการ", "ข้อมูล", space);
  set_page_status(pcd, standing, "published");
  const auto elsewhere = create_page(pcd, "pcd", "announcement", "ประกาศของกรม", "ข่าว");
  set_page_status(pcd, elsewhere, "published");
  EXPECT_EQ(notifications_of(kCitizen, "space_news"), 1);

  // Unfollowed, the next announcement is not sent.
  somsri->get(process);
  EXPECT_EQ(somsri->post("/spaces/" + std::to_string(space) + "/follow", {}).status, 303);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM follows WHERE space_id = ?", space), 0);
  const auto later = create_page(pcd, "pcd", "announcement", "ประกาศหลังเลิกติดตาม", "ข่าว", space);
  set_page_status(pcd, later, "published");
  EXPECT_EQ(notifications_of(kCitizen, "space_news"), 1);
}

TEST_F(Notifications, OnlyPublicSpacesCanBeFollowed) {
  Browser pcd = signed_in(kPcd);
  const auto draft = create_process(pcd, "กระบวนการที่ยังไม่เผยแพร่");
  somsri->get("/notifications");
  EXPECT_EQ(somsri->post("/spaces/" + std::to_string(draft) + "/follow", {}).status, 404);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM follows"), 0);
  Browser visitor(server.port());
  visitor.get("/processes/" + std::to_string(demo_process()));
  visitor.post("/spaces/" + std::to_string(demo_process()) + "/follow", {});
  EXPECT_EQ(integer("SELECT COUNT(*) FROM follows"), 0) << "signed out";
}

}  // namespace
}  // namespace ruamkit::testing::consult
