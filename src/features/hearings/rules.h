// The rules of public hearings, free of I/O: what a hearing is in at a given
// day, the minimum hearing period, and what makes a hearing, a section or an
// issue of the summary valid. Thailand's constitution (section 77) asks for a
// hearing before a law is made; the period is configured (default 15 days).
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"
#include "features/consultation/period.h"

namespace ruamkit::features::hearings {

using core::Problems;  // field, catalogue key (errors.form.*)

const std::vector<std::string>& draft_kinds();  // law, regulation, policy, plan
const std::vector<std::string>& outcomes();     // changed, partly_changed, not_changed

// Where a hearing stands (a dated consultation; "reported": the summary is
// published), and how long it runs.
using consultation::period_days;
using consultation::State;
using consultation::state_name;
using consultation::state_of;

struct Fields {
  std::string title, draft_kind, explanatory_note, opens_on, closes_on;
};
// Title 1–300 characters, a known kind, note at most 100,000 bytes, real
// days, the close not before the opening.
Problems check_hearing(const Fields& f);

// Returns the catalogue key of why a hearing may not be published today, or
// "": it needs at least one section, at least `min_days` days left for
// people to comment (counted from today when the opening day has passed),
// and must not close before today.
std::string publish_problem(const Fields& f, int sections, int min_days,
                            std::chrono::year_month_day today);

// Heading 1–300 characters, text 1–100,000 bytes.
Problems check_section(std::string_view heading, std::string_view body);

// Title 1–300 characters, response required (at most 20,000 bytes),
// reasons at most 20,000 bytes, a known outcome.
Problems check_issue(std::string_view title, std::string_view response, std::string_view reasons,
                     std::string_view outcome);

// Splits text into the tokens a readable diff compares: words (Thai by
// dictionary segmentation), and the spaces and punctuation between them, so
// that the tokens concatenated give the text back.
std::vector<std::string> diff_tokens(std::string_view text);

}  // namespace ruamkit::features::hearings
