// Pages, language, errors, static files and headers, over real HTTP.
#include <gtest/gtest.h>

#include <regex>

#include "support/browser.h"
#include "support/catalogue.h"
#include "support/http_client.h"
#include "support/server_process.h"

namespace ruamkit::testing {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

TEST(Web, HomePageIsThaiByDefaultAndExplainsTheFiveLevels) {
  ServerProcess server;
  auto r = http_get(server.port(), "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(r.header("content-language"), "th");
  EXPECT_TRUE(contains(r.body, "<html lang=\"th\""));
  EXPECT_TRUE(contains(r.body, ui_html("site.name")));
  for (const char* level : {"inform", "consult", "involve", "collaborate", "empower"}) {
    EXPECT_TRUE(contains(r.body, std::string("id=\"level-") + level + "\"")) << level;
  }
  // Today in Buddhist Era, with its machine-readable CE date.
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.body, m, std::regex(R"(<time id="today" datetime="(\d{4})-\d\d-\d\d">([^<]*)</time>)")));
  const int ce = std::stoi(m[1]);
  EXPECT_TRUE(contains(m[2], std::to_string(ce + 543))) << m[2];
}

TEST(Web, LanguageComesFromCookieThenAcceptLanguage) {
  ServerProcess server;
  auto en = http_get(server.port(), "/", {{"Accept-Language", "en-US,en;q=0.9"}});
  EXPECT_TRUE(contains(en.body, "<html lang=\"en\""));
  EXPECT_EQ(en.header("content-language"), "en");
  auto cookie =
      http_get(server.port(), "/", {{"Accept-Language", "en"}, {"Cookie", "ruamkit_lang=th"}});
  EXPECT_TRUE(contains(cookie.body, "<html lang=\"th\""));
  auto unknown = http_get(server.port(), "/", {{"Accept-Language", "fr-FR"}});
  EXPECT_TRUE(contains(unknown.body, "<html lang=\"th\""));
}

TEST(Web, EnglishDatesAreCommonEra) {
  ServerProcess server;
  auto r = http_get(server.port(), "/", {{"Cookie", "ruamkit_lang=en"}});
  std::smatch m;
  ASSERT_TRUE(std::regex_search(
      r.body, m, std::regex(R"(<time id="today" datetime="(\d{4})-\d\d-\d\d">([^<]*)</time>)")));
  const std::string ce = m[1];
  EXPECT_TRUE(contains(m[2], ce)) << m[2];
  EXPECT_FALSE(contains(m[2], std::to_string(std::stoi(ce) + 543))) << m[2];
}

TEST(Web, LanguageSwitchSetsACookieAndReturnsToThePage) {
  ServerProcess server;
  Browser browser(server.port());
  auto r = browser.submit("/", "/locale", {{"lang", "en"}, {"return", "/?x=1"}});
  EXPECT_EQ(r.status, 303);
  EXPECT_EQ(r.header("location"), "/?x=1");
  const auto cookie = r.header("set-cookie").value_or("");
  EXPECT_TRUE(cookie.starts_with("ruamkit_lang=en;")) << cookie;
  EXPECT_TRUE(contains(cookie, "HttpOnly"));
  EXPECT_TRUE(contains(cookie, "SameSite=Lax"));
  EXPECT_FALSE(contains(cookie, "Secure"));
}

TEST(Web, LanguageSwitchRefusesUnknownLanguagesAndForeignRedirects) {
  ServerProcess server;
  Browser browser(server.port());
  auto unknown = browser.submit("/", "/locale", {{"lang", "xx"}, {"return", "/"}});
  EXPECT_EQ(unknown.status, 400);
  EXPECT_FALSE(unknown.header("set-cookie"));
  auto offsite = browser.post("/locale", {{"lang", "th"}, {"return", "https://evil.example/"}});
  EXPECT_EQ(offsite.status, 303);
  EXPECT_EQ(offsite.header("location"), "/");
  auto json = http_request(server.port(), "POST", "/locale",
                           {{"Content-Type", "application/json"},
                            {"Cookie", "ruamkit_csrf=" + browser.cookie("ruamkit_csrf")},
                            {"X-CSRF-Token", browser.csrf_token()}},
                           R"({"lang":"en"})");
  EXPECT_EQ(json.status, 415);
}

TEST(Web, SecureCookieModeAddsSecureAndHsts) {
  ServerProcess server({"--secure-cookies"});
  auto r =
      http_request(server.port(), "POST", "/locale",
                   {{"Content-Type", "application/x-www-form-urlencoded"}}, "lang=en&return=/");
  EXPECT_TRUE(contains(r.header("set-cookie").value_or(""), "; Secure"));
  EXPECT_TRUE(r.header("strict-transport-security"));
}

TEST(Web, SecurityHeadersOnPagesErrorsAndFiles) {
  ServerProcess server;
  for (const char* path : {"/", "/missing", "/healthz"}) {
    auto r = http_get(server.port(), path);
    const auto csp = r.header("content-security-policy").value_or("");
    EXPECT_TRUE(contains(csp, "script-src 'self'")) << path;
    EXPECT_FALSE(contains(csp, "unsafe-inline")) << path;
    EXPECT_TRUE(contains(csp, "frame-ancestors 'none'")) << path;
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff") << path;
    EXPECT_TRUE(r.header("referrer-policy")) << path;
    EXPECT_FALSE(r.header("strict-transport-security")) << path;
    EXPECT_FALSE(r.header("server")) << path;
  }
}

TEST(Web, ErrorsAreReadablePagesOrProblemJson) {
  ServerProcess server;
  auto page = http_get(server.port(), "/nowhere", {{"Accept", "text/html"}});
  EXPECT_EQ(page.status, 404);
  EXPECT_TRUE(contains(page.body, "404"));
  EXPECT_TRUE(contains(page.body, *page.header("x-request-id"))) << "reference id shown";
  auto json = http_get(server.port(), "/nowhere",
                       {{"Accept", "application/json"}, {"Cookie", "ruamkit_lang=en"}});
  EXPECT_EQ(json.status, 404);
  EXPECT_EQ(json.header("content-type"), "application/problem+json");
  EXPECT_TRUE(contains(json.body, R"("status":404)")) << json.body;
  EXPECT_TRUE(contains(json.body, R"("instance":"/nowhere")")) << json.body;
  EXPECT_TRUE(contains(json.body, R"("title":")")) << json.body;
  auto api = http_get(server.port(), "/api/v1/nothing-yet");
  EXPECT_EQ(api.header("content-type"), "application/problem+json");
  // Markup in the path never reaches the page unescaped.
  auto xss = http_get(server.port(), "/%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(xss.status, 404);
  EXPECT_FALSE(contains(xss.body, "<script>alert(1)"));
}

TEST(Web, StaticFilesAreFingerprintedAndCached) {
  ServerProcess server;
  auto home = http_get(server.port(), "/");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(home.body, m,
                                std::regex(R"re(href="(/static/css/app\.[0-9a-f]{16}\.css)")re")));
  const std::string css_url = m[1];
  auto css = http_get(server.port(), css_url);
  EXPECT_EQ(css.status, 200);
  EXPECT_EQ(css.header("content-type"), "text/css; charset=utf-8");
  EXPECT_EQ(css.header("cache-control"), "public, max-age=31536000, immutable");
  const auto etag = css.header("etag").value_or("");
  ASSERT_FALSE(etag.empty());
  auto plain = http_get(server.port(), "/static/css/app.css", {{"If-None-Match", etag}});
  EXPECT_EQ(plain.status, 304);
  EXPECT_TRUE(plain.body.empty());
  auto font = http_get(server.port(), "/static/vendor/sarabun/sarabun-thai-400-normal.woff2");
  EXPECT_EQ(font.status, 200);
  EXPECT_EQ(font.header("content-type"), "font/woff2");
  auto script = http_get(server.port(), "/static/vendor/htmx/htmx.min.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.header("content-type"), "text/javascript; charset=utf-8");
}

TEST(Web, StaticFilesCannotEscapeTheirDirectory) {
  ServerProcess server;
  for (const char* path :
       {"/static/../CMakeLists.txt", "/static/%2E%2E/CMakeLists.txt",
        "/static/..%2F..%2Fetc/passwd", "/static//etc/passwd", "/static/css/../../README.md"}) {
    auto r = http_get(server.port(), path);
    EXPECT_TRUE(r.status == 404 || r.status == 400) << path << " -> " << r.status;
    EXPECT_FALSE(contains(r.body, "cmake_minimum_required")) << path;
  }
}

}  // namespace
}  // namespace ruamkit::testing
