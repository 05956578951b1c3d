#include "features/search/index.h"

#include <gtest/gtest.h>

#include "../../support/temp_dir.h"
#include "storage/migrations.h"

namespace ruamkit::features::search {
namespace {

class SearchIndex : public ::testing::Test {
 protected:
  SearchIndex() : db((dir.path() / "search.db").string(), 1) {
    storage::migrate(db, storage::embedded_migrations());
    db.write([](storage::Connection& c) {
      c.execute(
          "INSERT INTO organisations (id, kind, slug, name_th, name_en, created_at) "
          "VALUES (1, 'oversight', 'opdc', 'สำนักงาน ก.พ.ร.', 'OPDC', 'x'), "
          "(2, 'province', 'cm', 'จังหวัดเชียงใหม่', 'Chiang Mai', 'x')");
      index(c, {"page", "1", 1, "/pages/1", "การบริหารราชการแบบมีส่วนร่วม",
                "การเปิดระบบราชการให้ประชาชนเข้ามามีส่วนร่วมในการบริหารราชการ", "2010-08-27"});
      index(c, {"page", "2", 1, "/pages/2", "เกณฑ์การประเมินผล",
                "ตัวชี้วัดระดับการมีส่วนร่วมของส่วนราชการ 5 ระดับ", "2007-01-01"});
      index(c, {"announcement", "3", 2, "/announcements/3", "เครือข่ายภาคประชาชน",
                "การส่งเสริมศักยภาพและความเข้มแข็งของเครือข่ายภาคประชาชน", ""});
      index(c, {"page", "4", 2, "/pages/4", "Public participation in Chiang Mai",
                "Citizens and <script>alert(1)</script> officials plan together.", ""});
    });
  }

  std::vector<std::string> refs(const Query& q) {
    return db.read([&](storage::Connection& c) {
      std::vector<std::string> out;
      for (const auto& h : search(c, q)) out.push_back(h.kind + ":" + h.ref);
      return out;
    });
  }

  testing::TempDir dir;
  storage::Database db;
};

TEST_F(SearchIndex, FindsThaiWordsInTextWithoutSpaces) {
  EXPECT_EQ(refs({"ตัวชี้วัด"}), std::vector<std::string>{"page:2"});
  EXPECT_EQ(refs({"เครือข่าย"}), std::vector<std::string>{"announcement:3"});
  const auto people = refs({"ประชาชน"});
  EXPECT_EQ(people.size(), 2u);
  const auto participation = refs({"การมีส่วนร่วม"});
  EXPECT_NE(std::find(participation.begin(), participation.end(), "page:2"), participation.end());
}

TEST_F(SearchIndex, TitlesRankAboveBodies) {
  const auto hits = refs({"ราชการ"});
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front(), "page:1");
}

TEST_F(SearchIndex, PrefixQueriesMatchPartialThaiWords) {
  EXPECT_EQ(refs({"ประชา"}).size(), 0u) << "a partial word alone is not a word";
  EXPECT_EQ(refs({"ประชา*"}).size(), 2u);
  EXPECT_EQ(refs({"เครือ*"}), std::vector<std::string>{"announcement:3"});
  EXPECT_EQ(refs({"partic*"}), std::vector<std::string>{"page:4"});
}

TEST_F(SearchIndex, EnglishIsCaseInsensitive) {
  EXPECT_EQ(refs({"PARTICIPATION"}), std::vector<std::string>{"page:4"});
  EXPECT_EQ(refs({"citizens officials"}), std::vector<std::string>{"page:4"});
  EXPECT_TRUE(refs({"citizens ตัวชี้วัด"}).empty()) << "every word must appear";
}

TEST_F(SearchIndex, FiltersByKindAndOrganisation) {
  EXPECT_EQ(refs({"ประชาชน", "announcement"}), std::vector<std::string>{"announcement:3"});
  EXPECT_EQ(refs({"ประชาชน", "", 1}), std::vector<std::string>{"page:1"});
  EXPECT_EQ(db.read([](storage::Connection& c) { return count(c, {"ประชาชน"}); }), 2);
}

TEST_F(SearchIndex, SnippetsAreEscapedWithMatchesMarked) {
  const auto hits = db.read([](storage::Connection& c) { return search(c, {"officials"}); });
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_NE(hits[0].snippet_html.find("<mark>officials</mark>"), std::string::npos)
      << hits[0].snippet_html;
  EXPECT_EQ(hits[0].snippet_html.find("<script>"), std::string::npos) << hits[0].snippet_html;
  EXPECT_NE(hits[0].snippet_html.find("&lt;script&gt;"), std::string::npos);
  const auto thai = db.read([](storage::Connection& c) { return search(c, {"ตัวชี้วัด"}); });
  ASSERT_EQ(thai.size(), 1u);
  EXPECT_NE(thai[0].snippet_html.find("<mark>ตัวชี้วัด</mark>"), std::string::npos)
      << thai[0].snippet_html;
}

TEST_F(SearchIndex, ReindexingReplacesAndUnindexingRemoves) {
  db.write([](storage::Connection& c) {
    index(c, {"page", "2", 1, "/pages/2", "เกณฑ์ใหม่", "ไม่มีคำนั้นแล้ว", ""});
  });
  EXPECT_TRUE(refs({"ตัวชี้วัด"}).empty());
  EXPECT_EQ(refs({"เกณฑ์ใหม่"}), std::vector<std::string>{"page:2"});
  db.write([](storage::Connection& c) { unindex(c, "announcement", "3"); });
  EXPECT_TRUE(refs({"เครือข่าย"}).empty());
}

TEST_F(SearchIndex, TypedOperatorsAndQuotesAreTakenLiterally) {
  EXPECT_EQ(match_expression("  ประชาชน   เครือ*  "), "\"ประชาชน\" \"เครือ\" *");
  EXPECT_EQ(match_expression("a\"b OR NEAR(x)"), "\"a\"\"b\" \"OR\" \"NEAR(x)\"");
  EXPECT_EQ(match_expression("   "), "");
  EXPECT_EQ(match_expression("***"), "");
  for (const char* hostile : {"\"", "AND", "NOT x", "title:foo", "(", "^x", "x OR"}) {
    EXPECT_NO_THROW(refs({hostile})) << hostile;
  }
}

}  // namespace
}  // namespace ruamkit::features::search
