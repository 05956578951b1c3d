#include "web/templates.h"

#include <gtest/gtest.h>

#include "../../support/temp_dir.h"
#include "features/registry.h"

namespace ruamkit::web {
namespace {

TEST(Templates, EscapesByDefaultAndIncludesPartials) {
  testing::TempDir dir;
  dir.write("page.mustache", "<p>{{name}}</p>{{> parts/footer}}");
  dir.write("parts/footer.mustache", "<footer>{{t.site}}</footer>");
  TemplateStore store(dir.path());
  ViewData data;
  data.set("name", "<script>alert('x')</script>");
  ViewData globals;
  ViewData t;
  t.set("site", "ร่วมคิด & co");
  globals.set("t", t);
  EXPECT_EQ(
      store.render("page", data, globals),
      "<p>&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;</p><footer>ร่วมคิด &amp; co</footer>");
}

TEST(Templates, PageDataShadowsGlobals) {
  testing::TempDir dir;
  dir.write("a.mustache", "{{who}}");
  TemplateStore store(dir.path());
  ViewData data;
  data.set("who", "page");
  ViewData globals;
  globals.set("who", "global");
  EXPECT_EQ(store.render("a", data, globals), "page");
  EXPECT_EQ(store.render("a", ViewData{}, globals), "global");
}

TEST(Templates, BrokenOrUnknownTemplatesFailLoudly) {
  testing::TempDir dir;
  dir.write("broken.mustache", "{{#open}} never closed");
  EXPECT_THROW(TemplateStore{dir.path()}, std::runtime_error);
  testing::TempDir ok;
  ok.write("a.mustache", "x");
  TemplateStore store(ok.path());
  EXPECT_THROW(store.render("missing", ViewData{}, ViewData{}), std::runtime_error);
}

TEST(ShippedTemplates, AllParse) {
  EXPECT_NO_THROW(TemplateStore{features::registry().template_dirs(testing::share_dir())});
}

}  // namespace
}  // namespace ruamkit::web
