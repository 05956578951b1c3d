// The rules of surveys: questions, reading answers, tallies.
#include "features/surveys/rules.h"

#include <gtest/gtest.h>

namespace ruamkit::features::surveys {
namespace {

Question choice(std::int64_t id, const std::string& kind, bool required = false) {
  Question q;
  q.id = id;
  q.kind = kind;
  q.prompt = "คำถาม";
  q.required = required;
  q.options = {"ก", "ข", "ค"};
  return q;
}

TEST(SurveyRules, OptionsAreOnePerLineWithoutBlanks) {
  EXPECT_EQ(parse_options(" ก \n\nข\r\n ค"), (std::vector<std::string>{"ก", "ข", "ค"}));
  EXPECT_TRUE(parse_options("\n \n").empty());
}

TEST(SurveyRules, QuestionsAreChecked) {
  EXPECT_TRUE(check_question(choice(1, "single")).empty());
  auto q = choice(1, "multiple");
  q.options = {"ก"};
  EXPECT_FALSE(check_question(q).empty()) << "one option is no choice";
  q.options = {"ก", "ก"};
  EXPECT_FALSE(check_question(q).empty()) << "duplicates";
  q = choice(1, "scale");
  q.scale_min = 5;
  q.scale_max = 1;
  EXPECT_FALSE(check_question(q).empty());
  q = choice(1, "essay");
  EXPECT_FALSE(check_question(q).empty());
  q = choice(1, "long");
  q.prompt = "";
  EXPECT_FALSE(check_question(q).empty());
}

TEST(SurveyRules, AnswersAreReadAndChecked) {
  Question scale = choice(3, "scale", true);
  scale.scale_min = 1;
  scale.scale_max = 5;
  Question text = choice(4, "short");
  const std::vector<Question> qs = {choice(1, "single", true), choice(2, "multiple"), scale, text};
  auto answer_with = [&](std::map<std::string, std::vector<std::string>> sent) {
    std::map<std::int64_t, Answer> answers;
    const auto problems = read_answers(
        qs, [&](const std::string& name) { return sent[name]; }, answers);
    return std::make_pair(problems, answers);
  };
  auto [ok, answers] =
      answer_with({{"q1", {"2"}}, {"q2", {"0", "1"}}, {"q3", {"5"}}, {"q4", {" สั้น "}}});
  EXPECT_TRUE(ok.empty());
  EXPECT_EQ(answers[1].choices, std::vector<int>{2});
  EXPECT_EQ(answers[2].choices, (std::vector<int>{0, 1}));
  EXPECT_EQ(answers[4].text, "สั้น");
  EXPECT_EQ(answer_with({{"q3", {"3"}}}).first.size(), 1u) << "q1 is required";
  EXPECT_EQ(answer_with({{"q1", {"0", "1"}}, {"q3", {"3"}}}).first.size(), 1u) << "one choice only";
  EXPECT_EQ(answer_with({{"q1", {"7"}}, {"q3", {"3"}}}).first.size(), 1u) << "unknown option";
  EXPECT_EQ(answer_with({{"q1", {"0"}}, {"q3", {"6"}}}).first.size(), 1u) << "outside the scale";
  EXPECT_EQ(answer_with({{"q1", {"0"}}, {"q2", {"1", "1"}}, {"q3", {"2"}}}).first.size(), 1u)
      << "the same option twice";
  EXPECT_EQ(
      answer_with({{"q1", {"0"}}, {"q3", {"2"}}, {"q4", {std::string(301, 'a')}}}).first.size(),
      1u);
}

TEST(SurveyRules, TalliesCountOptionsAndScaleValues) {
  Question scale = choice(3, "scale");
  scale.scale_min = 1;
  scale.scale_max = 3;
  const auto t = tally(scale, {{{1}, ""}, {{3}, ""}, {{3}, ""}, {{}, ""}});
  EXPECT_EQ(t.counts, (std::vector<std::int64_t>{1, 0, 2}));
  EXPECT_EQ(t.answered, 3);
  const auto m = tally(choice(2, "multiple"), {{{0, 2}, ""}, {{2}, ""}});
  EXPECT_EQ(m.counts, (std::vector<std::int64_t>{1, 0, 2}));
  EXPECT_EQ(m.answered, 2);
}

}  // namespace
}  // namespace ruamkit::features::surveys
