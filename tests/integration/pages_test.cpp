// Pages and announcements over real HTTP: drafts kept from the public
// everywhere (also inside a draft space), revisions, safe Markdown, who may
// edit, and search over the imported OPDC pages.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "integration/inform_support.h"

namespace ruamkit::testing::inform {
namespace {

namespace json = boost::json;

std::string page_link(std::int64_t id) { return "href=\"/pages/" + std::to_string(id) + "\""; }

std::set<std::int64_t> api_ids(const HttpResponse& r) {
  std::set<std::int64_t> ids;
  const auto doc = json::parse(r.body);  // kept alive for the loop
  for (const auto& item : doc.at("data").as_array()) {
    ids.insert(item.at("id").as_int64());
  }
  return ids;
}

// The rendered body of a page: from the prose block to the end of the article.
std::string prose_of(const std::string& html) {
  const auto start = html.find("<div class=\"prose markdown\">");
  if (start == std::string::npos) return "";
  return html.substr(start, html.find("</article>", start) - start);
}

using Pages = InformTest;

TEST_F(Pages, ADraftAnnouncementIsHiddenEverywhereUntilPublished) {
  const std::string word = "มะพร้าวเหาะข้ามทะเลสาบหนองหาน";
  const std::string title = "ประกาศ " + word;
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_page(pcd, "pcd", "announcement", title, "เนื้อหาของประกาศ " + word);
  EXPECT_EQ(text("SELECT status FROM pages WHERE id = ?", id), "draft");
  const auto url = "/pages/" + std::to_string(id);
  const auto link = page_link(id);
  Browser visitor(server.port());
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  Browser chiang_mai(server.port());
  sign_in(chiang_mai, kChiangMai);

  auto expect_hidden = [&](const std::string& when) {
    EXPECT_EQ(visitor.get(url).status, 404) << when;
    EXPECT_EQ(citizen.get(url).status, 404) << when;
    EXPECT_EQ(chiang_mai.get(url).status, 404) << when << ": another organisation's official";
    EXPECT_EQ(visitor.get(url + "/revisions").status, 404) << when;
    EXPECT_EQ(visitor.get(url + "/revisions/1").status, 404) << when;
    EXPECT_FALSE(contains(visitor.get("/announcements").body, link)) << when;
    EXPECT_FALSE(contains(visitor.get("/announcements?organisation=pcd").body, link)) << when;
    EXPECT_FALSE(contains(visitor.get("/organisations/pcd").body, link)) << when;
    EXPECT_TRUE(search_results(visitor.get("/search?q=" + q(word)).body).empty()) << when;
    EXPECT_FALSE(contains(visitor.get("/api/v1/search?q=" + q(word)).body, url)) << when;
    for (const char* feed : {"/feed.atom", "/feed.rss", "/organisations/pcd/feed.atom",
                             "/organisations/pcd/feed.rss"}) {
      const auto r = visitor.get(feed);
      EXPECT_EQ(r.status, 200) << feed;
      EXPECT_FALSE(contains(r.body, word)) << when << " " << feed;
      EXPECT_FALSE(contains(r.body, url + "<")) << when << " " << feed;
    }
    EXPECT_FALSE(contains(visitor.get("/sitemap.xml").body, url + "</loc>")) << when;
    EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?per_page=100")).count(id), 0u) << when;
    EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?kind=announcement&organisation_id=" + org("pcd")))
                  .count(id),
              0u)
        << when;
    EXPECT_EQ(visitor.get("/api/v1" + url).status, 404) << when;
    EXPECT_EQ(visitor.get("/api/v1" + url + "/revisions").status, 404) << when;
  };
  expect_hidden("as a draft");
  const auto own = pcd.get(url);
  EXPECT_EQ(own.status, 200);
  EXPECT_TRUE(contains(own.body, ui_html("pages.draft_banner"))) << "the draft banner";
  EXPECT_TRUE(contains(own.body, word));

  set_page_status(pcd, id, "published");
  const auto shown = visitor.get(url);
  ASSERT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, "<h1>" + title + "</h1>"));
  EXPECT_FALSE(contains(shown.body, ui_html("pages.draft_banner")));
  EXPECT_EQ(citizen.get(url).status, 200);
  EXPECT_TRUE(contains(visitor.get("/announcements").body, link));
  EXPECT_TRUE(contains(visitor.get("/announcements?organisation=pcd").body, link));
  EXPECT_FALSE(contains(visitor.get("/announcements?organisation=opdc").body, link));
  EXPECT_TRUE(contains(visitor.get("/organisations/pcd").body, link));
  const auto results = search_results(visitor.get("/search?q=" + q(word)).body);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].url, url);
  EXPECT_EQ(results[0].title, title);
  for (const char* feed :
       {"/feed.atom", "/feed.rss", "/organisations/pcd/feed.atom", "/organisations/pcd/feed.rss"}) {
    EXPECT_TRUE(contains(visitor.get(feed).body, title)) << feed;
  }
  EXPECT_FALSE(contains(visitor.get("/organisations/opdc/feed.atom").body, title));
  EXPECT_TRUE(contains(visitor.get("/sitemap.xml").body, url + "</loc>"));
  EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?per_page=100")).count(id), 1u);
  EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?kind=announcement&organisation_id=" + org("pcd")))
                .count(id),
            1u);
  EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?kind=page&organisation_id=" + org("pcd"))).count(id),
            0u);
  const auto api = visitor.get("/api/v1" + url);
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(json::parse(api.body).at("data").at("title").as_string(), title);

  set_page_status(pcd, id, "draft");
  expect_hidden("withdrawn");
  EXPECT_EQ(pcd.get(url).status, 200);
}

TEST_F(Pages, APageInsideADraftSpaceIsNotPublicEvenWhenPublished) {
  const std::string word = "ช้างน้ำแข็งร้องเพลงริมกว๊านพะเยา";
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto space = create_process(pcd, "กระบวนการที่ยังเป็นร่าง");
  const auto id =
      create_page(pcd, "pcd", "announcement", "ประกาศในพื้นที่ร่าง " + word, "เนื้อหา " + word, space);
  EXPECT_EQ(integer("SELECT space_id FROM pages WHERE id = ?", id), space);
  set_page_status(pcd, id, "published");
  EXPECT_EQ(text("SELECT status FROM pages WHERE id = ?", id), "published");
  const auto url = "/pages/" + std::to_string(id);
  Browser visitor(server.port());
  auto expect_hidden = [&](const std::string& when) {
    EXPECT_EQ(visitor.get(url).status, 404) << when;
    EXPECT_EQ(visitor.get(url + "/revisions").status, 404) << when;
    EXPECT_EQ(visitor.get("/api/v1" + url).status, 404) << when;
    EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?per_page=100")).count(id), 0u) << when;
    EXPECT_TRUE(api_ids(visitor.get("/api/v1/pages?space_id=" + std::to_string(space))).empty())
        << when;
    EXPECT_FALSE(contains(visitor.get("/announcements").body, page_link(id))) << when;
    EXPECT_TRUE(search_results(visitor.get("/search?q=" + q(word)).body).empty()) << when;
    EXPECT_FALSE(contains(visitor.get("/feed.atom").body, word)) << when;
    EXPECT_FALSE(contains(visitor.get("/feed.rss").body, word)) << when;
    EXPECT_FALSE(contains(visitor.get("/sitemap.xml").body, url + "</loc>")) << when;
  };
  expect_hidden("space is a draft");
  EXPECT_EQ(pcd.get(url).status, 200) << "the owner still sees it";
  EXPECT_TRUE(contains(pcd.get("/manage/pages/" + std::to_string(id)).body,
                       ui_html("pages.space_not_public")))
      << "the editor says why it is not public";

  // Publishing the space makes its published page public, in the same step.
  set_space_status(pcd, space, "published");
  EXPECT_EQ(visitor.get(url).status, 200);
  EXPECT_TRUE(contains(visitor.get("/processes/" + std::to_string(space)).body, page_link(id)));
  EXPECT_EQ(search_results(visitor.get("/search?q=" + q(word)).body).size(), 1u);
  EXPECT_TRUE(contains(visitor.get("/feed.atom").body, word));
  EXPECT_EQ(api_ids(visitor.get("/api/v1/pages?space_id=" + std::to_string(space))),
            std::set<std::int64_t>{id});

  set_space_status(pcd, space, "draft");
  expect_hidden("space taken back to draft");
}

TEST_F(Pages, EverySaveIsARevisionAndOldOnesStayReadable) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id =
      create_page(pcd, "pcd", "announcement", "ประกาศรับสมัครผู้แทนชุมชน", "รับสมัครถึงวันที่ 10 มกราคม");
  set_page_status(pcd, id, "published");
  const auto manage = "/manage/pages/" + std::to_string(id);
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage, {{"title", "ประกาศรับสมัครผู้แทนชุมชน (แก้ไข)"},
                              {"body", "รับสมัครถึงวันที่ 20 มกราคม"},
                              {"note", "ขยายเวลารับสมัคร"}})
                .status,
            303);
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage, {{"title", "ประกาศรับสมัครผู้แทนชุมชน (ปิดรับแล้ว)"},
                              {"body", "ปิดรับสมัครแล้ว ขอบคุณผู้สนใจทุกท่าน"},
                              {"note", "ปิดรับสมัคร"}})
                .status,
            303);
  auto invalid = pcd.post(manage, {{"title", ""}, {"body", "ไม่มีชื่อเรื่อง"}, {"note", ""}});
  EXPECT_EQ(invalid.status, 422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM page_revisions WHERE page_id = ?", id), 3);
  EXPECT_EQ(integer("SELECT revision FROM pages WHERE id = ?", id), 3);

  const auto url = "/pages/" + std::to_string(id);
  Browser visitor(server.port());
  const auto current = visitor.get(url);
  EXPECT_TRUE(contains(current.body, "ปิดรับสมัครแล้ว ขอบคุณผู้สนใจทุกท่าน"));
  EXPECT_TRUE(contains(current.body, "href=\"" + url + "/revisions\"")) << "a link to the history";
  const auto history = visitor.get(url + "/revisions");
  ASSERT_EQ(history.status, 200);
  for (int n = 1; n <= 3; ++n) {
    EXPECT_TRUE(contains(history.body, "href=\"" + url + "/revisions/" + std::to_string(n) + "\""))
        << n;
  }
  EXPECT_EQ(occurrences(history.body, "href=\"" + url + "/revisions/"), 3u);
  EXPECT_TRUE(contains(history.body, "ขยายเวลารับสมัคร"));
  EXPECT_TRUE(contains(history.body, "ปิดรับสมัคร"));
  const auto first = visitor.get(url + "/revisions/1");
  ASSERT_EQ(first.status, 200);
  EXPECT_TRUE(contains(first.body, "รับสมัครถึงวันที่ 10 มกราคม"));
  EXPECT_FALSE(contains(first.body, "ปิดรับสมัครแล้ว ขอบคุณ"));
  EXPECT_TRUE(contains(first.body, "<h1>ประกาศรับสมัครผู้แทนชุมชน</h1>"));
  EXPECT_TRUE(contains(first.body, ui_html("pages.old_revision_banner")))
      << "the old-revision banner";
  const auto second = visitor.get(url + "/revisions/2");
  EXPECT_TRUE(contains(second.body, "รับสมัครถึงวันที่ 20 มกราคม"));
  EXPECT_FALSE(
      contains(visitor.get(url + "/revisions/3").body, ui_html("pages.old_revision_banner")));
  EXPECT_EQ(visitor.get(url + "/revisions/4").status, 404);
  EXPECT_EQ(visitor.get(url + "/revisions/0").status, 404);

  const auto api = json::parse(visitor.get("/api/v1" + url + "/revisions").body);
  const auto& revisions = api.at("data").as_array();
  ASSERT_EQ(revisions.size(), 3u);
  EXPECT_EQ(revisions.at(0).at("number").as_int64(), 3) << "newest first";
  EXPECT_EQ(revisions.at(2).at("body_markdown").as_string(), "รับสมัครถึงวันที่ 10 มกราคม");
  EXPECT_EQ(revisions.at(1).at("note").as_string(), "ขยายเวลารับสมัคร");
  EXPECT_FALSE(revisions.at(0).as_object().contains("edited_by")) << "who edited stays private";
  EXPECT_EQ(json::parse(visitor.get("/api/v1" + url).body).at("data").at("revision").as_int64(), 3);
}

TEST_F(Pages, WhatWasDraftedBeforePublicationStaysPrivate) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_page(pcd, "pcd", "page", "งบประมาณโครงการ", "ร่าง งบ 50 ล้าน ยังไม่อนุมัติ");
  const auto manage = "/manage/pages/" + std::to_string(id);
  pcd.get(manage);
  ASSERT_EQ(pcd.post(manage, {{"title", "งบประมาณโครงการ"},
                              {"body", "งบประมาณที่อนุมัติแล้ว 30 ล้านบาท"},
                              {"note", "ฉบับอนุมัติ"}})
                .status,
            303);
  set_page_status(pcd, id, "published");
  const auto url = "/pages/" + std::to_string(id);
  Browser visitor(server.port());
  const auto history = visitor.get(url + "/revisions");
  ASSERT_EQ(history.status, 200);
  EXPECT_EQ(occurrences(history.body, "href=\"" + url + "/revisions/"), 1u) << "only revision 2";
  EXPECT_EQ(visitor.get(url + "/revisions/1").status, 404) << "the draft text is not public";
  EXPECT_EQ(visitor.get(url + "/revisions/2").status, 200);
  const auto api = json::parse(visitor.get("/api/v1" + url + "/revisions").body);
  ASSERT_EQ(api.at("data").as_array().size(), 1u);
  EXPECT_EQ(api.at("data").as_array().at(0).at("number").as_int64(), 2);
  EXPECT_FALSE(contains(visitor.get("/api/v1" + url + "/revisions").body, "50 ล้าน"));
  // The organisation still sees its whole history.
  EXPECT_EQ(pcd.get(url + "/revisions/1").status, 200);

  // Edits while withdrawn stay private too; what is current at republication becomes public.
  set_page_status(pcd, id, "draft");
  pcd.get(manage);
  ASSERT_EQ(pcd.post(manage, {{"title", "งบประมาณโครงการ"}, {"body", "ร่างแก้ไขภายใน"}, {"note", ""}})
                .status,
            303);
  pcd.get(manage);
  ASSERT_EQ(
      pcd.post(manage, {{"title", "งบประมาณโครงการ"}, {"body", "ฉบับปรับปรุง"}, {"note", ""}}).status,
      303);
  set_page_status(pcd, id, "published");
  EXPECT_EQ(visitor.get(url + "/revisions/3").status, 404);
  EXPECT_EQ(visitor.get(url + "/revisions/4").status, 200);
}

TEST_F(Pages, MarkdownIsRenderedSafely) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const std::string body =
      "ย่อหน้าแรกมี **ตัวหนา** และ [ลิงก์ปลอดภัย](https://example.org/safe)\n\n"
      "<script>alert(1)</script>\n\n"
      "[กดที่นี่](javascript:alert(1))\n\n"
      "<img src=x onerror=alert(1)>\n\n"
      "![รูป](javascript:alert(2))\n\n"
      "ย่อหน้าสุดท้าย";
  const auto id = create_page(pcd, "pcd", "page", "หน้า <b>หนา</b> & ทดสอบ", body);
  set_page_status(pcd, id, "published");
  Browser visitor(server.port());
  const auto r = visitor.get("/pages/" + std::to_string(id));
  ASSERT_EQ(r.status, 200);
  const auto prose = prose_of(r.body);
  ASSERT_FALSE(prose.empty()) << r.body;
  // It is rendered...
  EXPECT_TRUE(contains(prose, "<strong>ตัวหนา</strong>"));
  EXPECT_TRUE(contains(prose, "<a href=\"https://example.org/safe\""));
  EXPECT_TRUE(contains(prose, "ย่อหน้าสุดท้าย"));
  EXPECT_TRUE(contains(prose, "กดที่นี่")) << "the link text stays";
  // ...and nothing in it runs.
  EXPECT_FALSE(contains(prose, "<script"));
  EXPECT_FALSE(contains(prose, "javascript:"));
  EXPECT_FALSE(contains(prose, "onerror"));
  EXPECT_FALSE(contains(prose, "<img"));
  EXPECT_EQ(occurrences(r.body, "<script"), occurrences(r.body, "<script src=\"/static/"))
      << "only the site's own script tags";
  EXPECT_FALSE(contains(r.body, "javascript:"));
  EXPECT_FALSE(contains(r.body, "onerror"));
  // The title is text.
  EXPECT_TRUE(contains(r.body, "<h1>หน้า &lt;b&gt;หนา&lt;/b&gt; &amp; ทดสอบ</h1>"));
  EXPECT_FALSE(contains(r.body, "<b>หนา</b>"));
  EXPECT_TRUE(contains(r.body, "<title>หน้า &lt;b&gt;หนา&lt;/b&gt; &amp; ทดสอบ"));
  // The same in the open data and in the organisation's list.
  const auto api = json::parse(visitor.get("/api/v1/pages/" + std::to_string(id)).body);
  const std::string html(api.at("data").at("body_html").as_string());
  EXPECT_TRUE(contains(html, "<strong>ตัวหนา</strong>"));
  EXPECT_FALSE(contains(html, "<script"));
  EXPECT_FALSE(contains(html, "javascript:"));
  EXPECT_FALSE(contains(html, "onerror"));
  EXPECT_EQ(api.at("data").at("body_markdown").as_string(), body) << "the source is kept as typed";
  const auto listing = visitor.get("/organisations/pcd");
  EXPECT_TRUE(contains(listing.body, "หน้า &lt;b&gt;หนา&lt;/b&gt; &amp; ทดสอบ"));
  EXPECT_FALSE(contains(listing.body, "<b>หนา</b>"));
  EXPECT_FALSE(contains(listing.body, "onerror"));
}

TEST_F(Pages, OnlyTheOwningOrganisationEditsItsPages) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_page(pcd, "pcd", "page", "หน้าของกรมควบคุมมลพิษ", "เนื้อหาเดิม");
  set_page_status(pcd, id, "published");
  const auto manage = "/manage/pages/" + std::to_string(id);
  const auto opdc_page = page_titled("การบริหารราชการแบบมีส่วนร่วม");

  Browser chiang_mai(server.port());
  sign_in(chiang_mai, kChiangMai);
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  for (auto* b : {&chiang_mai, &citizen}) {
    EXPECT_EQ(b->get(manage).status, 403);
    b->get("/pages/" + std::to_string(id));
    EXPECT_EQ(b->post(manage, {{"title", "ถูกแก้โดยผู้อื่น"}, {"body", "x"}, {"note", ""}}).status, 403);
    EXPECT_EQ(b->post(manage + "/status", {{"status", "draft"}}).status, 403);
    EXPECT_EQ(b->get("/manage/organisations/" + org("pcd") + "/pages/new?kind=page").status, 403);
    EXPECT_EQ(b->post("/manage/organisations/" + org("pcd") + "/pages",
                      {{"kind", "page"}, {"title", "แทรกหน้า"}, {"body", "x"}, {"note", ""}})
                  .status,
              403);
  }
  // Nor does PCD touch OPDC's pages.
  EXPECT_EQ(pcd.get("/manage/pages/" + std::to_string(opdc_page)).status, 403);
  pcd.get("/manage");
  EXPECT_EQ(
      pcd.post("/manage/pages/" + std::to_string(opdc_page) + "/status", {{"status", "draft"}})
          .status,
      403);
  // A PCD page cannot be put in another organisation's space.
  const auto opdc_committee =
      integer("SELECT id FROM spaces WHERE organisation_id = ?", organisation("opdc"));
  pcd.get("/manage/organisations/" + org("pcd") + "/pages/new?kind=page");
  EXPECT_EQ(pcd.post("/manage/organisations/" + org("pcd") + "/pages",
                     {{"kind", "page"},
                      {"space_id", std::to_string(opdc_committee)},
                      {"title", "แอบใส่ในพื้นที่ของหน่วยงานอื่น"},
                      {"body", "x"},
                      {"note", ""}})
                .status,
            400);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM pages WHERE space_id = ?", opdc_committee), 0);

  Browser stranger(server.port());
  const auto r = stranger.get(manage);
  EXPECT_EQ(r.status, 303);
  EXPECT_TRUE(r.header("location").value_or("").starts_with("/login"));

  EXPECT_EQ(text("SELECT title FROM pages WHERE id = ?", id), "หน้าของกรมควบคุมมลพิษ");
  EXPECT_EQ(text("SELECT status FROM pages WHERE id = ?", id), "published");
  EXPECT_EQ(integer("SELECT revision FROM pages WHERE id = ?", id), 1);
  EXPECT_EQ(text("SELECT status FROM pages WHERE id = ?", opdc_page), "published");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM pages WHERE title = 'แทรกหน้า'"), 0);
}

// Search over the OPDC pages imported by seed-demo.
class PagesSearch : public InformTest {
 protected:
  std::vector<SearchResult> search(const std::string& query, const std::string& extra = "") {
    const auto r = http_get(server.port(), "/search?q=" + q(query) + extra);
    EXPECT_EQ(r.status, 200) << query;
    return search_results(r.body);
  }
  std::string url_of(const std::string& title) {
    return "/pages/" + std::to_string(page_titled(title));
  }
};

constexpr const char* kSource2553 = "ที่มา 2553";
constexpr const char* kResults = "ผลการดำเนินงานด้านการบริหารราชการแบบมีส่วนร่วม";
constexpr const char* kPublicSector = "การบริหารงานภาครัฐแบบมีส่วนร่วม";
constexpr const char* kParticipatory = "การบริหารราชการแบบมีส่วนร่วม";
constexpr const char* kMeetingNews =
    "สำนักงาน ก.พ.ร. จัดการประชุมคณะอนุกรรมการพัฒนาระบบราชการเกี่ยวกับการพัฒนาและส่งเสริม"
    "การบริหารราชการแบบมีส่วนร่วม ครั้งที่ 2/2563";

TEST_F(PagesSearch, ParticipationFindsTheImportedOpdcPages) {
  const auto found = search("การมีส่วนร่วม");
  const auto titles = titles_of(found);
  for (const char* title : {kSource2553, kResults, kPublicSector, kParticipatory, kMeetingNews}) {
    EXPECT_TRUE(titles.contains(title)) << title;
  }
  EXPECT_TRUE(urls_of(found).contains(url_of(kResults)));
  EXPECT_TRUE(urls_of(found).contains(url_of(kMeetingNews)));
}

TEST_F(PagesSearch, IndicatorFindsThePerformancePageOnly) {
  const auto found = search("ตัวชี้วัด");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].title, kResults);
  EXPECT_EQ(found[0].url, url_of(kResults));
  // The snippet marks the word found.
  const auto html = http_get(server.port(), "/search?q=" + q("ตัวชี้วัด")).body;
  EXPECT_TRUE(contains(html, "<mark>ตัวชี้วัด</mark>"));
}

TEST_F(PagesSearch, NetworkFindsThePagesThatMentionNetworks) {
  const auto titles = titles_of(search("เครือข่าย"));
  for (const char* title : {kSource2553, kResults, kPublicSector}) {
    EXPECT_TRUE(titles.contains(title)) << title;
  }
  EXPECT_FALSE(titles.contains(kParticipatory));
}

TEST_F(PagesSearch, PeopleAndItsPrefixFindTheOpdcPages) {
  const auto people = search("ประชาชน");
  const auto titles = titles_of(people);
  for (const char* title : {kSource2553, kResults, kPublicSector, kParticipatory, kMeetingNews}) {
    EXPECT_TRUE(titles.contains(title)) << title;
  }
  const auto prefix = search("ประชา*");
  const auto prefix_urls = urls_of(prefix);
  for (const auto& r : people) {
    EXPECT_TRUE(prefix_urls.contains(r.url)) << "ประชา* finds whatever ประชาชน finds: " << r.url;
  }
  for (const char* title : {kResults, kPublicSector, kParticipatory}) {
    EXPECT_TRUE(titles_of(prefix).contains(title)) << title;
  }
  // Without the star, the partial word is not a word of these pages.
  EXPECT_LT(search("ประชา").size(), prefix.size());
}

TEST_F(PagesSearch, KindAndOrganisationFiltersNarrowTheResults) {
  const auto all = search("การมีส่วนร่วม");
  const auto committees = search("การมีส่วนร่วม", "&kind=committee");
  ASSERT_EQ(committees.size(), 1u);
  EXPECT_EQ(committees[0].url,
            "/committees/" + std::to_string(integer("SELECT id FROM spaces WHERE kind = "
                                                    "'committee' AND organisation_id = ?",
                                                    organisation("opdc"))));
  EXPECT_LT(committees.size(), all.size());
  const auto pages = search("การมีส่วนร่วม", "&kind=page");
  EXPECT_EQ(pages.size(), 4u);
  for (const auto& r : pages) EXPECT_TRUE(r.url.starts_with("/pages/")) << r.url;
  EXPECT_FALSE(titles_of(pages).contains(kMeetingNews)) << "an announcement is not a page";
  const auto announcements = search("การมีส่วนร่วม", "&kind=announcement");
  EXPECT_TRUE(titles_of(announcements).contains(kMeetingNews));
  EXPECT_EQ(search("การมีส่วนร่วม", "&kind=meeting").size(), 1u);

  const auto process =
      "/processes/" + std::to_string(integer("SELECT id FROM spaces WHERE kind = 'process' AND "
                                             "organisation_id = ?",
                                             organisation("pcd")));
  const auto everyone = urls_of(search("ประชาชน"));
  EXPECT_TRUE(everyone.contains(process));
  EXPECT_TRUE(everyone.contains(url_of(kResults)));
  const auto pcd = search("ประชาชน", "&organisation=pcd");
  ASSERT_FALSE(pcd.empty());
  EXPECT_TRUE(urls_of(pcd).contains(process));
  EXPECT_FALSE(urls_of(pcd).contains(url_of(kResults))) << "an OPDC page is not PCD's";
  for (const auto& r : pcd) {
    EXPECT_TRUE(r.url == process || r.url.starts_with("/pages/")) << r.url;
  }
  const auto opdc = urls_of(search("ประชาชน", "&organisation=opdc"));
  EXPECT_FALSE(opdc.contains(process));
  EXPECT_TRUE(opdc.contains(url_of(kResults)));
  const auto pcd_pages = search("ประชาชน", "&organisation=pcd&kind=process");
  ASSERT_EQ(pcd_pages.size(), 1u);
  EXPECT_EQ(pcd_pages[0].url, process);
}

}  // namespace
}  // namespace ruamkit::testing::inform
