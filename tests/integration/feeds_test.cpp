// Atom and RSS feeds of announcements over real HTTP: well-formed XML (checked
// by xmllint), the elements readers need, the right types, escaping.
#include <gtest/gtest.h>

#include "integration/inform_support.h"

namespace ruamkit::testing::inform {
namespace {

constexpr const char* kAtom = "/*[local-name()=\"feed\"]";
constexpr const char* kEntry = "/*[local-name()=\"feed\"]/*[local-name()=\"entry\"]";

std::string atom(const std::string& child) {
  return std::string(kAtom) + "/*[local-name()=\"" + child + "\"]";
}

class Feeds : public InformTest {
 protected:
  HttpResponse fetch(const std::string& target) {
    auto r = http_get(server.port(), target);
    EXPECT_EQ(r.status, 200) << target;
    std::string why;
    EXPECT_TRUE(well_formed(r.body, why)) << target << "\n" << why << "\n" << r.body;
    return r;
  }

  // Checks the elements an Atom feed must have (RFC 4287); returns the number of entries.
  int check_atom(const std::string& target) {
    const auto r = fetch(target);
    EXPECT_EQ(r.header("content-type"), "application/atom+xml; charset=utf-8") << target;
    const auto& xml = r.body;
    EXPECT_TRUE(contains(xml, "<feed xmlns=\"http://www.w3.org/2005/Atom\"")) << target;
    EXPECT_EQ(xpath(xml, "count(" + atom("id") + ")"), "1") << target;
    EXPECT_EQ(xpath(xml, "count(" + atom("title") + ")"), "1") << target;
    EXPECT_EQ(xpath(xml, "count(" + atom("updated") + ")"), "1") << target;
    const std::string base = "http://127.0.0.1";
    EXPECT_TRUE(xpath(xml, "string(" + atom("id") + ")").starts_with(base)) << target;
    EXPECT_TRUE(
        std::regex_match(xpath(xml, "string(" + atom("updated") + ")"),
                         std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d))")))
        << target << ": RFC 3339 time";
    const auto self = xpath(xml, "string(" + atom("link") + "[@rel=\"self\"]/@href)");
    EXPECT_TRUE(self.starts_with(base)) << self;
    EXPECT_TRUE(self.ends_with(target)) << self << " for " << target;
    const int entries = std::stoi(xpath(xml, std::string("count(") + kEntry + ")"));
    // Every entry has an id, title, updated, link and author name.
    const std::string complete =
        std::string("count(") + kEntry +
        "[*[local-name()=\"id\"] and *[local-name()=\"title\"] and *[local-name()=\"updated\"] "
        "and *[local-name()=\"link\"]/@href and "
        "*[local-name()=\"author\"]/*[local-name()=\"name\"]])";
    EXPECT_EQ(xpath(xml, complete), std::to_string(entries)) << target;
    return entries;
  }

  // Checks the elements an RSS 2.0 feed must have; returns the number of items.
  int check_rss(const std::string& target) {
    const auto r = fetch(target);
    EXPECT_EQ(r.header("content-type"), "application/rss+xml; charset=utf-8") << target;
    const auto& xml = r.body;
    EXPECT_EQ(xpath(xml, "string(/rss/@version)"), "2.0") << target;
    for (const char* child : {"title", "link", "description"}) {
      EXPECT_EQ(xpath(xml, std::string("count(/rss/channel/") + child + ")"), "1")
          << target << " " << child;
    }
    EXPECT_TRUE(xpath(xml, "string(/rss/channel/link)").starts_with("http://127.0.0.1"));
    const int items = std::stoi(xpath(xml, "count(/rss/channel/item)"));
    EXPECT_EQ(xpath(xml, "count(/rss/channel/item[title and link and guid and pubDate])"),
              std::to_string(items))
        << target;
    // pubDate in RFC 822 form.
    const std::regex rfc822(R"([A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4})");
    for (int i = 1; i <= items; ++i) {
      const auto date = xpath(xml, "string(/rss/channel/item[" + std::to_string(i) + "]/pubDate)");
      EXPECT_TRUE(std::regex_match(date, rfc822)) << target << " item " << i << ": " << date;
    }
    return items;
  }
};

TEST_F(Feeds, TheSiteFeedsAreWellFormedAndComplete) {
  const auto announcements = integer(
      "SELECT COUNT(*) FROM pages g LEFT JOIN spaces s ON s.id = g.space_id "
      "WHERE g.kind = 'announcement' AND g.status = 'published' "
      "AND (g.space_id IS NULL OR s.status IN ('published', 'archived'))");
  ASSERT_GE(announcements, 2);
  EXPECT_EQ(check_atom("/feed.atom"), announcements);
  EXPECT_EQ(check_rss("/feed.rss"), announcements);
  // The entries are the announcements, not the standing pages.
  const auto atom_body = http_get(server.port(), "/feed.atom").body;
  const auto news = page_titled(
      "สำนักงาน ก.พ.ร. จัดการประชุมคณะอนุกรรมการพัฒนาระบบราชการเกี่ยวกับการพัฒนาและส่งเสริม"
      "การบริหารราชการแบบมีส่วนร่วม ครั้งที่ 2/2563");
  EXPECT_TRUE(contains(atom_body, "/pages/" + std::to_string(news) + "</id>"));
  EXPECT_FALSE(contains(atom_body, "<title>ที่มา 2553</title>")) << "a page is not news";
  // Pages point to their feeds.
  const auto home = http_get(server.port(), "/announcements").body;
  EXPECT_TRUE(contains(home, "href=\"/feed.atom\""));
  EXPECT_TRUE(contains(home, "href=\"/feed.rss\""));
}

TEST_F(Feeds, AnOrganisationsFeedHasOnlyItsAnnouncements) {
  const auto opdc_news =
      "/pages/" + std::to_string(integer("SELECT id FROM pages WHERE kind = 'announcement' AND "
                                         "organisation_id = ?",
                                         organisation("opdc")));
  const auto pcd_news =
      "/pages/" + std::to_string(integer("SELECT id FROM pages WHERE kind = 'announcement' AND "
                                         "organisation_id = ?",
                                         organisation("pcd")));
  EXPECT_EQ(check_atom("/organisations/opdc/feed.atom"), 1);
  EXPECT_EQ(check_rss("/organisations/pcd/feed.rss"), 1);
  EXPECT_EQ(check_atom("/organisations/pcd/feed.atom"), 1);
  const auto opdc = http_get(server.port(), "/organisations/opdc/feed.atom").body;
  EXPECT_TRUE(contains(opdc, opdc_news + "</id>"));
  EXPECT_FALSE(contains(opdc, pcd_news + "</id>"));
  EXPECT_TRUE(
      contains(xpath(opdc, "string(" + atom("title") + ")"), "สำนักงานคณะกรรมการพัฒนาระบบราชการ"));
  const auto pcd = http_get(server.port(), "/organisations/pcd/feed.rss").body;
  EXPECT_TRUE(contains(pcd, "<guid isPermaLink=\"true\">http://127.0.0.1:" +
                                std::to_string(server.port()) + pcd_news + "</guid>"));
  EXPECT_FALSE(contains(pcd, opdc_news + "<"));
  // An organisation without announcements still has a valid, empty feed.
  EXPECT_EQ(check_atom("/organisations/moph/feed.atom"), 0);
  EXPECT_EQ(check_rss("/organisations/moph/feed.rss"), 0);
  EXPECT_EQ(http_get(server.port(), "/organisations/no-such-agency/feed.atom").status, 404);
}

TEST_F(Feeds, MarkupInAnAnnouncementIsEscaped) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const std::string title = "ฝุ่น & ควัน <ด่วน> \"ประกาศ\" ]]> จบ";
  const auto id = create_page(pcd, "pcd", "announcement", title,
                              "เนื้อหา & <script>alert(1)</script> **สำคัญ**\n\n"
                              "[ลิงก์](javascript:alert(1))");
  set_page_status(pcd, id, "published");
  for (const char* target : {"/feed.atom", "/organisations/pcd/feed.atom"}) {
    const auto r = fetch(target);
    EXPECT_EQ(xpath(r.body, std::string("string(") + kEntry + "[1]/*[local-name()=\"title\"])"),
              title)
        << target << ": the newest entry, with its title as typed";
    EXPECT_TRUE(contains(r.body, "&amp; ควัน &lt;ด่วน&gt;")) << target;
    EXPECT_FALSE(contains(r.body, "<ด่วน>")) << target;
    const auto summary =
        xpath(r.body, std::string("string(") + kEntry + "[1]/*[local-name()=\"summary\"])");
    EXPECT_TRUE(contains(summary, "<strong>สำคัญ</strong>")) << summary;
    EXPECT_FALSE(contains(summary, "<script")) << summary;
    EXPECT_FALSE(contains(summary, "javascript:")) << summary;
  }
  for (const char* target : {"/feed.rss", "/organisations/pcd/feed.rss"}) {
    const auto r = fetch(target);
    EXPECT_EQ(xpath(r.body, "string(/rss/channel/item[1]/title)"), title) << target;
    EXPECT_FALSE(contains(r.body, "<ด่วน>")) << target;
    const auto description = xpath(r.body, "string(/rss/channel/item[1]/description)");
    EXPECT_TRUE(contains(description, "<strong>สำคัญ</strong>")) << description;
    EXPECT_FALSE(contains(description, "<script")) << description;
  }
  EXPECT_GE(check_atom("/feed.atom"), 3);
  EXPECT_GE(check_rss("/feed.rss"), 3);
}

}  // namespace
}  // namespace ruamkit::testing::inform
