// Dates as people read them: Buddhist Era with Thai month names for Thai,
// Common Era for English (ICU calendars and patterns).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

namespace ruamkit::web {

// Returns `day` as a long date in `locale`: "23 พฤศจิกายน 2569" for "th",
// "23 November 2026" for "en".
std::string format_long_date(std::chrono::year_month_day day, std::string_view locale);

// Returns `t` as a short date and time in Thailand's time zone: "23 พ.ย. 2569 19:04"
// for "th", "23 Nov 2026, 19:04" for "en".
std::string format_date_time(std::chrono::system_clock::time_point t, std::string_view locale);

// Returns `day` as ISO 8601 "YYYY-MM-DD" (for <time datetime>).
std::string iso_date(std::chrono::year_month_day day);

}  // namespace ruamkit::web
