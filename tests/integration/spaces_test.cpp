// Processes and committees over real HTTP: who may manage them, drafts kept
// from the public (pages, lists, search, feeds, sitemap, open data), filters,
// phases, members and meetings, and status changes.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "integration/inform_support.h"

namespace ruamkit::testing::inform {
namespace {

namespace json = boost::json;

std::string process_link(std::int64_t id) {
  return "href=\"/processes/" + std::to_string(id) + "\"";
}

// The ids in the "data" array of an open-data list.
std::set<std::int64_t> api_ids(const HttpResponse& r) {
  std::set<std::int64_t> ids;
  const auto doc = json::parse(r.body);  // kept alive for the loop
  for (const auto& item : doc.at("data").as_array()) {
    ids.insert(item.at("id").as_int64());
  }
  return ids;
}

class Spaces : public InformTest {
 protected:
  std::int64_t demo_process() {
    return integer("SELECT id FROM spaces WHERE kind = 'process' AND province_code = 'TH-50'");
  }
  std::int64_t demo_committee() {
    return integer("SELECT id FROM spaces WHERE kind = 'committee' AND organisation_id = ?",
                   organisation("opdc"));
  }
};

TEST_F(Spaces, OnlyTheOwningOrganisationsOfficialsMayManageASpace) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_process(pcd, "กระบวนการของกรมควบคุมมลพิษ");
  const auto manage = "/manage/spaces/" + std::to_string(id);
  EXPECT_EQ(text("SELECT status FROM spaces WHERE id = ?", id), "draft");
  EXPECT_EQ(pcd.get(manage).status, 200);
  EXPECT_EQ(pcd.get("/manage/organisations/" + org("pcd")).status, 200);

  const FormFields edit = space_form("process", "ยึดโดยหน่วยงานอื่น");
  const FormFields phase = {{"title", "ระยะแทรก"},
                            {"description", ""},
                            {"starts_on", "2090-01-01"},
                            {"ends_on", "2090-02-01"}};
  const UploadFile pdf{"file", "report.pdf", "application/pdf", minimal_pdf()};
  auto expect_refused = [&](Browser& b, int status, const std::string& who) {
    EXPECT_EQ(b.get(manage).status, status) << who;
    EXPECT_EQ(b.get(manage + "/edit").status, status) << who;
    b.get("/processes");  // a page with a CSRF token for the posts below
    EXPECT_EQ(b.post(manage + "/edit", edit).status, status) << who;
    EXPECT_EQ(b.post(manage + "/status", {{"status", "published"}}).status, status) << who;
    EXPECT_EQ(b.post(manage + "/phases", phase).status, status) << who;
    EXPECT_EQ(b.post_multipart("/manage/documents",
                               {{"owner_kind", "space"}, {"owner_id", std::to_string(id)}}, {pdf})
                  .status,
              status)
        << who;
    EXPECT_EQ(b.get("/manage/organisations/" + org("pcd")).status, status) << who;
    EXPECT_EQ(b.get("/manage/organisations/" + org("pcd") + "/spaces/new?kind=process").status,
              status)
        << who;
    EXPECT_EQ(b.post("/manage/organisations/" + org("pcd") + "/spaces",
                     space_form("process", "สร้างแทนหน่วยงานอื่น"))
                  .status,
              status)
        << who;
  };

  // An official (and admin) of another organisation.
  Browser chiang_mai(server.port());
  sign_in(chiang_mai, kChiangMai);
  EXPECT_EQ(chiang_mai.get("/manage").status, 200) << "an official has a workspace";
  expect_refused(chiang_mai, 403, "Chiang Mai official");
  EXPECT_EQ(chiang_mai.get("/processes/" + std::to_string(id)).status, 404)
      << "another organisation's draft is not public to them either";
  // The 403s were not CSRF refusals: the same token creates a space in its own organisation.
  EXPECT_EQ(chiang_mai
                .post("/manage/organisations/" + org("chiang-mai") + "/spaces",
                      space_form("process", "กระบวนการของจังหวัดเชียงใหม่"))
                .status,
            303);

  // A citizen has no workspace at all.
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);
  EXPECT_EQ(citizen.get("/manage").status, 403);
  expect_refused(citizen, 403, "citizen");
  EXPECT_EQ(citizen.post("/locale", {{"lang", "th"}, {"return", "/processes"}}).status, 303)
      << "the citizen's token was valid: the 403s were for want of permission";

  // Signed out: sent to log in, and nothing happens.
  Browser stranger(server.port());
  for (const auto& target : {std::string("/manage"), manage, manage + "/edit"}) {
    const auto r = stranger.get(target);
    EXPECT_EQ(r.status, 303) << target;
    EXPECT_TRUE(r.header("location").value_or("").starts_with("/login")) << target;
  }
  stranger.get("/processes");
  const auto posted = stranger.post(manage + "/status", {{"status", "published"}});
  EXPECT_EQ(posted.status, 303);
  EXPECT_TRUE(posted.header("location").value_or("").starts_with("/login"));
  const auto uploaded = stranger.post_multipart(
      "/manage/documents", {{"owner_kind", "space"}, {"owner_id", std::to_string(id)}}, {pdf});
  EXPECT_EQ(uploaded.status, 303);
  EXPECT_TRUE(uploaded.header("location").value_or("").starts_with("/login"));

  EXPECT_EQ(text("SELECT title FROM spaces WHERE id = ?", id), "กระบวนการของกรมควบคุมมลพิษ");
  EXPECT_EQ(text("SELECT status FROM spaces WHERE id = ?", id), "draft");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM phases WHERE space_id = ?", id), 0);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM spaces WHERE title = 'สร้างแทนหน่วยงานอื่น'"), 0);
  EXPECT_EQ(stored_files(), 0u);
}

TEST_F(Spaces, AWorkspacePostWithoutTheCsrfTokenChangesNothing) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_process(pcd, "กระบวนการที่มีอยู่แล้ว");
  const auto spaces_before = integer("SELECT COUNT(*) FROM spaces");
  pcd.get("/manage/organisations/" + org("pcd") + "/spaces/new?kind=process");
  auto fields = space_form("process", "ไม่ควรถูกสร้าง");
  fields.emplace_back("csrf_token", "");
  EXPECT_EQ(pcd.post("/manage/organisations/" + org("pcd") + "/spaces", fields).status, 403);
  auto wrong = space_form("process", "ไม่ควรถูกสร้าง");
  wrong.emplace_back("csrf_token", std::string(64, 'a'));
  EXPECT_EQ(pcd.post("/manage/organisations/" + org("pcd") + "/spaces", wrong).status, 403);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM spaces"), spaces_before);

  const auto manage = "/manage/spaces/" + std::to_string(id);
  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "published"}, {"csrf_token", ""}}).status,
            403);
  EXPECT_EQ(text("SELECT status FROM spaces WHERE id = ?", id), "draft");
  EXPECT_EQ(pcd.post(manage + "/phases", {{"title", "ระยะ"},
                                          {"starts_on", "2090-01-01"},
                                          {"ends_on", "2090-01-31"},
                                          {"csrf_token", ""}})
                .status,
            403);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM phases WHERE space_id = ?", id), 0);
  EXPECT_EQ(pcd.post_multipart(
                   "/manage/documents",
                   {{"owner_kind", "space"}, {"owner_id", std::to_string(id)}, {"csrf_token", ""}},
                   {{"file", "report.pdf", "application/pdf", minimal_pdf()}})
                .status,
            403);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM documents"), 0);
  EXPECT_EQ(stored_files(), 0u);
  // The same requests with the token go through.
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "published"}}).status, 303);
  EXPECT_EQ(text("SELECT status FROM spaces WHERE id = ?", id), "published");
}

TEST_F(Spaces, InvalidSpaceFormIs422AndKeepsWhatWasTyped) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto before = integer("SELECT COUNT(*) FROM spaces");
  pcd.get("/manage/organisations/" + org("pcd") + "/spaces/new?kind=process");
  auto no_stage = space_form("process", "ชื่อที่พิมพ์ไว้ไม่หาย");
  no_stage.erase(std::remove_if(no_stage.begin(), no_stage.end(),
                                [](const auto& f) { return f.first == "stages"; }),
                 no_stage.end());
  auto r = pcd.post("/manage/organisations/" + org("pcd") + "/spaces", no_stage);
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "value=\"ชื่อที่พิมพ์ไว้ไม่หาย\"")) << "what was typed is kept";
  auto no_province = space_form("process", "ไม่มีจังหวัด");
  for (auto& [k, v] : no_province) {
    if (k == "province_code") v = "";
  }
  EXPECT_EQ(pcd.post("/manage/organisations/" + org("pcd") + "/spaces", no_province).status, 422);
  auto bad_level = space_form("process", "ระดับแปลก");
  for (auto& [k, v] : bad_level) {
    if (k == "level") v = "dictate";
  }
  EXPECT_EQ(pcd.post("/manage/organisations/" + org("pcd") + "/spaces", bad_level).status, 422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM spaces"), before);
}

TEST_F(Spaces, ADraftProcessIsHiddenUntilPublishedAndAgainWhenTakenBack) {
  // A made-up word, so search finds this process and nothing else.
  const std::string word = "ปลาวาฬสีชมพูบินข้ามดอยสุเทพ";
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_process(pcd, "กระบวนการ " + word);
  const auto url = "/processes/" + std::to_string(id);
  const auto link = process_link(id);
  const auto search = "/search?q=" + q(word);
  Browser visitor(server.port());
  Browser citizen(server.port());
  sign_in(citizen, kCitizen);

  auto expect_hidden = [&](const std::string& when) {
    EXPECT_EQ(visitor.get(url).status, 404) << when;
    EXPECT_EQ(citizen.get(url).status, 404) << when;
    EXPECT_FALSE(contains(visitor.get("/processes").body, link)) << when;
    EXPECT_FALSE(contains(visitor.get("/processes?organisation=pcd").body, link)) << when;
    EXPECT_FALSE(contains(visitor.get("/organisations/pcd").body, link)) << when;
    const auto found = visitor.get(search);
    EXPECT_TRUE(search_results(found.body).empty()) << when;
    EXPECT_FALSE(contains(found.body, link)) << when;
    EXPECT_FALSE(contains(visitor.get("/sitemap.xml").body, url + "</loc>")) << when;
    EXPECT_EQ(api_ids(visitor.get("/api/v1/processes?per_page=100")).count(id), 0u) << when;
    const auto one = visitor.get("/api/v1" + url);
    EXPECT_EQ(one.status, 404) << when;
    EXPECT_EQ(one.header("content-type"), "application/problem+json") << when;
    EXPECT_FALSE(contains(visitor.get("/api/v1/search?q=" + q(word)).body, url)) << when;
  };
  expect_hidden("as a draft");
  // The owner sees it, marked as a draft.
  const auto own = pcd.get(url);
  EXPECT_EQ(own.status, 200);
  EXPECT_TRUE(contains(own.body, ui_html("spaces.draft_banner"))) << "the draft banner";
  EXPECT_TRUE(contains(own.body, word));
  EXPECT_TRUE(contains(pcd.get("/manage/organisations/" + org("pcd")).body, word));

  set_space_status(pcd, id, "published");
  const auto shown = visitor.get(url);
  EXPECT_EQ(shown.status, 200);
  EXPECT_TRUE(contains(shown.body, word));
  EXPECT_FALSE(contains(shown.body, ui_html("spaces.draft_banner")));
  EXPECT_TRUE(contains(citizen.get(url).body, word));
  EXPECT_TRUE(contains(visitor.get("/processes").body, link));
  EXPECT_TRUE(contains(visitor.get("/processes?organisation=pcd").body, link));
  EXPECT_TRUE(contains(visitor.get("/organisations/pcd").body, link));
  const auto results = search_results(visitor.get(search).body);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].url, url);
  EXPECT_EQ(results[0].title, "กระบวนการ " + word);
  EXPECT_TRUE(contains(visitor.get("/sitemap.xml").body, url + "</loc>"));
  EXPECT_EQ(api_ids(visitor.get("/api/v1/processes?per_page=100")).count(id), 1u);
  const auto api = visitor.get("/api/v1" + url);
  ASSERT_EQ(api.status, 200);
  EXPECT_EQ(json::parse(api.body).at("data").at("status").as_string(), "published");

  set_space_status(pcd, id, "draft");
  expect_hidden("taken back to draft");
  EXPECT_EQ(pcd.get(url).status, 200);
}

TEST_F(Spaces, ListFiltersNarrowTheProcesses) {
  const auto link = process_link(demo_process());
  Browser visitor(server.port());
  auto listed = [&](const std::string& query) {
    const auto r = visitor.get("/processes?" + query);
    EXPECT_EQ(r.status, 200) << query;
    return contains(r.body, link);
  };
  EXPECT_TRUE(listed(""));
  EXPECT_TRUE(listed("province=TH-50"));
  EXPECT_FALSE(listed("province=TH-10"));
  EXPECT_TRUE(listed("level=involve"));
  EXPECT_FALSE(listed("level=consult"));
  EXPECT_TRUE(listed("topic=environment"));
  EXPECT_FALSE(listed("topic=water"));
  EXPECT_TRUE(listed("stage=decision"));
  EXPECT_FALSE(listed("stage=evaluation"));
  EXPECT_TRUE(listed("organisation=pcd"));
  EXPECT_FALSE(listed("organisation=opdc"));
  EXPECT_TRUE(listed("status=published"));
  EXPECT_FALSE(listed("status=archived"));
  EXPECT_TRUE(listed("organisation=pcd&province=TH-50&level=involve&topic=health"));
  EXPECT_FALSE(listed("province=TH-50&level=empower"));
  // The filter form shows the current choice.
  EXPECT_TRUE(
      contains(visitor.get("/processes?province=TH-50").body, "<option value=\"TH-50\" selected>"));
  for (const char* bad : {"level=dictate", "topic=astrology", "stage=never", "status=draft",
                          "province=TH-99", "organisation=no-such-agency"}) {
    EXPECT_EQ(visitor.get(std::string("/processes?") + bad).status, 400) << bad;
  }
  // Committees are filtered the same way.
  const auto committee = "href=\"/committees/" + std::to_string(demo_committee()) + "\"";
  EXPECT_TRUE(contains(visitor.get("/committees?organisation=opdc").body, committee));
  EXPECT_FALSE(contains(visitor.get("/committees?organisation=pcd").body, committee));
  EXPECT_EQ(visitor.get("/committees?level=dictate").status, 400);

  // And as open data.
  EXPECT_EQ(api_ids(visitor.get("/api/v1/processes?province=TH-50")).count(demo_process()), 1u);
  EXPECT_TRUE(api_ids(visitor.get("/api/v1/processes?province=TH-10")).empty());
  EXPECT_EQ(api_ids(visitor.get("/api/v1/processes?level=involve")).count(demo_process()), 1u);
  EXPECT_TRUE(api_ids(visitor.get("/api/v1/processes?topic=water")).empty());
  const auto bad = visitor.get("/api/v1/processes?level=dictate");
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.header("content-type"), "application/problem+json");
}

TEST_F(Spaces, TheCurrentPhaseIsMarkedOnTheProcessPage) {
  const auto id = demo_process();
  Browser visitor(server.port());
  const auto page = visitor.get("/processes/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(occurrences(page.body, "aria-current=\"step\""), 1u);
  // The marked phase is the one around today: "รับฟังความคิดเห็น" (demo data).
  const auto marked =
      find(page.body, R"re(aria-current="step">[\s\S]*?<h3 class="phase__title">([^<]*)</h3>)re");
  EXPECT_EQ(marked, "รับฟังความคิดเห็น");
  EXPECT_EQ(occurrences(page.body, "<li class=\"phase "), 4u);
  EXPECT_EQ(occurrences(page.body, "phase--past"), 1u);
  EXPECT_EQ(occurrences(page.body, "phase--upcoming"), 2u);

  const auto api = json::parse(visitor.get("/api/v1/processes/" + std::to_string(id)).body);
  const auto& phases = api.at("data").at("phases").as_array();
  ASSERT_EQ(phases.size(), 4u);
  std::vector<std::string> states;
  for (const auto& p : phases) states.emplace_back(p.at("state").as_string());
  EXPECT_EQ(states, (std::vector<std::string>{"past", "current", "upcoming", "upcoming"}));
  EXPECT_EQ(phases.at(1).at("title").as_string(), "รับฟังความคิดเห็น");
  EXPECT_EQ(api.at("data").at("level").as_string(), "involve");
  EXPECT_EQ(api.at("data").at("province").at("code").as_string(), "TH-50");
  // The process's announcement is listed with it.
  const auto& pages = api.at("data").at("pages").as_array();
  ASSERT_EQ(pages.size(), 1u);
  EXPECT_EQ(pages.at(0).at("kind").as_string(), "announcement");
}

TEST_F(Spaces, PhasesAreValidatedAndNothingInvalidIsSaved) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_process(pcd, "กระบวนการที่มีระยะ");
  const auto manage = "/manage/spaces/" + std::to_string(id);
  pcd.get(manage);
  auto r = pcd.post(manage + "/phases", {{"title", "ระยะย้อนเวลา"},
                                         {"description", "สิ้นสุดก่อนเริ่ม"},
                                         {"starts_on", "2090-03-01"},
                                         {"ends_on", "2090-02-01"}});
  EXPECT_EQ(r.status, 422);
  EXPECT_TRUE(contains(r.body, "value=\"ระยะย้อนเวลา\"")) << "what was typed is kept";
  EXPECT_TRUE(contains(r.body, "value=\"2090-02-01\""));
  EXPECT_EQ(
      pcd.post(manage + "/phases",
               {{"title", "วันไม่มีจริง"}, {"starts_on", "2090-02-30"}, {"ends_on", "2090-03-01"}})
          .status,
      422);
  EXPECT_EQ(pcd.post(manage + "/phases",
                     {{"title", ""}, {"starts_on", "2090-02-01"}, {"ends_on", "2090-03-01"}})
                .status,
            422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM phases WHERE space_id = ?", id), 0);

  r = pcd.post(manage + "/phases", {{"title", "รับฟังความคิดเห็น"},
                                    {"description", ""},
                                    {"starts_on", "2090-02-01"},
                                    {"ends_on", "2090-02-01"}});
  EXPECT_EQ(r.status, 303) << "a one-day phase is fine";
  EXPECT_EQ(integer("SELECT COUNT(*) FROM phases WHERE space_id = ?", id), 1);
  const auto phase = integer("SELECT id FROM phases WHERE space_id = ?", id);
  const auto phase_url = manage + "/phases/" + std::to_string(phase);
  EXPECT_EQ(pcd.get(phase_url).status, 200);
  EXPECT_EQ(
      pcd.post(phase_url,
               {{"title", "รับฟังความคิดเห็น"}, {"starts_on", "2090-02-10"}, {"ends_on", "2090-02-09"}})
          .status,
      422);
  EXPECT_EQ(text("SELECT ends_on FROM phases WHERE id = ?", phase), "2090-02-01");
  EXPECT_EQ(pcd.post(phase_url, {{"title", "รับฟังความคิดเห็นรอบสอง"},
                                 {"starts_on", "2090-02-10"},
                                 {"ends_on", "2090-02-20"}})
                .status,
            303);
  EXPECT_EQ(text("SELECT title FROM phases WHERE id = ?", phase), "รับฟังความคิดเห็นรอบสอง");
  EXPECT_EQ(text("SELECT ends_on FROM phases WHERE id = ?", phase), "2090-02-20");
  // Upcoming in the public page (seen by the owner while a draft).
  const auto shown = pcd.get("/processes/" + std::to_string(id));
  EXPECT_TRUE(contains(shown.body, "รับฟังความคิดเห็นรอบสอง"));
  EXPECT_TRUE(contains(shown.body, "phase--upcoming"));
  EXPECT_FALSE(contains(shown.body, "aria-current=\"step\""));

  EXPECT_EQ(pcd.post(phase_url + "/delete", {}).status, 303);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM phases WHERE space_id = ?", id), 0);
  EXPECT_EQ(pcd.post(phase_url + "/delete", {}).status, 404);
}

TEST_F(Spaces, CommitteeMembersAndMeetingRecordsArePublic) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  auto fields = space_form("committee", "คณะทำงานร่วมแก้ไขปัญหาหมอกควัน");
  const auto id = create_space(pcd, "pcd", fields);
  const auto manage = "/manage/spaces/" + std::to_string(id);
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage + "/members", {{"name", "นางสาวอรุณี ใจดี"},
                                           {"affiliation", "เครือข่ายอากาศสะอาดเชียงใหม่"},
                                           {"sector", "civil_society"},
                                           {"position", "chair"},
                                           {"term_start", "2024-01-01"},
                                           {"term_end", ""}})
                .status,
            303);
  EXPECT_EQ(pcd.post(manage + "/members", {{"name", "นายสมชาย รักษ์อากาศ"},
                                           {"affiliation", "กรมควบคุมมลพิษ"},
                                           {"sector", "government"},
                                           {"position", "secretary"},
                                           {"term_start", "2024-01-01"},
                                           {"term_end", "2090-12-31"}})
                .status,
            303);
  auto bad = pcd.post(manage + "/members", {{"name", "ผู้แทนกองทัพ"},
                                            {"affiliation", "ไม่มี"},
                                            {"sector", "army"},
                                            {"position", "member"},
                                            {"term_start", "2024-01-01"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "value=\"ผู้แทนกองทัพ\""));
  EXPECT_EQ(pcd.post(manage + "/members", {{"name", "วาระกลับด้าน"},
                                           {"affiliation", "ไม่มี"},
                                           {"sector", "citizen"},
                                           {"position", "member"},
                                           {"term_start", "2024-01-01"},
                                           {"term_end", "2023-01-01"}})
                .status,
            422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM committee_members WHERE space_id = ?", id), 2);
  // Phases belong to processes only.
  EXPECT_EQ(pcd.post(manage + "/phases",
                     {{"title", "ระยะ"}, {"starts_on", "2090-01-01"}, {"ends_on", "2090-01-02"}})
                .status,
            404);

  EXPECT_EQ(pcd.get(manage + "/meetings/new").status, 200);
  const auto created = pcd.post(manage + "/meetings", {{"title", "การประชุมครั้งที่ 1/2569"},
                                                       {"held_on", "2026-01-15"},
                                                       {"location", "ศาลากลางจังหวัดเชียงใหม่"},
                                                       {"agenda", "1. รับรองวาระ"},
                                                       {"minutes", "ที่ประชุม**เห็นชอบ**แผนลดการเผา"}});
  const auto meeting = id_in_location(created, "/manage/meetings/");
  EXPECT_EQ(pcd.get("/manage/meetings/" + std::to_string(meeting)).status, 200);
  EXPECT_EQ(pcd.post(manage + "/meetings", {{"title", "วันที่ผิด"}, {"held_on", "15/01/2026"}}).status,
            422);
  EXPECT_EQ(integer("SELECT COUNT(*) FROM meetings WHERE space_id = ?", id), 1);

  const auto url = "/committees/" + std::to_string(id);
  const auto meeting_url = url + "/meetings/" + std::to_string(meeting);
  Browser visitor(server.port());
  EXPECT_EQ(visitor.get(url).status, 404);
  EXPECT_EQ(visitor.get(meeting_url).status, 404) << "a draft committee's meetings are hidden";
  EXPECT_EQ(visitor.get("/api/v1/meetings/" + std::to_string(meeting)).status, 404);
  set_space_status(pcd, id, "published");

  const auto page = visitor.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "<th scope=\"row\">นางสาวอรุณี ใจดี</th><td>" +
                                      ui_html("spaces.positions.chair") +
                                      "</td><td>เครือข่ายอากาศสะอาดเชียงใหม่</td><td>" +
                                      ui_html("spaces.sectors.civil_society") + "</td>"))
      << page.body;
  EXPECT_TRUE(contains(page.body, "<td>" + ui_html("spaces.sectors.government") + "</td>"));
  EXPECT_TRUE(contains(page.body, "<span class=\"sector-count\">" +
                                      ui_html("spaces.sectors.government") + " 1</span>"));
  EXPECT_TRUE(contains(page.body, "<span class=\"sector-count\">" +
                                      ui_html("spaces.sectors.civil_society") + " 1</span>"));
  EXPECT_TRUE(contains(page.body, "<a href=\"" + meeting_url + "\">การประชุมครั้งที่ 1/2569</a>"));
  const auto record = visitor.get(meeting_url);
  ASSERT_EQ(record.status, 200);
  EXPECT_TRUE(contains(record.body, "ศาลากลางจังหวัดเชียงใหม่"));
  EXPECT_TRUE(contains(record.body, "<strong>เห็นชอบ</strong>")) << "minutes rendered as Markdown";

  const auto api = json::parse(visitor.get("/api/v1" + url).body).at("data");
  const auto& members = api.at("members").as_array();
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members.at(0).at("name").as_string(), "นางสาวอรุณี ใจดี");
  EXPECT_EQ(members.at(0).at("sector").as_string(), "civil_society");
  EXPECT_EQ(members.at(0).at("position").as_string(), "chair");
  EXPECT_TRUE(members.at(0).at("term_end").is_null());
  EXPECT_EQ(members.at(1).at("sector").as_string(), "government");
  EXPECT_EQ(members.at(1).at("term_end").as_string(), "2090-12-31");
  const auto& meetings = api.at("meetings").as_array();
  ASSERT_EQ(meetings.size(), 1u);
  EXPECT_EQ(meetings.at(0).at("id").as_int64(), meeting);
  EXPECT_EQ(meetings.at(0).at("held_on").as_string(), "2026-01-15");
  const auto one = json::parse(visitor.get("/api/v1/meetings/" + std::to_string(meeting)).body);
  EXPECT_EQ(one.at("data").at("minutes_markdown").as_string(), "ที่ประชุม**เห็นชอบ**แผนลดการเผา");
  EXPECT_EQ(one.at("data").at("committee_id").as_int64(), id);

  // Removing a member takes them off the public page.
  const auto member =
      integer("SELECT id FROM committee_members WHERE space_id = ? AND sector = 'government'", id);
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage + "/members/" + std::to_string(member) + "/delete", {}).status, 303);
  EXPECT_FALSE(contains(visitor.get(url).body, "นายสมชาย รักษ์อากาศ"));
}

TEST_F(Spaces, TheDemoCommitteeShowsItsMembersAndMeeting) {
  const auto id = demo_committee();
  Browser visitor(server.port());
  const auto page = visitor.get("/committees/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, "ประธานอนุกรรมการ (สาธิต)"));
  EXPECT_EQ(occurrences(page.body, "<th scope=\"row\">"), 5u);
  for (const char* sector : {"academic", "civil_society", "private", "media", "government"}) {
    EXPECT_TRUE(
        contains(page.body, "<td>" + ui_html(std::string("spaces.sectors.") + sector) + "</td>"))
        << sector;
  }
  const auto meeting = integer("SELECT id FROM meetings WHERE space_id = ?", id);
  const auto meeting_url =
      "/committees/" + std::to_string(id) + "/meetings/" + std::to_string(meeting);
  EXPECT_TRUE(contains(page.body, "href=\"" + meeting_url + "\""));
  const auto record = visitor.get(meeting_url);
  EXPECT_EQ(record.status, 200);
  EXPECT_TRUE(contains(record.body, "Green Idea Jam Fest")) << "the minutes from the news item";

  const auto api = json::parse(visitor.get("/api/v1/committees/" + std::to_string(id)).body);
  EXPECT_EQ(api.at("data").at("members").as_array().size(), 5u);
  EXPECT_EQ(api.at("data").at("meetings").as_array().size(), 1u);
  EXPECT_EQ(api.at("data").at("level").as_string(), "collaborate");
  // A committee is not a process, nor the other way round.
  EXPECT_EQ(visitor.get("/processes/" + std::to_string(id)).status, 404);
  EXPECT_EQ(visitor.get("/api/v1/processes/" + std::to_string(id)).status, 404);
  EXPECT_EQ(visitor.get("/committees/" + std::to_string(demo_process())).status, 404);
  EXPECT_EQ(visitor.get("/committees/" + std::to_string(id) + "/meetings/999999").status, 404);
}

TEST_F(Spaces, StatusChangesFollowTheRules) {
  Browser pcd(server.port());
  sign_in(pcd, kPcd);
  const auto id = create_process(pcd, "กระบวนการที่จะจัดเก็บ");
  const auto manage = "/manage/spaces/" + std::to_string(id);
  const auto url = "/processes/" + std::to_string(id);
  auto status = [&] { return text("SELECT status FROM spaces WHERE id = ?", id); };
  pcd.get(manage);
  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "archived"}}).status, 400)
      << "a draft cannot be archived";
  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "draft"}}).status, 400);
  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "deleted"}}).status, 400);
  EXPECT_EQ(status(), "draft");
  EXPECT_EQ(integer("SELECT COUNT(*) FROM spaces WHERE id = ? AND published_at IS NULL", id), 1);

  set_space_status(pcd, id, "published");
  const auto first_published = text("SELECT published_at FROM spaces WHERE id = ?", id);
  EXPECT_FALSE(first_published.empty());
  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "published"}}).status, 400);
  set_space_status(pcd, id, "archived");
  EXPECT_EQ(status(), "archived");

  // Archived stays public, as a record, with a banner.
  Browser visitor(server.port());
  const auto page = visitor.get(url);
  ASSERT_EQ(page.status, 200);
  EXPECT_TRUE(contains(page.body, ui_html("spaces.archived_banner"))) << "the archived banner";
  EXPECT_TRUE(contains(visitor.get("/processes").body, process_link(id)));
  EXPECT_TRUE(contains(visitor.get("/processes?status=archived").body, process_link(id)));
  EXPECT_FALSE(contains(visitor.get("/processes?status=published").body, process_link(id)));
  EXPECT_EQ(visitor.get("/api/v1" + url).status, 200);
  EXPECT_EQ(api_ids(visitor.get("/api/v1/processes?status=archived")).count(id), 1u);

  EXPECT_EQ(pcd.post(manage + "/status", {{"status", "draft"}}).status, 400)
      << "an archived space is reopened, not taken back to draft";
  EXPECT_EQ(status(), "archived");
  set_space_status(pcd, id, "published");
  EXPECT_FALSE(contains(visitor.get(url).body, ui_html("spaces.archived_banner")));
  EXPECT_EQ(text("SELECT published_at FROM spaces WHERE id = ?", id), first_published)
      << "the first publication is kept";
  EXPECT_EQ(integer("SELECT COUNT(*) FROM audit_log WHERE object_type = 'space' AND "
                    "object_id = ? AND action LIKE 'space.%'",
                    std::to_string(id)),
            4)
      << "created, published, archived, published";
}

}  // namespace
}  // namespace ruamkit::testing::inform
