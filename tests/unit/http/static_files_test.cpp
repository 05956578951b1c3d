#include "http/static_files.h"

#include <gtest/gtest.h>

#include "../../support/temp_dir.h"

namespace ruamkit::http {
namespace {

Request get(std::string path) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  return r;
}

class StaticFilesTest : public ::testing::Test {
 protected:
  StaticFilesTest() {
    dir.write("css/app.css", "body{color:#123}");
    dir.write("vendor/font.woff2", std::string("wOF2\0\1", 6));
    dir.write(".hidden/secret.txt", "secret");
    dir.write("logo.svg",
              "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>");
  }
  testing::TempDir dir;
};

TEST_F(StaticFilesTest, FingerprintedUrlsAreImmutable) {
  StaticFiles files(dir.path(), "/static/");
  const auto url = files.url_for("css/app.css");
  EXPECT_TRUE(url.starts_with("/static/css/app."));
  EXPECT_TRUE(url.ends_with(".css"));
  EXPECT_NE(url, "/static/css/app.css");
  auto r = files.serve(get(url));
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(r->body, "body{color:#123}");
  EXPECT_EQ(r->headers.get("Content-Type").value_or(""), "text/css; charset=utf-8");
  EXPECT_EQ(r->headers.get("Cache-Control").value_or(""), "public, max-age=31536000, immutable");
  EXPECT_TRUE(r->headers.contains("ETag"));
  EXPECT_TRUE(r->headers.contains("Last-Modified"));
}

TEST_F(StaticFilesTest, PlainUrlsRevalidateAndAnswer304) {
  StaticFiles files(dir.path(), "/static/");
  auto first = files.serve(get("/static/css/app.css"));
  ASSERT_TRUE(first);
  EXPECT_EQ(first->headers.get("Cache-Control").value_or(""), "public, no-cache");
  auto again = get("/static/css/app.css");
  again.headers.set("If-None-Match", std::string(*first->headers.get("ETag")));
  auto cached = files.serve(again);
  ASSERT_TRUE(cached);
  EXPECT_EQ(cached->status, 304);
  EXPECT_TRUE(cached->body.empty());
  auto by_date = get("/static/css/app.css");
  by_date.headers.set("If-Modified-Since", std::string(*first->headers.get("Last-Modified")));
  EXPECT_EQ(files.serve(by_date)->status, 304);
}

TEST_F(StaticFilesTest, NothingOutsideTheDirectoryOrHidden) {
  StaticFiles files(dir.path(), "/static/");
  EXPECT_FALSE(files.serve(get("/static/../CMakeLists.txt")));
  EXPECT_FALSE(files.serve(get("/static/.hidden/secret.txt")));
  EXPECT_FALSE(files.serve(get("/static/css/missing.css")));
  EXPECT_FALSE(files.serve(get("/other/css/app.css")));
}

TEST_F(StaticFilesTest, SvgIsSandboxed) {
  StaticFiles files(dir.path(), "/static/");
  auto r = files.serve(get("/static/logo.svg"));
  ASSERT_TRUE(r);
  EXPECT_NE(r->headers.get("Content-Security-Policy").value_or("").find("sandbox"),
            std::string_view::npos);
}

TEST(HttpDate, FormatsImfFixdate) {
  EXPECT_EQ(http_date(784111777), "Sun, 06 Nov 1994 08:49:37 GMT");
}

}  // namespace
}  // namespace ruamkit::http
