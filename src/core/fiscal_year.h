// Thai government fiscal years: 1 October to 30 September, named by the
// Buddhist-Era year in which they end (BE = CE + 543).
#pragma once

#include <chrono>

namespace ruamkit::core {

inline constexpr int kBuddhistEraOffset = 543;

// Returns the Buddhist-Era year of a Common-Era year.
constexpr int to_buddhist_era(int ce_year) { return ce_year + kBuddhistEraOffset; }

// Returns the fiscal year (as a BE year) that contains `day`.
// 30 Sep 2026 is in FY 2569; 1 Oct 2026 is in FY 2570.
int fiscal_year_be(std::chrono::year_month_day day);

// Returns the first and last day of the fiscal year named `fy_be`.
struct FiscalYearRange {
  std::chrono::year_month_day first;
  std::chrono::year_month_day last;
};
FiscalYearRange fiscal_year_range(int fy_be);

// Returns today's date in Thailand (UTC+7 all year; Thailand keeps no DST).
std::chrono::year_month_day today_in_thailand(std::chrono::system_clock::time_point now);

// Today in Thailand, by the system clock.
std::chrono::year_month_day today_in_thailand();

}  // namespace ruamkit::core
