#include "features/feedback/report.h"

#include <algorithm>
#include <cstdio>

#include "core/clock.h"
#include "core/day.h"
#include "core/text.h"
#include "features/feedback/rules.h"
#include "features/spaces/rules.h"
#include "web/dates.h"

namespace ruamkit::features::feedback {
namespace {

std::optional<double> average(const std::vector<double>& values) {
  if (values.empty()) return std::nullopt;
  double sum = 0;
  for (double v : values) sum += v;
  return sum / static_cast<double>(values.size());
}

std::string place_of(const CaseFacts& f) {
  const auto text = core::trim_blanks(f.address);
  if (!text.empty()) return std::string(text);
  if (!f.lat || !f.lon) return "";
  char pin[48];
  std::snprintf(pin, sizeof pin, "%.3f, %.3f", *f.lat, *f.lon);
  return pin;
}

bool overdue_case(const CaseFacts& f, std::chrono::year_month_day today) {
  const auto due = core::parse_day(f.due_on);
  if (!due) return false;
  std::optional<std::chrono::year_month_day> closed;
  if (!f.closed_at.empty()) closed = core::parse_day(web::iso_day_of(f.closed_at));
  return is_overdue(is_open_status(f.status), *due, closed, today);
}

}  // namespace

std::optional<double> days_between(const std::string& from, const std::string& to) {
  const auto a = core::parse_iso_timestamp(from);
  const auto b = core::parse_iso_timestamp(to);
  if (!a || !b) return std::nullopt;
  return std::chrono::duration<double, std::ratio<86400>>(*b - *a).count();
}

Summary summarise(const std::vector<CaseFacts>& cases,
                  const std::vector<std::pair<std::int64_t, std::string>>& names,
                  std::chrono::year_month_day today) {
  Summary s;
  for (const auto status : kStatuses) s.by_status[std::string(status_name(status))] = 0;
  std::map<std::int64_t, std::size_t> line_of;
  for (const auto& [id, name] : names) {
    line_of[id] = s.categories.size();
    s.categories.push_back({id, name});
  }
  struct Durations {
    std::vector<double> accept, resolve, ratings;
  };
  Durations all;
  std::vector<Durations> per(s.categories.size());
  std::map<std::string, std::int64_t> places;

  for (const auto& f : cases) {
    ++s.received;
    ++s.by_status[std::string(status_name(f.status))];
    const bool open = is_open_status(f.status);
    open ? ++s.open : ++s.closed;
    const bool late = overdue_case(f, today);
    if (late) ++s.overdue;
    const auto accept = days_between(f.received_at, f.accepted_at);
    const auto resolve =
        f.status == Status::resolved ? days_between(f.received_at, f.closed_at) : std::nullopt;
    if (accept) all.accept.push_back(*accept);
    if (resolve) all.resolve.push_back(*resolve);
    if (f.rating && *f.rating >= 1 && *f.rating <= 5) {
      ++s.rated;
      ++s.stars[static_cast<std::size_t>(*f.rating - 1)];
      all.ratings.push_back(*f.rating);
    }
    if (const auto place = place_of(f); !place.empty()) ++places[place];

    const auto it = line_of.find(f.category_id);
    if (it == line_of.end()) continue;
    auto& line = s.categories[it->second];
    auto& d = per[it->second];
    ++line.received;
    if (open) ++line.open;
    if (f.status == Status::resolved) ++line.resolved;
    if (f.status == Status::not_relevant) ++line.not_relevant;
    if (f.status == Status::forwarded) ++line.forwarded;
    if (f.status == Status::merged) ++line.merged;
    if (late) ++line.overdue;
    if (accept) d.accept.push_back(*accept);
    if (resolve) d.resolve.push_back(*resolve);
    if (f.rating) d.ratings.push_back(*f.rating);
  }

  s.median_days_to_accept = median(all.accept);
  s.median_days_to_resolve = median(all.resolve);
  s.average_rating = average(all.ratings);
  for (std::size_t i = 0; i < s.categories.size(); ++i) {
    s.categories[i].median_days_to_accept = median(per[i].accept);
    s.categories[i].median_days_to_resolve = median(per[i].resolve);
    s.categories[i].average_rating = average(per[i].ratings);
  }
  s.top_places.assign(places.begin(), places.end());
  std::stable_sort(s.top_places.begin(), s.top_places.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (s.top_places.size() > 10) s.top_places.resize(10);
  return s;
}

}  // namespace ruamkit::features::feedback
