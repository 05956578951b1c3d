// The rules of a consultation open between two days (hearings, surveys),
// free of I/O: where it stands on a given day, how long it runs, and what
// makes its period valid.
#pragma once

#include <chrono>
#include <string_view>

#include "core/problems.h"

namespace ruamkit::features::consultation {

// Where a consultation stands: a draft (not published), published but not
// yet open, open, closed, or reported (its outcome is published).
enum class State { draft, upcoming, open, closed, reported };
std::string_view state_name(State state);

State state_of(bool published, std::string_view opens_on, std::string_view closes_on, bool reported,
               std::chrono::year_month_day today);

// The days from `opens_on` to `closes_on`, both included (0 when either is
// not a day).
int period_days(std::string_view opens_on, std::string_view closes_on);

// Adds what is wrong with a period to `found`: each end a real day
// ("date_invalid"), the close not before the opening ("date_end_before_start").
void check_period(std::string_view opens_on, std::string_view closes_on, core::Problems& found);

}  // namespace ruamkit::features::consultation
