// The shortest edit script between token sequences.
#include "analysis/diff.h"

#include <gtest/gtest.h>

#include <random>

namespace ruamkit::analysis {
namespace {

std::vector<std::string> letters(const std::string& s) {
  std::vector<std::string> out;
  for (char ch : s) out.emplace_back(1, ch);
  return out;
}

// Rebuilds both sides from the runs.
std::pair<std::string, std::string> sides(const std::vector<DiffRun>& runs) {
  std::string before, after;
  for (const auto& r : runs) {
    if (r.change != Change::added) before += r.text;
    if (r.change != Change::removed) after += r.text;
  }
  return {before, after};
}

std::size_t edits(const std::vector<DiffRun>& runs) {
  std::size_t n = 0;
  for (const auto& r : runs) {
    if (r.change != Change::kept) n += r.text.size();
  }
  return n;
}

TEST(Diff, AReplacedWordIsARemovalThenAnAddition) {
  const std::vector<std::string> before = {"ร่าง", " ", "ระเบียบ", " ", "ฉบับ", "นี้"};
  const std::vector<std::string> after = {"ร่าง", " ", "ประกาศ", " ", "ฉบับ", "นี้"};
  const auto runs = diff(before, after);
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(runs[0].change, Change::kept);
  EXPECT_EQ(runs[0].text, "ร่าง ");
  EXPECT_EQ(runs[1].change, Change::removed);
  EXPECT_EQ(runs[1].text, "ระเบียบ");
  EXPECT_EQ(runs[2].change, Change::added);
  EXPECT_EQ(runs[2].text, "ประกาศ");
  EXPECT_EQ(runs[3].text, " ฉบับนี้");
}

TEST(Diff, EqualAndEmptySequences) {
  EXPECT_TRUE(diff({}, {}).empty());
  const auto same = diff(letters("abc"), letters("abc"));
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].change, Change::kept);
  const auto added = diff({}, letters("ab"));
  ASSERT_EQ(added.size(), 1u);
  EXPECT_EQ(added[0].change, Change::added);
  const auto removed = diff(letters("ab"), {});
  ASSERT_EQ(removed.size(), 1u);
  EXPECT_EQ(removed[0].change, Change::removed);
}

TEST(Diff, TheScriptIsShortest) {
  // "abcabba" → "cbabac" needs 5 edits (Myers' paper).
  EXPECT_EQ(edits(diff(letters("abcabba"), letters("cbabac"))), 5u);
}

TEST(Diff, RandomPairsAlwaysRebuildBothSidesAndAlternate) {
  std::mt19937 random(7);
  for (int round = 0; round < 3000; ++round) {
    std::string a, b;
    for (int i = static_cast<int>(random() % 15); i > 0; --i) a += "abc"[random() % 3];
    for (int i = static_cast<int>(random() % 15); i > 0; --i) b += "abc"[random() % 3];
    const auto runs = diff(letters(a), letters(b));
    EXPECT_EQ(sides(runs), std::make_pair(a, b)) << a << " → " << b;
    for (std::size_t i = 1; i < runs.size(); ++i) {
      EXPECT_NE(runs[i].change, runs[i - 1].change);
      EXPECT_FALSE(runs[i - 1].change == Change::added && runs[i].change == Change::removed);
    }
  }
}

TEST(Diff, TooManyEditsGiveOneRemovalAndOneAddition) {
  const auto runs = diff(letters("aaaaaaaaaa"), letters("bbbbbbbbbb"), 3);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].change, Change::removed);
  EXPECT_EQ(runs[1].change, Change::added);
}

}  // namespace
}  // namespace ruamkit::analysis
