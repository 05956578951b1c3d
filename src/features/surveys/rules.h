// The rules of surveys, free of I/O: what makes a question valid, reading
// and checking a person's answers, and tallying the results.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"

namespace ruamkit::features::surveys {

using core::Problems;  // field, catalogue key (errors.form.*)

const std::vector<std::string>& question_kinds();  // single, multiple, scale, short, long

struct Question {
  std::int64_t id = 0;
  int position = 0;
  std::string section, kind, prompt, help;
  bool required = false;
  std::vector<std::string> options;  // single and multiple choice
  int scale_min = 1, scale_max = 5;
  std::string scale_min_label, scale_max_label;

  bool is_choice() const { return kind == "single" || kind == "multiple"; }
  bool is_text() const { return kind == "short" || kind == "long"; }
};

// Splits the options typed one per line (blank lines dropped, spaces trimmed).
std::vector<std::string> parse_options(std::string_view typed);

// A question: prompt 1–500 characters, help at most 1,000, section heading at
// most 200, a known kind; 2–30 distinct options of 1–200 characters for
// choices; for a scale, min below max within 0–10 and labels of at most 100.
Problems check_question(const Question& q);

// One person's answer to one question.
struct Answer {
  std::vector<int> choices;  // option indices, or the scale value
  std::string text;
  bool empty() const { return choices.empty() && text.empty(); }
};

// Reads and checks the submitted answers: `submitted(name)` returns every
// value sent for the field "q<id>". Required questions must be answered;
// choices must be known options (one for single choice), a scale value in
// range, short text at most 300 characters, long text at most 5,000. Fills
// `answers` by question id and returns the problems (field "q<id>").
Problems read_answers(const std::vector<Question>& questions,
                      const std::function<std::vector<std::string>(const std::string&)>& submitted,
                      std::map<std::int64_t, Answer>& answers);

// The tally of one question: how many chose each option (or scale value,
// from scale_min), out of how many responses answered it.
struct Tally {
  std::vector<std::int64_t> counts;
  std::int64_t answered = 0;
};
Tally tally(const Question& q, const std::vector<Answer>& answers);

}  // namespace ruamkit::features::surveys
