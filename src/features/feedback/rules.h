// The rules of feedback cases, apart from storage and HTTP: the status
// workflow citizens know from Traffy Fondue, service levels (due day,
// overdue), the reporter's rating and reopening window, tracking codes, and
// what a report must contain.
#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/problems.h"

namespace ruamkit::features::feedback {

using core::Problems;  // field, catalogue key (errors.form.*)

// received → accepted → in_progress (with a stage) → resolved | not_relevant;
// forwarded (to another organisation) and merged (into a duplicate) close a
// case too.
enum class Status { received, accepted, in_progress, resolved, not_relevant, forwarded, merged };
inline constexpr std::array<Status, 7> kStatuses = {
    Status::received,     Status::accepted,  Status::in_progress, Status::resolved,
    Status::not_relevant, Status::forwarded, Status::merged};

// The name stored, used in URLs and the API, and in catalogue keys
// (feedback.statuses.<name>).
std::string_view status_name(Status status);
// Returns the status named `name`, or nullopt.
std::optional<Status> parse_status(std::string_view name);
// The stages of in_progress: studying, awaiting_budget, procurement,
// legal_process, working (feedback.stages.<stage>).
const std::vector<std::string>& stages();

// True for received, accepted and in_progress.
bool is_open_status(Status status);

// Returns "" when an official may move a case from `from` to `to` (with
// `stage` for in_progress, which must then be one of stages(); in_progress
// to in_progress changes the stage), or the catalogue key of why not
// (`to` nullopt: a status that does not exist).
// Forwarding and merging have their own actions and are refused here;
// resolving needs a reply to the reporter (`note` not blank).
std::string transition_problem(Status from, std::optional<Status> to, std::string_view stage,
                               std::string_view note);

// The day a case is due: `received_on` plus `target_days` calendar days.
std::chrono::year_month_day due_day(std::chrono::year_month_day received_on, int target_days);

// Overdue: still open after its due day, or closed later than it. Days are
// days in Thailand; `closed_on` is nullopt while open.
bool is_overdue(bool open, std::chrono::year_month_day due_on,
                std::optional<std::chrono::year_month_day> closed_on,
                std::chrono::year_month_day today);

// The reporter may rate a resolved or not-relevant case once.
bool may_rate(Status status, bool rated);
// The reporter may reopen a resolved or not-relevant case up to
// `window_days` days after it closed (inclusive); never with a window of 0.
bool may_reopen(Status status, std::chrono::year_month_day closed_on,
                std::chrono::year_month_day today, int window_days);

// Open311 knows only "open" and "closed".
std::string_view open311_status(Status status);

// A new tracking code: "RK-" and two groups of five characters from an
// alphabet without look-alikes (0/O, 1/I/L), about 49 random bits.
std::string new_tracking_code();
// Returns the code in canonical form (upper case, dashes where they belong,
// spaces removed) when `text` may be a tracking code, else nullopt.
std::optional<std::string> normalize_tracking_code(std::string_view text);

struct Report {
  std::string description, address, contact_name, contact_email, contact_phone;
  std::optional<double> lat, lon;
};
// Description 10–5,000 characters; address at most 300; a pin inside the
// world's coordinates, both or neither; name at most 100; e-mail an address;
// phone digits with + - ( ) and spaces, 6–20 characters. Text must be clean
// UTF-8.
Problems check_report(const Report& r);

// Parses a decimal coordinate ("13.7563"); nullopt when it is not a number.
std::optional<double> parse_coordinate(std::string_view text);

// The median of `values` (nullopt when empty; the mean of the middle two
// for an even count). Sorts its copy.
std::optional<double> median(std::vector<double> values);

}  // namespace ruamkit::features::feedback
