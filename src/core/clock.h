// Timestamps as stored in the database: ISO-8601 UTC text with milliseconds,
// which compares correctly as text in SQLite and PostgreSQL alike.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::core {

using Clock = std::chrono::system_clock;

// Returns "2026-11-23T05:04:03.123Z" for `t`.
std::string iso_timestamp(Clock::time_point t);

// Parses what iso_timestamp writes. Returns nullopt for anything else.
std::optional<Clock::time_point> parse_iso_timestamp(std::string_view text);

}  // namespace ruamkit::core
