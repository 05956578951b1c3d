// The feedback report of an organisation for a period, computed from the
// facts of its cases: counts by category and status, service level (open
// and closed late), median days to accept and to resolve, satisfaction, and
// the places reported most. Pure: the caller loads the facts.
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "features/feedback/rules.h"

namespace ruamkit::features::feedback {

struct CaseFacts {
  std::int64_t category_id = 0;
  Status status = Status::received;
  std::string received_at, accepted_at, closed_at;  // stored timestamps ("" when not yet)
  std::string due_on;                               // YYYY-MM-DD
  std::string address;
  std::optional<double> lat, lon;
  std::optional<int> rating;
};

struct CategoryLine {
  std::int64_t category_id = 0;
  std::string name;
  std::int64_t received = 0, open = 0, resolved = 0, not_relevant = 0, forwarded = 0, merged = 0,
               overdue = 0;
  std::optional<double> median_days_to_accept, median_days_to_resolve;
  std::optional<double> average_rating;
};

struct Summary {
  std::int64_t received = 0, open = 0, closed = 0, overdue = 0;
  std::map<std::string, std::int64_t> by_status;  // by status_name(), zero included
  std::vector<CategoryLine> categories;           // in the order of the names given
  std::optional<double> median_days_to_accept, median_days_to_resolve;
  std::int64_t rated = 0;
  std::optional<double> average_rating;
  std::array<std::int64_t, 5> stars{};                           // how many gave 1..5
  std::vector<std::pair<std::string, std::int64_t>> top_places;  // at most 10, most first
};

// Summarises `cases` as of `today` (a day in Thailand). `names` lists the
// categories to report on, in order (id, name); cases of other categories
// count in the totals only. Places are addresses (trimmed, case kept) or,
// without one, pins rounded to about 100 m ("13.756, 100.502").
Summary summarise(const std::vector<CaseFacts>& cases,
                  const std::vector<std::pair<std::int64_t, std::string>>& names,
                  std::chrono::year_month_day today);

// Days between two stored timestamps (fractional); nullopt when either is
// missing or not a timestamp.
std::optional<double> days_between(const std::string& from, const std::string& to);

}  // namespace ruamkit::features::feedback
