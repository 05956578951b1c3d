#include "features/hearings/rules.h"

#include <algorithm>

#include "core/day.h"
#include "core/thai_words.h"
#include "core/utf8.h"
#include "features/spaces/rules.h"

namespace ruamkit::features::hearings {
namespace {

bool length_between(std::string_view text, std::size_t min, std::size_t max) {
  const auto n = core::character_count(text);
  return n >= min && n <= max;
}

}  // namespace

const std::vector<std::string>& draft_kinds() {
  static const std::vector<std::string> v = {"law", "regulation", "policy", "plan"};
  return v;
}

const std::vector<std::string>& outcomes() {
  static const std::vector<std::string> v = {"changed", "partly_changed", "not_changed"};
  return v;
}

Problems check_hearing(const Fields& f) {
  Problems found;
  if (!length_between(f.title, 1, 300)) found.emplace_back("title", "hearing_title_length");
  if (!spaces::is_one_of(draft_kinds(), f.draft_kind)) {
    found.emplace_back("draft_kind", "hearing_kind_unknown");
  }
  if (f.explanatory_note.size() > 100'000) found.emplace_back("explanatory_note", "text_too_long");
  consultation::check_period(f.opens_on, f.closes_on, found);
  return found;
}

std::string publish_problem(const Fields& f, int sections, int min_days,
                            std::chrono::year_month_day today) {
  if (!check_hearing(f).empty()) return "hearing_incomplete";
  if (sections == 0) return "hearing_no_sections";
  // What counts is the time people still have: from today when the opening
  // day has passed.
  const auto open =
      std::max(std::chrono::sys_days(*core::parse_day(f.opens_on)), std::chrono::sys_days(today));
  const auto close = std::chrono::sys_days(*core::parse_day(f.closes_on));
  if (close < std::chrono::sys_days(today)) return "hearing_closes_in_past";
  if ((close - open).count() + 1 < min_days) return "hearing_too_short";
  return "";
}

Problems check_section(std::string_view heading, std::string_view body) {
  Problems found;
  if (!length_between(heading, 1, 300)) found.emplace_back("heading", "section_heading_length");
  if (body.empty()) found.emplace_back("body", "section_body_required");
  if (body.size() > 100'000) found.emplace_back("body", "text_too_long");
  return found;
}

Problems check_issue(std::string_view title, std::string_view response, std::string_view reasons,
                     std::string_view outcome) {
  Problems found;
  if (!length_between(title, 1, 300)) found.emplace_back("title", "issue_title_length");
  if (response.empty()) found.emplace_back("response", "issue_response_required");
  if (response.size() > 20'000) found.emplace_back("response", "text_too_long");
  if (reasons.size() > 20'000) found.emplace_back("reasons", "text_too_long");
  if (!spaces::is_one_of(outcomes(), outcome))
    found.emplace_back("outcome", "issue_outcome_unknown");
  return found;
}

std::vector<std::string> diff_tokens(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t at = 0;
  core::for_each_word(text, [&](std::string_view, int begin, int end) {
    const auto b = static_cast<std::size_t>(begin);
    if (b > at) tokens.emplace_back(text.substr(at, b - at));  // what lies between words
    tokens.emplace_back(text.substr(b, static_cast<std::size_t>(end) - b));
    at = static_cast<std::size_t>(end);
    return true;
  });
  if (at < text.size()) tokens.emplace_back(text.substr(at));
  return tokens;
}

}  // namespace ruamkit::features::hearings
