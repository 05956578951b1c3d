// Reading the demo's page files: Markdown with a small, strict front matter.
#include "features/demo_pages.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>

namespace ruamkit::features {
namespace {

// The message of the error read_demo_page throws for `text`, or "" when it
// throws none.
std::string error_of(const std::string& text) {
  try {
    read_demo_page(text, "demo/opdc-pages/900-x.md");
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return "";
}

bool has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

TEST(DemoPage, ReadsTheFrontMatterAndTheBody) {
  const auto page = read_demo_page(
      "---\n"
      "title: ที่มา 2553\n"
      "published_on: 2010-08-27\n"
      "source_section: ยุทธศาสตร์ปี 2551-2555 / การบริหารราชการแบบมีส่วนร่วม\n"
      "kind: page\n"
      "---\n"
      "\n"
      "ย่อหน้าแรก\n"
      "\n"
      "1. ข้อหนึ่ง\n"
      "   - ย่อย\n",
      "000.md");
  EXPECT_EQ(page.title, "ที่มา 2553");
  EXPECT_EQ(page.published_on, "2010-08-27");
  EXPECT_EQ(page.source_section, "ยุทธศาสตร์ปี 2551-2555 / การบริหารราชการแบบมีส่วนร่วม");
  EXPECT_EQ(page.kind, "page");
  EXPECT_EQ(page.body, "ย่อหน้าแรก\n\n1. ข้อหนึ่ง\n   - ย่อย");
}

TEST(DemoPage, OptionalKeysMayBeLeftOutAndKeysComeInAnyOrder) {
  const auto page =
      read_demo_page("---\nkind: announcement\ntitle:  ข่าว: ครั้งที่ 2/2563  \n---\nเนื้อหา", "003.md");
  EXPECT_EQ(page.kind, "announcement");
  EXPECT_EQ(page.title, "ข่าว: ครั้งที่ 2/2563");  // after the first ": ", trimmed
  EXPECT_EQ(page.published_on, "");
  EXPECT_EQ(page.source_section, "");
  EXPECT_EQ(page.body, "เนื้อหา");
}

TEST(DemoPage, AFileWithoutItsClosingLineIsRefused) {
  const auto error = error_of("---\ntitle: ข่าว\nkind: page\n\nเนื้อหา\n");
  EXPECT_TRUE(error.starts_with("demo/opdc-pages/900-x.md: ")) << error;
  EXPECT_TRUE(has(error, "line 4")) << error;  // the blank line is not "key: value"
  EXPECT_TRUE(has(error_of("---\ntitle: ข่าว\nkind: page\n"), "no closing \"---\""));
  EXPECT_TRUE(has(error_of("---\ntitle: ข่าว\nkind: page"), "no closing \"---\""));
}

TEST(DemoPage, AnUnknownKeyIsRefused) {
  const auto error = error_of("---\ntitle: ข่าว\nauthor: สำนักงาน ก.พ.ร.\nkind: page\n---\nเนื้อหา");
  EXPECT_TRUE(error.starts_with("demo/opdc-pages/900-x.md: line 3: ")) << error;
  EXPECT_TRUE(has(error, "unknown key \"author\"")) << error;
  EXPECT_TRUE(has(error_of("---\nTitle: ข่าว\nkind: page\n---\nเนื้อหา"), "unknown key \"Title\""));
}

TEST(DemoPage, AnEmptyTitleIsRefused) {
  EXPECT_TRUE(has(error_of("---\ntitle:\nkind: page\n---\nเนื้อหา"), "\"title\" is empty"));
  EXPECT_TRUE(has(error_of("---\ntitle:   \nkind: page\n---\nเนื้อหา"), "\"title\" is empty"));
  EXPECT_TRUE(has(error_of("---\nkind: page\n---\nเนื้อหา"), "no title"));
}

TEST(DemoPage, RefusesWhatIsNotTheFormat) {
  const std::string ok = "---\ntitle: ข่าว\nkind: page\n---\nเนื้อหา";
  EXPECT_EQ(error_of(ok), "");
  for (const std::string& bad : {
           std::string(""),
           std::string("title: ข่าว\nkind: page\n---\nเนื้อหา"),  // no opening line
           std::string("\n---\ntitle: ข่าว\nkind: page\n---\nเนื้อหา"),
           std::string("--- \ntitle: ข่าว\nkind: page\n---\nเนื้อหา"),
           std::string("---\r\ntitle: ข่าว\r\nkind: page\r\n---\r\nเนื้อหา"),
           std::string("---\ntitle ข่าว\nkind: page\n---\nเนื้อหา"),    // no colon
           std::string("---\ntitle:ข่าว\nkind: page\n---\nเนื้อหา"),    // no space after it
           std::string("---\n title: ข่าว\nkind: page\n---\nเนื้อหา"),  // indented key
           std::string("---\ntitle: ข่าว\ntitle: ข่าว\nkind: page\n---\nเนื้อหา"),
           std::string("---\ntitle: ข่าว\n---\nเนื้อหา"),  // no kind
           std::string("---\ntitle: ข่าว\nkind: news\n---\nเนื้อหา"),
           std::string("---\ntitle: ข่าว\nkind: page\npublished_on: 2563-02-25x\n---\nเนื้อหา"),
           std::string("---\ntitle: ข่าว\nkind: page\npublished_on: 2020-02-30\n---\nเนื้อหา"),
           std::string("---\ntitle: ข่าว\nkind: page\npublished_on: 25 ก.พ. 2563\n---\nเนื้อหา"),
           std::string("---\ntitle: ข่าว\nkind: page\nsource_section:\n---\nเนื้อหา"),
           std::string("---\ntitle: ข่าว\nkind: page\n---\n"),  // no body
           std::string("---\ntitle: ข่าว\nkind: page\n---\n\n  \n"),
       }) {
    const auto error = error_of(bad);
    EXPECT_TRUE(error.starts_with("demo/opdc-pages/900-x.md: ")) << bad << " → " << error;
  }
  EXPECT_EQ(read_demo_page("---\ntitle: ข่าว\nkind: page\npublished_on: 2020-02-29\n---\nก", "x")
                .published_on,
            "2020-02-29");  // a leap day
}

}  // namespace
}  // namespace ruamkit::features
