#include "web/collation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace ruamkit::web {
namespace {

TEST(ThaiCollation, LeadingVowelsSortByTheirConsonant) {
  // Byte order would put เชียงใหม่ (เ = U+0E40) after สงขลา (ส = U+0E2A).
  std::vector<std::string> names = {"จังหวัดสงขลา", "จังหวัดเชียงใหม่", "จังหวัดขอนแก่น"};
  std::sort(names.begin(), names.end(), thai_less);
  EXPECT_EQ(names, (std::vector<std::string>{"จังหวัดขอนแก่น", "จังหวัดเชียงใหม่", "จังหวัดสงขลา"}));
  EXPECT_TRUE(thai_less("กรม", "กระทรวง") || thai_less("กระทรวง", "กรม"));
  EXPECT_FALSE(thai_less("ก", "ก"));
}

}  // namespace
}  // namespace ruamkit::web
