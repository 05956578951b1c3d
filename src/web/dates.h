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

// Returns the long date of `iso`, either a calendar day "YYYY-MM-DD" or a
// stored timestamp (core::iso_timestamp; its day in Thailand), in `locale`.
// Returns "" for anything else.
std::string format_iso_day(std::string_view iso, std::string_view locale);

// Returns the calendar day in Thailand of `iso` (a day or a timestamp) as
// "YYYY-MM-DD" (for <time datetime>); "" when it is neither.
std::string iso_day_of(std::string_view iso);

// Returns the day `offset` days from today in Thailand as "YYYY-MM-DD"
// (default dates of forms, demo data).
std::string iso_day_from_today(int offset);

}  // namespace ruamkit::web
