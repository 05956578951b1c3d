#include "web/locale.h"

#include <gtest/gtest.h>

namespace ruamkit::web {
namespace {

TEST(Locale, CookieWinsThenAcceptLanguageThenThai) {
  EXPECT_EQ(negotiate_locale("en", "th"), "en");
  EXPECT_EQ(negotiate_locale(std::nullopt, "en-US,en;q=0.9"), "en");
  EXPECT_EQ(negotiate_locale(std::nullopt, std::nullopt), "th");
  EXPECT_EQ(negotiate_locale("fr", "en"), "en");  // unsupported cookie value ignored
  EXPECT_EQ(negotiate_locale(std::nullopt, "fr, de"), "th");
}

TEST(Locale, AcceptLanguageHonoursQualityValues) {
  EXPECT_EQ(match_accept_language("en;q=0.5, th;q=0.8").value_or(""), "th");
  EXPECT_EQ(match_accept_language("th-TH, en;q=0.9").value_or(""), "th");
  EXPECT_EQ(match_accept_language("fr, en-GB;q=0.7").value_or(""), "en");
  EXPECT_EQ(match_accept_language("en;q=0, th;q=0.1").value_or(""), "th");
  EXPECT_EQ(match_accept_language("EN").value_or(""), "en");
  EXPECT_EQ(match_accept_language("*").value_or(""), "th");
  EXPECT_FALSE(match_accept_language("en;q=0"));
  EXPECT_FALSE(match_accept_language(""));
  EXPECT_FALSE(match_accept_language(";;;,,,q=abc"));
}

}  // namespace
}  // namespace ruamkit::web
