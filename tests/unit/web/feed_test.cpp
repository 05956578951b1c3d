#include "web/feed.h"

#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

namespace ruamkit::web {
namespace {

constexpr const char* kXmllint = "/usr/bin/xmllint";

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

// Whether xmllint accepts `document` as well-formed XML (namespaces included). Its complaints
// go to stderr, so they show in the test log.
bool is_well_formed(const std::string& document) {
  FILE* pipe = popen((std::string(kXmllint) + " --noout -").c_str(), "w");
  if (pipe == nullptr) return false;
  const bool written = std::fwrite(document.data(), 1, document.size(), pipe) == document.size();
  const int status = pclose(pipe);
  return written && status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

FeedInfo info() {
  return {
      .id = "https://ruamkit.example/th/feed",
      .title = "ร่วมคิด: ข่าว & ประกาศ",
      .subtitle = "ประกาศจากเทศบาล",
      .site_url = "https://ruamkit.example/th/news?page=1&sort=new",
      .feed_url = "https://ruamkit.example/th/news.atom",
      .language = "th",
      .updated = "",
  };
}

std::vector<FeedEntry> entries() {
  return {
      {
          .id = "https://ruamkit.example/th/news/2",
          .title = "ประชุมสภา <วาระพิเศษ> & งบประมาณ",
          .url = "https://ruamkit.example/th/news/2",
          .summary_html = "<p>เชิญร่วม <strong>ประชุม</strong> &amp; ฟังความเห็น</p>",
          .author = "เทศบาลตำบลบ้านใหม่",
          .published = "2026-11-23T05:04:03.123Z",
          .updated = "2026-11-24T10:00:00.000Z",
      },
      {
          .id = "tag:ruamkit.example,2026:news/1",
          .title = "Opening",
          .url = "https://ruamkit.example/th/news/1",
          .summary_html = "<p>Hello</p>",
          .author = "",
          .published = "2026-01-05T00:00:00.000Z",
          .updated = "",
      },
  };
}

TEST(Feed, FormatsRfc3339) {
  EXPECT_EQ(rfc3339("2026-11-23T05:04:03.123Z"), "2026-11-23T05:04:03Z");
  EXPECT_EQ(rfc3339("2024-02-29T23:59:59.999Z"), "2024-02-29T23:59:59Z");
  EXPECT_EQ(rfc3339("yesterday"), "1970-01-01T00:00:00Z");
  EXPECT_EQ(rfc3339(""), "1970-01-01T00:00:00Z");
}

TEST(Feed, FormatsRfc822WithTheWeekday) {
  EXPECT_EQ(rfc822("2026-11-23T05:04:03.123Z"), "Mon, 23 Nov 2026 05:04:03 +0000");
  EXPECT_EQ(rfc822("2024-02-29T00:00:00.000Z"), "Thu, 29 Feb 2024 00:00:00 +0000");
  EXPECT_EQ(rfc822("2026-01-05T09:08:07.000Z"), "Mon, 05 Jan 2026 09:08:07 +0000");
  EXPECT_EQ(rfc822("2026-13-01T00:00:00.000Z"), "Thu, 01 Jan 1970 00:00:00 +0000");
}

TEST(Feed, AtomHasTheRequiredElements) {
  const std::string atom = atom_feed(info(), entries());
  EXPECT_TRUE(atom.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")) << atom;
  EXPECT_TRUE(contains(atom, "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"th\">"));
  EXPECT_TRUE(contains(atom, "<id>https://ruamkit.example/th/feed</id>"));
  EXPECT_TRUE(contains(atom, "<title>ร่วมคิด: ข่าว &amp; ประกาศ</title>"));
  EXPECT_TRUE(contains(atom, "<subtitle>ประกาศจากเทศบาล</subtitle>"));
  // The newest entry's update.
  EXPECT_TRUE(contains(atom, "  <updated>2026-11-24T10:00:00Z</updated>\n  <link")) << atom;
  EXPECT_TRUE(contains(atom,
                       "<link rel=\"alternate\" type=\"text/html\" "
                       "href=\"https://ruamkit.example/th/news?page=1&amp;sort=new\"/>"));
  EXPECT_TRUE(contains(atom,
                       "<link rel=\"self\" type=\"application/atom+xml\" "
                       "href=\"https://ruamkit.example/th/news.atom\"/>"));

  EXPECT_TRUE(contains(atom,
                       "  <entry>\n"
                       "    <id>https://ruamkit.example/th/news/2</id>\n"
                       "    <title>ประชุมสภา &lt;วาระพิเศษ&gt; &amp; งบประมาณ</title>\n"
                       "    <link rel=\"alternate\" type=\"text/html\" "
                       "href=\"https://ruamkit.example/th/news/2\"/>\n"
                       "    <published>2026-11-23T05:04:03Z</published>\n"
                       "    <updated>2026-11-24T10:00:00Z</updated>\n"
                       "    <author><name>เทศบาลตำบลบ้านใหม่</name></author>\n"
                       "    <summary type=\"html\">&lt;p&gt;เชิญร่วม &lt;strong&gt;ประชุม"
                       "&lt;/strong&gt; &amp;amp; ฟังความเห็น&lt;/p&gt;</summary>\n"
                       "  </entry>\n"))
      << atom;
  // Without `updated`, the entry was last updated when published; without an author, the
  // feed's title stands in (Atom requires one).
  EXPECT_TRUE(contains(atom,
                       "    <published>2026-01-05T00:00:00Z</published>\n"
                       "    <updated>2026-01-05T00:00:00Z</updated>\n"
                       "    <author><name>ร่วมคิด: ข่าว &amp; ประกาศ</name></author>\n"))
      << atom;
  EXPECT_TRUE(atom.ends_with("</feed>\n"));
}

TEST(Feed, RssHasTheRequiredElements) {
  const std::string rss = rss_feed(info(), entries());
  EXPECT_TRUE(rss.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")) << rss;
  EXPECT_TRUE(contains(rss,
                       "<rss version=\"2.0\" xmlns:atom=\"http://www.w3.org/2005/Atom\" "
                       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"));
  EXPECT_TRUE(contains(rss,
                       "  <channel>\n"
                       "    <title>ร่วมคิด: ข่าว &amp; ประกาศ</title>\n"
                       "    <link>https://ruamkit.example/th/news?page=1&amp;sort=new</link>\n"
                       "    <description>ประกาศจากเทศบาล</description>\n"
                       "    <language>th</language>\n"
                       "    <lastBuildDate>Tue, 24 Nov 2026 10:00:00 +0000</lastBuildDate>\n"
                       "    <atom:link href=\"https://ruamkit.example/th/news.atom\" rel=\"self\" "
                       "type=\"application/rss+xml\"/>\n"))
      << rss;
  EXPECT_TRUE(contains(rss,
                       "    <item>\n"
                       "      <title>ประชุมสภา &lt;วาระพิเศษ&gt; &amp; งบประมาณ</title>\n"
                       "      <link>https://ruamkit.example/th/news/2</link>\n"
                       "      <guid isPermaLink=\"true\">https://ruamkit.example/th/news/2</guid>\n"
                       "      <pubDate>Mon, 23 Nov 2026 05:04:03 +0000</pubDate>\n"
                       "      <description>&lt;p&gt;เชิญร่วม &lt;strong&gt;ประชุม&lt;/strong&gt; "
                       "&amp;amp; ฟังความเห็น&lt;/p&gt;</description>\n"
                       "      <dc:creator>เทศบาลตำบลบ้านใหม่</dc:creator>\n"
                       "    </item>\n"))
      << rss;
  EXPECT_TRUE(contains(rss, "<guid isPermaLink=\"false\">tag:ruamkit.example,2026:news/1</guid>"));
  EXPECT_TRUE(contains(rss, "<pubDate>Mon, 05 Jan 2026 00:00:00 +0000</pubDate>"));
  EXPECT_TRUE(rss.ends_with("  </channel>\n</rss>\n"));
}

TEST(Feed, UsesTheGivenUpdateOrTheEpoch) {
  FeedInfo given = info();
  given.updated = "2027-01-01T00:00:00.000Z";
  EXPECT_TRUE(contains(atom_feed(given, entries()), "  <updated>2027-01-01T00:00:00Z</updated>"));
  EXPECT_TRUE(contains(rss_feed(given, entries()),
                       "<lastBuildDate>Fri, 01 Jan 2027 00:00:00 +0000</lastBuildDate>"));

  const std::string empty_atom = atom_feed(info(), {});
  EXPECT_TRUE(contains(empty_atom, "<updated>1970-01-01T00:00:00Z</updated>"));
  EXPECT_FALSE(contains(empty_atom, "<entry>"));
  EXPECT_TRUE(contains(rss_feed(info(), {}),
                       "<lastBuildDate>Thu, 01 Jan 1970 00:00:00 +0000</lastBuildDate>"));
}

TEST(Feed, FallsBackWhenOptionalValuesAreMissing) {
  FeedInfo bare = info();
  bare.subtitle.clear();
  bare.language.clear();
  const std::string atom = atom_feed(bare, {});
  EXPECT_TRUE(contains(atom, "<feed xmlns=\"http://www.w3.org/2005/Atom\">"));
  EXPECT_FALSE(contains(atom, "<subtitle>"));
  const std::string rss = rss_feed(bare, {});
  EXPECT_TRUE(contains(rss, "<description>ร่วมคิด: ข่าว &amp; ประกาศ</description>"));
  EXPECT_FALSE(contains(rss, "<language>"));
}

TEST(Feed, StripsWhatXmlDoesNotAllow) {
  FeedInfo dirty = info();
  dirty.title = std::string(
                    "a\x01"
                    "b\x1f\x0b"
                    "c\td\ne\rf",
                    12) +
                std::string(1, '\0') + "g";
  std::vector<FeedEntry> items = entries();
  items[0].title = "bad \xff\xfe utf-8 \xe0\x80\x80 and \xef\xbf\xbe non-character";
  items[0].summary_html =
      "<p>\x07"
      "bell</p>";
  const std::string atom = atom_feed(dirty, items);
  EXPECT_TRUE(contains(atom, "<title>abc\td\ne\rfg</title>")) << atom;
  EXPECT_TRUE(contains(atom,
                       "<title>bad \xEF\xBF\xBD\xEF\xBF\xBD utf-8 \xEF\xBF\xBD\xEF\xBF\xBD"
                       "\xEF\xBF\xBD and  non-character</title>"))
      << atom;
  EXPECT_TRUE(contains(atom, "&lt;p&gt;bell&lt;/p&gt;"));
  const std::string rss = rss_feed(dirty, items);
  EXPECT_TRUE(contains(rss, "<title>abc\td\ne\rfg</title>"));
  EXPECT_FALSE(contains(rss, "\x07"));
}

TEST(Feed, DocumentsAreWellFormed) {
  if (!std::filesystem::exists(kXmllint)) GTEST_SKIP() << kXmllint << " is not installed";
  FeedInfo dirty = info();
  dirty.title = "ctl\x01\x02 \"quotes\" 'single' ]]> <![CDATA[ &amp; &#0;";
  dirty.feed_url = "https://ruamkit.example/feed?a=1&b=\"2\"";
  std::vector<FeedEntry> items = entries();
  items[0].title = "bad \xff utf-8 \xed\xa0\x80 surrogate";
  items[1].summary_html = "<p>]]></p><script>&</script>";
  items[1].author = "<Somchai & Co>";

  const std::string documents[] = {atom_feed(info(), entries()), rss_feed(info(), entries()),
                                   atom_feed(info(), {}),        rss_feed(info(), {}),
                                   atom_feed(dirty, items),      rss_feed(dirty, items)};
  for (const auto& document : documents) EXPECT_TRUE(is_well_formed(document)) << document;
}

TEST(Feed, TheWellFormednessCheckCanFail) {
  if (!std::filesystem::exists(kXmllint)) GTEST_SKIP() << kXmllint << " is not installed";
  EXPECT_FALSE(is_well_formed("<feed><title>a & b</title></feed>"));
}

}  // namespace
}  // namespace ruamkit::web
