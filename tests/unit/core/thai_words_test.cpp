#include "core/thai_words.h"

#include <gtest/gtest.h>

#include <vector>

namespace ruamkit::core {
namespace {

std::vector<std::string> words(std::string_view text) {
  std::vector<std::string> out;
  for_each_word(text, [&](std::string_view w, int begin, int end) {
    EXPECT_LT(begin, end);
    out.emplace_back(w);
    return true;
  });
  return out;
}

TEST(ThaiWords, SplitsThaiWrittenWithoutSpaces) {
  const auto w = words("การบริหารราชการแบบมีส่วนร่วม");
  EXPECT_GE(w.size(), 4u);
  EXPECT_NE(std::find(w.begin(), w.end(), "ราชการ"), w.end());
  const auto people = words("ประชาชนมีส่วนร่วม");
  EXPECT_NE(std::find(people.begin(), people.end(), "ประชาชน"), people.end());
}

TEST(ThaiWords, FoldsCaseAndSkipsPunctuation) {
  EXPECT_EQ(words("Ruamkit, OPDC!"), (std::vector<std::string>{"ruamkit", "opdc"}));
  EXPECT_EQ(words("  ...  "), std::vector<std::string>{});
}

TEST(ThaiWords, OffsetsAreBytesIntoTheText) {
  const std::string text = "ร่วมคิด Ruamkit";
  std::vector<std::pair<int, int>> spans;
  for_each_word(text, [&](std::string_view, int b, int e) {
    spans.emplace_back(b, e);
    return true;
  });
  ASSERT_FALSE(spans.empty());
  EXPECT_EQ(text.substr(spans.back().first, spans.back().second - spans.back().first), "Ruamkit");
}

}  // namespace
}  // namespace ruamkit::core
