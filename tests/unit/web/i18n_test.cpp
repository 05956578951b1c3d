#include "web/i18n.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../../support/temp_dir.h"
#include "features/registry.h"

namespace ruamkit::web {
namespace {

TEST(Catalogue, FormatsPluralsWithEachLocalesRules) {
  testing::TempDir dir;
  dir.write("en.json",
            R"({"n": {"comments": "{count, plural, one {# comment} other {# comments}}"}})");
  dir.write("th.json", R"({"n": {"comments": "{count, plural, other {# ความคิดเห็น}}"}})");
  Catalogue en("en", dir.path() / "en.json");
  Catalogue th("th", dir.path() / "th.json");
  EXPECT_EQ(en.format("n.comments", {{"count", std::int64_t{1}}}), "1 comment");
  EXPECT_EQ(en.format("n.comments", {{"count", std::int64_t{1250}}}), "1,250 comments");
  EXPECT_EQ(th.format("n.comments", {{"count", std::int64_t{1}}}), "1 ความคิดเห็น");
}

TEST(Catalogue, MissingKeysShowTheKey) {
  testing::TempDir dir;
  dir.write("en.json", R"({"a": {"b": "B"}})");
  Catalogue en("en", dir.path() / "en.json");
  EXPECT_EQ(en.text("a.b"), "B");
  EXPECT_EQ(en.text("a.missing"), "a.missing");
  EXPECT_EQ(en.format("nope", {}), "nope");
}

TEST(Catalogue, RefusesMalformedFiles) {
  testing::TempDir dir;
  dir.write("bad.json", R"({"a": 1})");
  dir.write("broken.json", R"({"a": )");
  EXPECT_THROW(Catalogue("en", dir.path() / "bad.json"), std::runtime_error);
  EXPECT_THROW(Catalogue("en", dir.path() / "broken.json"), std::runtime_error);
  EXPECT_THROW(Catalogue("en", dir.path() / "absent.json"), std::runtime_error);
}

// The shipped catalogues must agree, or a page shows raw keys in one language.
TEST(ShippedCatalogues, ThaiAndEnglishHaveTheSameKeys) {
  Catalogues all(features::registry().locale_dirs(testing::share_dir()));
  auto th = all.get("th").keys();
  auto en = all.get("en").keys();
  std::sort(th.begin(), th.end());
  std::sort(en.begin(), en.end());
  std::vector<std::string> only_th, only_en;
  std::set_difference(th.begin(), th.end(), en.begin(), en.end(), std::back_inserter(only_th));
  std::set_difference(en.begin(), en.end(), th.begin(), th.end(), std::back_inserter(only_en));
  EXPECT_TRUE(only_th.empty()) << "only in th.json: " << only_th.front();
  EXPECT_TRUE(only_en.empty()) << "only in en.json: " << only_en.front();
}

TEST(ShippedCatalogues, EveryErrorStatusAndLevelIsTranslated) {
  Catalogues all(features::registry().locale_dirs(testing::share_dir()));
  for (const char* locale : {"th", "en"}) {
    const auto& c = all.get(locale);
    for (int status : {400, 403, 404, 405, 408, 413, 415, 429, 431, 500, 503}) {
      const auto prefix = "errors." + std::to_string(status);
      EXPECT_TRUE(c.has(prefix + ".title")) << locale << " " << prefix;
      EXPECT_TRUE(c.has(prefix + ".detail")) << locale << " " << prefix;
    }
    for (const char* level : {"inform", "consult", "involve", "collaborate", "empower"}) {
      EXPECT_TRUE(c.has(std::string("levels.") + level + ".name")) << locale << " " << level;
    }
    EXPECT_NE(c.format("home.levels_count", {{"count", std::int64_t{5}}}), "home.levels_count");
  }
  EXPECT_EQ(all.get("en").format("home.levels_count", {{"count", std::int64_t{1}}}), "1 level");
  EXPECT_EQ(all.get("en").format("home.levels_count", {{"count", std::int64_t{5}}}), "5 levels");
  EXPECT_EQ(all.get("xx").locale(), "th");
}

}  // namespace
}  // namespace ruamkit::web
