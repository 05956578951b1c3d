// /api/v1: open data as JSON, described by the OpenAPI document.
#include <gtest/gtest.h>

#include <map>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "support/http_client.h"
#include "support/server_process.h"

namespace ruamkit::testing {
namespace {

namespace json = boost::json;

class OpenData : public ::testing::Test {
 protected:
  OpenData() {
    std::string out;
    if (run_ruamkit({"seed-demo", "--database", server.database_path()}, out) != 0) {
      throw std::runtime_error("seed-demo failed: " + out);
    }
  }
  json::value get_json(const std::string& target, int expected = 200) {
    const auto r = http_get(server.port(), target);
    EXPECT_EQ(r.status, expected) << target << "\n" << r.body;
    return json::parse(r.body);
  }
  ServerProcess server;
};

TEST_F(OpenData, OrganisationsArePagedWithStableIds) {
  auto first = get_json("/api/v1/organisations?per_page=5");
  const auto& meta = first.at("meta");
  EXPECT_EQ(meta.at("total").as_int64(), 16);
  EXPECT_EQ(first.at("data").as_array().size(), 5u);
  EXPECT_TRUE(meta.at("links").at("prev").is_null());
  const std::string next(meta.at("links").at("next").as_string());
  auto last = get_json("/api/v1/organisations?per_page=5&page=4");
  EXPECT_EQ(last.at("data").as_array().size(), 1u);
  EXPECT_TRUE(last.at("meta").at("links").at("next").is_null());
  auto second = get_json(next);
  EXPECT_NE(json::serialize(second.at("data")), json::serialize(first.at("data")));
  // Each item's id leads to the same organisation.
  const auto& item = first.at("data").as_array().at(0).as_object();
  auto one = get_json("/api/v1/organisations/" + std::to_string(item.at("id").as_int64()));
  EXPECT_EQ(one.at("data").at("slug"), item.at("slug"));
  EXPECT_TRUE(one.at("data").as_object().contains("participation_channels"));
}

TEST_F(OpenData, SearchSpeaksThai) {
  auto r = get_json(
      "/api/v1/"
      "search?q=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%B9%83%E0%B8%AB%E0%B8%A1%E0%B9%88");
  // Chiang Mai Province and City Municipality, the demo PM2.5 process, its
  // announcement and its hearing.
  EXPECT_EQ(r.at("meta").at("total").as_int64(), 5);
  const auto& hit = r.at("data").as_array().at(0).as_object();
  EXPECT_NE(std::string(hit.at("title_html").as_string()).find("<mark>"), std::string::npos);
  auto only_organisations = get_json(
      "/api/v1/"
      "search?kind=organisation&q=%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%B9%83%E0%B8%AB%"
      "E0%B8%A1%E0%B9%88");
  EXPECT_EQ(only_organisations.at("meta").at("total").as_int64(), 2);
  EXPECT_EQ(only_organisations.at("data").as_array().at(0).at("kind").as_string(), "organisation");
}

TEST_F(OpenData, BadInputIsAProblemDocument) {
  for (const char* target : {"/api/v1/organisations?page=0", "/api/v1/organisations?per_page=1000",
                             "/api/v1/organisations?page=x", "/api/v1/organisations/abc",
                             "/api/v1/organisations/999999", "/api/v1/nothing"}) {
    const auto r = http_get(server.port(), target);
    EXPECT_TRUE(r.status == 400 || r.status == 404) << target << " " << r.status;
    EXPECT_EQ(r.header("content-type"), "application/problem+json") << target;
    EXPECT_NO_THROW(json::parse(r.body)) << target;
  }
}

TEST_F(OpenData, SitemapListsEveryPublicPageWithAbsoluteUrls) {
  const auto r = http_get(server.port(), "/sitemap.xml");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/xml; charset=utf-8");
  EXPECT_EQ(r.body.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", 0), 0u);
  EXPECT_NE(r.body.find("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"),
            std::string::npos);
  const std::string base = "http://127.0.0.1:" + std::to_string(server.port());
  EXPECT_NE(r.body.find("<loc>" + base + "/organisations/chiang-mai</loc>"), std::string::npos)
      << r.body;
  // Every <url> is closed: well-formed enough for a sitemap reader.
  std::size_t opened = 0, closed = 0;
  for (std::size_t p = 0; (p = r.body.find("<url>", p)) != std::string::npos; ++p) ++opened;
  for (std::size_t p = 0; (p = r.body.find("</url>", p)) != std::string::npos; ++p) ++closed;
  EXPECT_EQ(opened, closed);
  // The home, lists, search and privacy pages, 16 demo organisations, and the
  // public demo items: 6 pages, a committee with one meeting, a process and
  // its hearing and survey.
  EXPECT_EQ(opened, 7u + 16u + 11u);
  EXPECT_NE(r.body.find(base + "/committees/1/meetings/1</loc>"), std::string::npos);
  const auto robots = http_get(server.port(), "/robots.txt");
  EXPECT_NE(robots.body.find("Sitemap: " + base + "/sitemap.xml"), std::string::npos);
}

// The count of evidence `kind` (from `component`) in an evidence document.
std::int64_t evidence_count(const json::value& doc, const std::string& component,
                            const std::string& kind, const std::string& level = "") {
  std::int64_t total = 0;
  bool seen = false;
  for (const auto& e : doc.at("data").at("evidence").as_array()) {
    if (e.at("component").as_string() != component || e.at("kind").as_string() != kind) continue;
    if (!level.empty() && e.at("level").as_string() != level) continue;
    seen = true;
    total += e.at("count").as_int64();
  }
  EXPECT_TRUE(seen) << component << "/" << kind << " " << level;
  return total;
}

TEST_F(OpenData, EvidenceOfParticipationIsCountedPerFiscalYear) {
  std::map<std::string, std::string> id_of;
  const auto organisations = get_json("/api/v1/organisations?per_page=200");
  for (const auto& o : organisations.at("data").as_array()) {
    id_of[std::string(o.at("slug").as_string())] = std::to_string(o.at("id").as_int64());
  }
  // The Pollution Control Department's demo: a provincial process (involve)
  // with a hearing and a survey running now, and feedback cases this year.
  const auto pcd = get_json("/api/v1/organisations/" + id_of.at("pcd") + "/evidence");
  EXPECT_EQ(evidence_count(pcd, "spaces", "process", "involve"), 1);
  EXPECT_EQ(evidence_count(pcd, "spaces", "process", "empower"), 0);
  EXPECT_GE(evidence_count(pcd, "hearings", "hearing"), 1);
  EXPECT_GE(evidence_count(pcd, "surveys", "survey"), 1);
  EXPECT_GE(evidence_count(pcd, "feedback", "feedback_received"), 1);
  const auto& data = pcd.at("data");
  EXPECT_EQ(std::string(data.at("last_day").as_string()).substr(5), "09-30");
  // OPDC's subcommittee sits with civil society; its meeting 2/2563 was held
  // on 25 February 2020, in fiscal year 2563 (1 Oct 2019 – 30 Sep 2020).
  const auto opdc = "/api/v1/organisations/" + id_of.at("opdc") + "/evidence";
  const auto fy2563 = get_json(opdc + "?fy=2563");
  EXPECT_EQ(fy2563.at("data").at("first_day"), "2019-10-01");
  EXPECT_EQ(evidence_count(fy2563, "spaces", "committee_meeting"), 1);
  EXPECT_EQ(evidence_count(fy2563, "spaces", "committee_with_civil_society"), 1);
  EXPECT_EQ(evidence_count(get_json(opdc + "?fy=2562"), "spaces", "committee_meeting"), 0);
  // Each count says where the public can see it.
  for (const auto& e : fy2563.at("data").at("evidence").as_array()) {
    if (e.at("url").is_string()) {
      EXPECT_EQ(e.at("url").as_string().front(), '/');
    }
  }
  for (const char* bad : {"?fy=2500", "?fy=25x", "?fy="}) {
    const auto r = http_get(server.port(), opdc + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_EQ(r.header("content-type"), "application/problem+json");
  }
  EXPECT_EQ(http_get(server.port(), "/api/v1/organisations/999999/evidence").status, 404);
}

TEST_F(OpenData, SearchKindsAreTheComponents) {
  EXPECT_EQ(get_json("/api/v1/search?q=ok&kind=survey").at("meta").at("total").as_int64(), 0);
  const auto r = http_get(server.port(), "/api/v1/search?q=ok&kind=nonsense");
  EXPECT_EQ(r.status, 400);
  // The search page offers every kind a component indexes, surveys too.
  const auto page = http_get(server.port(), "/search?q=ok");
  for (const char* kind : {"organisation", "process", "committee", "meeting", "page",
                           "announcement", "hearing", "survey"}) {
    EXPECT_NE(page.body.find("value=\"" + std::string(kind) + "\""), std::string::npos) << kind;
  }
}

TEST_F(OpenData, ReadinessCountsPendingMigrations) {
  const auto ready = get_json("/readyz");
  EXPECT_EQ(ready.at("status"), "ready");
  EXPECT_EQ(ready.at("pending_migrations").as_int64(), 0);
}

TEST_F(OpenData, TheOpenApiDocumentDescribesWhatIsServed) {
  auto doc = get_json("/api/v1/openapi.json");
  EXPECT_EQ(std::string(doc.at("openapi").as_string()).substr(0, 2), "3.");
  // A real id for each kind of item, from its list (meetings from a committee).
  auto first_id = [&](const std::string& list) {
    return std::to_string(
        get_json(list + "?per_page=1").at("data").as_array().at(0).at("id").as_int64());
  };
  const auto committee = first_id("/api/v1/committees");
  const std::map<std::string, std::string> ids = {
      {"organisations", first_id("/api/v1/organisations")},
      {"processes", first_id("/api/v1/processes")},
      {"committees", committee},
      {"pages", first_id("/api/v1/pages")},
      {"hearings", first_id("/api/v1/hearings")},
      {"surveys", first_id("/api/v1/surveys")},
      {"feedback/cases", first_id("/api/v1/feedback/cases")},
      {"meetings", std::to_string(get_json("/api/v1/committees/" + committee)
                                      .at("data")
                                      .at("meetings")
                                      .as_array()
                                      .at(0)
                                      .at("id")
                                      .as_int64())}};
  for (const auto& [path, item] : doc.at("paths").as_object()) {
    std::string target(path);
    const auto brace = target.find("{id}");
    if (brace != std::string::npos) {
      const auto collection = target.substr(8, brace - 9);  // "/api/v1/<collection>/{id}"
      ASSERT_TRUE(ids.contains(collection)) << target;
      target.replace(brace, 4, ids.at(collection));
    }
    if (target == "/api/v1/search") target += "?q=ok";
    EXPECT_EQ(http_get(server.port(), target).status, 200) << target;
  }
}

}  // namespace
}  // namespace ruamkit::testing
