// The formats of Open311 GeoReport v2 apart from HTTP: W3C date-times
// (ISO 8601 with a time zone) both ways, and comma lists in query values.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::features::feedback::open311 {

// Parses "2010-01-01T00:00:00Z", "2010-01-01T07:00:00+07:00" (seconds and a
// fraction optional) or a bare day "2010-01-01" (midnight UTC). The zone is
// required on date-times, as the specification says. Returns nullopt for
// anything else.
std::optional<std::chrono::system_clock::time_point> parse_datetime(std::string_view text);

// A stored timestamp (core::iso_timestamp) as Open311 writes it, without
// the milliseconds: "2026-11-23T05:04:03Z". Returns "" for "".
std::string datetime(const std::string& stored);

// "a, b,,c" -> {"a", "b", "c"}; empty items dropped, spaces trimmed.
std::vector<std::string> comma_list(std::string_view text);

}  // namespace ruamkit::features::feedback::open311
