#include "http/url.h"

#include <gtest/gtest.h>

#include "http/cookies.h"
#include "http/error.h"
#include "http/mime.h"

namespace ruamkit::http {
namespace {

TEST(Target, DecodesPathAndQuery) {
  auto t = parse_target("/search?q=%E0%B8%81%E0%B8%B2%E0%B8%A3&page=2&x=a+b");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->path, "/search");
  ASSERT_EQ(t->query.size(), 3u);
  EXPECT_EQ(t->query[0].second, "การ");
  EXPECT_EQ(find_param(t->query, "page").value_or(""), "2");
  EXPECT_EQ(find_param(t->query, "x").value_or(""), "a b");
  auto thai_path = parse_target("/%E0%B8%81");
  ASSERT_TRUE(thai_path);
  EXPECT_EQ(thai_path->path, "/ก");
}

TEST(Target, RefusesInvalidUtf8AndControlCharacters) {
  EXPECT_FALSE(parse_target("/%FF"));
  EXPECT_FALSE(parse_target("/a?q=%C3%28"));
  EXPECT_FALSE(parse_target("/a?%FF=1"));
  EXPECT_FALSE(parse_target("/a%00b"));
  EXPECT_FALSE(parse_target("/a?q=%07"));
  EXPECT_FALSE(parse_target("/a%0Ab"));  // no line breaks in paths
  EXPECT_FALSE(parse_target("/a?q=%zz"));
  EXPECT_FALSE(parse_target("http://example.com/"));  // not origin-form
  EXPECT_FALSE(parse_target("*"));
}

TEST(Form, DecodesPlusAsSpaceAndPercentEscapes) {
  auto form = parse_form("lang=en&return=%2Fspaces%3Fpage%3D2&note=hello+world%2B");
  ASSERT_TRUE(form);
  EXPECT_EQ(find_param(*form, "lang").value_or(""), "en");
  EXPECT_EQ(find_param(*form, "return").value_or(""), "/spaces?page=2");
  EXPECT_EQ(find_param(*form, "note").value_or(""), "hello world+");
  auto multiline = parse_form("text=a%0D%0Ab");
  ASSERT_TRUE(multiline);
  EXPECT_EQ(find_param(*multiline, "text").value_or(""), "a\r\nb");
}

TEST(Form, RefusesInvalidUtf8) {
  EXPECT_FALSE(parse_form("lang=%FF"));
  EXPECT_FALSE(parse_form("lang=%E0%B8"));
  EXPECT_FALSE(parse_form("a=%00"));
}

TEST(Form, RequestFormChecksContentType) {
  Request req;
  req.body = "a=1";
  EXPECT_THROW(req.form(), HttpError);
  req.headers.set("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8");
  EXPECT_EQ(find_param(req.form(), "a").value_or(""), "1");
  Request bad;
  bad.headers.set("Content-Type", "application/x-www-form-urlencoded");
  bad.body = "a=%FF";
  try {
    bad.form();
    FAIL();
  } catch (const HttpError& e) {
    EXPECT_EQ(e.status(), 400);
  }
}

TEST(Redirect, OnlyLocalPathsAreFollowed) {
  EXPECT_EQ(safe_local_redirect("/spaces?page=2"), "/spaces?page=2");
  EXPECT_EQ(safe_local_redirect("https://evil.example/"), "/");
  EXPECT_EQ(safe_local_redirect("//evil.example/"), "/");
  EXPECT_EQ(safe_local_redirect("/\\evil.example/"), "/");
  EXPECT_EQ(safe_local_redirect("/a\r\nSet-Cookie: x=1"), "/");
  EXPECT_EQ(safe_local_redirect(""), "/");
}

TEST(Cookies, FindsValuesAndBuildsSafeCookies) {
  EXPECT_EQ(cookie_value("a=1; ruamkit_lang=en; b=2", "ruamkit_lang").value_or(""), "en");
  EXPECT_EQ(cookie_value("ruamkit_lang=\"th\"", "ruamkit_lang").value_or(""), "th");
  EXPECT_FALSE(cookie_value("x_ruamkit_lang=en", "ruamkit_lang"));
  CookieOptions options;
  options.max_age_seconds = 60;
  options.secure = true;
  EXPECT_EQ(set_cookie("k", "v", options),
            "k=v; Path=/; Max-Age=60; HttpOnly; Secure; SameSite=Lax");
}

TEST(Mime, KnownTypesAndASafeDefault) {
  EXPECT_EQ(mime_type_for("app.css"), "text/css; charset=utf-8");
  EXPECT_EQ(mime_type_for("a/b/font.WOFF2"), "font/woff2");
  EXPECT_EQ(mime_type_for("htmx.min.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(mime_type_for("page.html"), "application/octet-stream");
  EXPECT_EQ(mime_type_for("README"), "application/octet-stream");
}

TEST(Headers, AreCaseInsensitive) {
  Headers h;
  h.set("Content-Type", "text/html");
  EXPECT_EQ(h.get("content-type").value_or(""), "text/html");
  h.set("CONTENT-TYPE", "application/json");
  EXPECT_EQ(h.all().size(), 1u);
  h.add("Set-Cookie", "a=1");
  h.add("Set-Cookie", "b=2");
  EXPECT_EQ(h.all().size(), 3u);
}

}  // namespace
}  // namespace ruamkit::http
