// Calendar days as stored in the database: "YYYY-MM-DD" text, which compares
// correctly as text.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::core {

// Parses "YYYY-MM-DD" (a real calendar day, year 1900 or later). Returns
// nullopt otherwise.
std::optional<std::chrono::year_month_day> parse_day(std::string_view text);

// Returns "YYYY-MM-DD" for `day`.
std::string iso_date(std::chrono::year_month_day day);

}  // namespace ruamkit::core
