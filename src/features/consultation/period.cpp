#include "features/consultation/period.h"

#include "core/day.h"

namespace ruamkit::features::consultation {

std::string_view state_name(State state) {
  switch (state) {
    case State::draft:
      return "draft";
    case State::upcoming:
      return "upcoming";
    case State::open:
      return "open";
    case State::closed:
      return "closed";
    case State::reported:
      break;
  }
  return "reported";
}

State state_of(bool published, std::string_view opens_on, std::string_view closes_on, bool reported,
               std::chrono::year_month_day today) {
  if (!published) return State::draft;
  if (reported) return State::reported;
  const auto open = core::parse_day(opens_on);
  const auto close = core::parse_day(closes_on);
  if (!open || !close) return State::closed;
  const auto t = std::chrono::sys_days(today);
  if (t < std::chrono::sys_days(*open)) return State::upcoming;
  if (t > std::chrono::sys_days(*close)) return State::closed;
  return State::open;
}

int period_days(std::string_view opens_on, std::string_view closes_on) {
  const auto open = core::parse_day(opens_on);
  const auto close = core::parse_day(closes_on);
  if (!open || !close) return 0;
  return static_cast<int>((std::chrono::sys_days(*close) - std::chrono::sys_days(*open)).count()) +
         1;
}

void check_period(std::string_view opens_on, std::string_view closes_on, core::Problems& found) {
  const auto open = core::parse_day(opens_on);
  const auto close = core::parse_day(closes_on);
  if (!open) found.emplace_back("opens_on", "date_invalid");
  if (!close) found.emplace_back("closes_on", "date_invalid");
  if (open && close && std::chrono::sys_days(*close) < std::chrono::sys_days(*open)) {
    found.emplace_back("closes_on", "date_end_before_start");
  }
}

}  // namespace ruamkit::features::consultation
