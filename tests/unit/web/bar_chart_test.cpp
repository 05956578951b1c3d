#include "web/bar_chart.h"

#include <gtest/gtest.h>

namespace ruamkit::web {
namespace {

std::string text(const ViewData& d, const std::string& key) { return d.get(key)->string_value(); }

TEST(BarChart, BarsArePercentagesOfTheTotalAndTheLongestIsTheLargest) {
  const auto chart = bar_chart({{"เสร็จสิ้น", 3}, {"รับเรื่องแล้ว", 1}, {"ไม่เกี่ยวข้อง", 0}}, 4,
                               {"สถานะ", "รายการ", "จำนวน", "ร้อยละ"});
  const auto& bars = chart.get("bars")->list_value();
  ASSERT_EQ(bars.size(), 3u);
  EXPECT_EQ(text(bars[0], "percent"), "75");
  EXPECT_EQ(text(bars[0], "width"), "300");
  EXPECT_EQ(text(bars[1], "width"), "100");
  EXPECT_EQ(text(bars[2], "percent"), "0");
  EXPECT_EQ(text(chart, "height"), "114");
  EXPECT_EQ(text(chart, "caption"), "สถานะ");
}

TEST(BarChart, NothingCountedDrawsEmptyBars) {
  const auto chart = bar_chart({{"5 ดาว", 0}}, 0, {});
  EXPECT_EQ(text(chart.get("bars")->list_value()[0], "percent"), "0");
  EXPECT_EQ(text(chart.get("bars")->list_value()[0], "width"), "0");
}

TEST(BarChart, LongLabelsAreShortenedInTheDrawingOnlyAndKeepTheirMarks) {
  const std::string place = "ซอยลาดพร้าว 71 เขตวังทองหลาง กรุงเทพมหานคร";
  const auto chart = bar_chart({{place, 2}}, 2, {});
  const auto& bar = chart.get("bars")->list_value()[0];
  EXPECT_EQ(text(bar, "label"), place);
  const auto drawn = text(bar, "drawn_label");
  EXPECT_LT(drawn.size(), place.size());
  EXPECT_TRUE(drawn.ends_with("…"));
  EXPECT_EQ(place.rfind(drawn.substr(0, drawn.size() - 3), 0), 0u);
  // Never ends on a letter whose mark was cut off.
  const auto next = place.substr(drawn.size() - 3, 3);
  EXPECT_NE(next, "้");
  EXPECT_NE(next, "่");
  EXPECT_EQ(text(bar_chart({{"สั้น", 1}}, 1, {}).get("bars")->list_value()[0], "drawn_label"), "สั้น");
}

}  // namespace
}  // namespace ruamkit::web
