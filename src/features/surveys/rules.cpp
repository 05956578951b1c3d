#include "features/surveys/rules.h"

#include <algorithm>
#include <charconv>
#include <functional>
#include <set>

#include "core/text.h"
#include "core/utf8.h"
#include "features/spaces/rules.h"

namespace ruamkit::features::surveys {
namespace {

std::size_t chars(std::string_view s) { return core::character_count(s); }

// Strips spaces, tabs and CRs (the CR of a CRLF line end); line feeds stay.
std::string trimmed(std::string_view s) { return std::string(core::trim(s, " \t\r")); }

std::optional<int> number(const std::string& text) {
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return value;
}

}  // namespace

const std::vector<std::string>& question_kinds() {
  static const std::vector<std::string> v = {"single", "multiple", "scale", "short", "long"};
  return v;
}

std::vector<std::string> parse_options(std::string_view typed) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= typed.size()) {
    const auto end = typed.find('\n', start);
    auto line = trimmed(
        typed.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
    if (!line.empty()) out.push_back(std::move(line));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
  return out;
}

Problems check_question(const Question& q) {
  Problems found;
  if (chars(q.prompt) < 1 || chars(q.prompt) > 500)
    found.emplace_back("prompt", "question_prompt_length");
  if (chars(q.help) > 1000) found.emplace_back("help", "text_too_long");
  if (chars(q.section) > 200) found.emplace_back("section", "text_too_long");
  if (!spaces::is_one_of(question_kinds(), q.kind)) {
    found.emplace_back("kind", "question_kind_unknown");
    return found;
  }
  if (q.is_choice()) {
    const std::set<std::string> distinct(q.options.begin(), q.options.end());
    bool lengths = true;
    for (const auto& o : q.options) lengths = lengths && chars(o) >= 1 && chars(o) <= 200;
    if (q.options.size() < 2 || q.options.size() > 30 || distinct.size() != q.options.size() ||
        !lengths) {
      found.emplace_back("options", "question_options");
    }
  }
  if (q.kind == "scale") {
    if (q.scale_min < 0 || q.scale_max > 10 || q.scale_min >= q.scale_max) {
      found.emplace_back("scale_min", "question_scale");
    }
    if (chars(q.scale_min_label) > 100 || chars(q.scale_max_label) > 100) {
      found.emplace_back("scale_min_label", "text_too_long");
    }
  }
  return found;
}

Problems read_answers(const std::vector<Question>& questions,
                      const std::function<std::vector<std::string>(const std::string&)>& submitted,
                      std::map<std::int64_t, Answer>& answers) {
  Problems found;
  for (const auto& q : questions) {
    const auto field = "q" + std::to_string(q.id);
    auto values = submitted(field);
    values.erase(std::remove_if(values.begin(), values.end(),
                                [](const std::string& v) { return trimmed(v).empty(); }),
                 values.end());
    Answer a;
    bool bad = false;
    if (q.is_text()) {
      if (values.size() > 1) bad = true;
      if (!values.empty()) a.text = trimmed(values.front());
      const std::size_t limit = q.kind == "short" ? 300 : 5000;
      if (chars(a.text) > limit) {
        found.emplace_back(field, "answer_too_long");
        answers[q.id] = a;
        continue;
      }
    } else {
      std::set<int> seen;
      for (const auto& v : values) {
        const auto n = number(v);
        const bool in_range =
            n && (q.kind == "scale" ? *n >= q.scale_min && *n <= q.scale_max
                                    : *n >= 0 && *n < static_cast<int>(q.options.size()));
        if (!in_range || !seen.insert(*n).second) {
          bad = true;
          break;
        }
        a.choices.push_back(*n);
      }
      if (q.kind != "multiple" && a.choices.size() > 1) bad = true;
    }
    if (bad) {
      found.emplace_back(field, "answer_invalid");
    } else if (q.required && a.empty()) {
      found.emplace_back(field, "answer_required");
    }
    answers[q.id] = a;
  }
  return found;
}

Tally tally(const Question& q, const std::vector<Answer>& answers) {
  Tally t;
  const std::size_t size = q.kind == "scale"
                               ? static_cast<std::size_t>(q.scale_max - q.scale_min + 1)
                           : q.is_choice() ? q.options.size()
                                           : 0;
  t.counts.assign(size, 0);
  for (const auto& a : answers) {
    if (a.empty()) continue;
    ++t.answered;
    for (const int c : a.choices) {
      const int index = q.kind == "scale" ? c - q.scale_min : c;
      if (index >= 0 && static_cast<std::size_t>(index) < size)
        ++t.counts[static_cast<std::size_t>(index)];
    }
  }
  return t;
}

}  // namespace ruamkit::features::surveys
