// Public organisation pages and search over real HTTP, with the demo data.
#include <gtest/gtest.h>

#include "support/http_client.h"
#include "support/server_process.h"

namespace ruamkit::testing {
namespace {

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

class Directory : public ::testing::Test {
 protected:
  Directory() {
    std::string out;
    if (run_ruamkit({"seed-demo", "--database", server.database_path()}, out) != 0) {
      throw std::runtime_error("seed-demo failed: " + out);
    }
  }
  ServerProcess server;
};

TEST_F(Directory, OrganisationsAreListedInThaiOrderAndHaveAPage) {
  auto list = http_get(server.port(), "/organisations");
  EXPECT_EQ(list.status, 200);
  const auto khon_kaen = list.body.find("จังหวัดขอนแก่น");
  const auto chiang_mai = list.body.find("จังหวัดเชียงใหม่");
  const auto songkhla = list.body.find("จังหวัดสงขลา");
  ASSERT_NE(chiang_mai, std::string::npos);
  EXPECT_LT(khon_kaen, chiang_mai);
  EXPECT_LT(chiang_mai, songkhla) << "Thai collation, not byte order";
  auto opdc = http_get(server.port(), "/organisations/opdc");
  EXPECT_EQ(opdc.status, 200);
  EXPECT_TRUE(contains(opdc.body, "สำนักงานคณะกรรมการพัฒนาระบบราชการ"));
  EXPECT_TRUE(contains(opdc.body, "1785")) << "participation channels";
  EXPECT_TRUE(contains(opdc.body, "02 356 9999"));
  auto moi = http_get(server.port(), "/organisations/moi", {{"Cookie", "ruamkit_lang=en"}});
  EXPECT_TRUE(contains(moi.body, "Department of Provincial Administration")) << "units under it";
  EXPECT_EQ(http_get(server.port(), "/organisations/no-such-agency").status, 404);
}

TEST_F(Directory, SearchFindsThaiWordsWithoutSpacesAndPrefixes) {
  auto r = http_get(server.port(),
                    "/search?q=" + std::string("%E0%B9%80%E0%B8%8A%E0%B8%B5%E0%B8%A2%E0%B8%87%E0%"
                                               "B9%83%E0%B8%AB%E0%B8%A1%E0%B9%88"));  // เชียงใหม่
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(contains(r.body, "href=\"/organisations/chiang-mai\""));
  EXPECT_TRUE(contains(r.body, "href=\"/organisations/chiang-mai-city\""));
  EXPECT_TRUE(contains(r.body, "<mark>เชียงใหม่</mark>"));
  // A partial word with *: ประชา* finds ประชาชน in OPDC's mission.
  auto prefix = http_get(server.port(), "/search?q=%E0%B8%9B%E0%B8%A3%E0%B8%B0%E0%B8%8A%E0%B8%B2*");
  EXPECT_TRUE(contains(prefix.body, "href=\"/organisations/opdc\"")) << prefix.body;
  auto english = http_get(server.port(), "/search?q=pollution&kind=organisation");
  EXPECT_TRUE(contains(english.body, "href=\"/organisations/pcd\""));
  auto nothing = http_get(server.port(), "/search?q=zzzzqqq");
  EXPECT_EQ(nothing.status, 200);
  EXPECT_FALSE(contains(nothing.body, "search-result__title"));
  EXPECT_EQ(http_get(server.port(), "/search").status, 200);
  EXPECT_EQ(http_get(server.port(), "/search?q=" + std::string(600, 'a')).status, 400);
  EXPECT_EQ(http_get(server.port(), "/search?q=a&page=x").status, 400);
}

TEST_F(Directory, SearchShowsWhatWasTypedEscaped) {
  auto hostile = http_get(server.port(), "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
  EXPECT_EQ(hostile.status, 200);
  EXPECT_FALSE(contains(hostile.body, "<script>alert(1)</script>"));
  EXPECT_TRUE(contains(hostile.body, "&lt;script&gt;alert(1)&lt;/script&gt;"));
}

}  // namespace
}  // namespace ruamkit::testing
