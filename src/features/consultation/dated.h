// What hearings and surveys share as consultations open between two days:
// their states, the period check, their rows per space, the notice to
// participants when one has closed, and how they show as a section of a
// process. One piece, used by both components (and by any later dated
// consultation).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "features/component.h"
#include "features/consultation/period.h"
#include "features/notifications/notifications.h"
#include "features/spaces/module.h"
#include "web/views.h"

namespace ruamkit::features::consultation {

// Where one kind of dated consultation is stored: its table, the alias its
// rows are read under, and the SELECT that reads one (ending in a space, so
// a WHERE clause follows). Constant text, never input.
struct Table {
  const char* name;    // "hearings"
  const char* alias;   // "h"
  const char* select;  // "SELECT … FROM hearings h JOIN … "
  const char* area;    // catalogue area and URL part: "hearings"
};

// The consultations of space `space_id`, the latest opening first; with
// `drafts`, unpublished ones too. `read(const storage::Rows&)` makes an item.
template <typename Read>
auto of_space(storage::Connection& c, const Table& t, std::int64_t space_id, bool drafts,
              Read read) {
  std::vector<decltype(read(std::declval<const storage::Rows&>()))> out;
  const std::string a = t.alias;
  auto rows =
      c.query(std::string(t.select) + "WHERE " + a + ".space_id = ? AND (? = 1 OR " + a +
                  ".status = 'published') ORDER BY " + a + ".opens_on DESC, " + a + ".id DESC",
              space_id, drafts ? 1 : 0);
  while (rows.next()) out.push_back(read(rows));
  return out;
}

// Published consultations that closed before `today` (YYYY-MM-DD) whose
// participants were not told yet.
template <typename Read>
auto closed_unannounced(storage::Connection& c, const Table& t, const std::string& today,
                        Read read) {
  std::vector<decltype(read(std::declval<const storage::Rows&>()))> out;
  const std::string a = t.alias;
  auto rows = c.query(std::string(t.select) + "WHERE " + a + ".status = 'published' AND " + a +
                          ".closes_on < ? AND " + a + ".closed_notified_at IS NULL",
                      today);
  while (rows.next()) out.push_back(read(rows));
  return out;
}

void mark_close_announced(storage::Connection& c, const Table& t, std::int64_t id);

// Publishes consultation `id` (the first publication time is kept).
void publish(storage::Connection& c, const Table& t, std::int64_t id);

// The closing notice: tells `people(c, item)` of each consultation that has
// closed, once, with a `kind` notification (args: title) linking to
// `url(item)`. Runs as a background job.
template <typename Read, typename People, typename Url>
void announce_closings(const JobContext& job, const Table& t, Read read, const char* kind,
                       People people, Url url) {
  bool any = false;
  job.database.write([&](storage::Connection& c) {
    const auto today = core::iso_date(core::today_in_thailand());
    for (const auto& item : closed_unannounced(c, t, today, read)) {
      notifications::notify(
          c, job.views, job.site.base_url, people(c, item),
          {kind, notifications::Category::results, {{"title", item.title}}, url(item)});
      mark_close_announced(c, t, item.id);
      any = true;
    }
  });
  if (any && job.wake_mail) job.wake_mail();
}

// Shows this kind of consultation as a section of a process's page and
// workspace: heading "<area>.component_heading", each item with its state
// ("<area>.states.*") and `period(item, t)`, new ones at
// /manage/spaces/{id}/<area>/new, managed at /manage/<area>/{id}.
template <typename Read, typename Period, typename Reindex>
void register_section(const Table& t, Read read, Period period, Reindex reindex) {
  const std::string area = t.area;
  spaces::register_section(
      {area + ".component_heading",
       area + ".new",
       {"process"},
       [area](std::int64_t space_id) {
         return "/manage/spaces/" + std::to_string(space_id) + "/" + area + "/new";
       },
       [t, read, period, area](storage::Connection& c, const spaces::Space& s,
                               const web::Catalogue& cat, bool manage) {
         std::vector<spaces::SectionItem> items;
         const auto today = core::today_in_thailand();
         for (const auto& item : of_space(c, t, s.id, manage, read)) {
           items.push_back(
               {item.title, manage ? "/manage/" + area + "/" + std::to_string(item.id) : item.url(),
                cat.text(area + ".states." + std::string(state_name(item.state(today)))) + " · " +
                    period(item, cat),
                !item.published()});
         }
         return items;
       },
       [t, read, reindex](storage::Connection& c, std::int64_t space_id) {
         for (const auto& item : of_space(c, t, space_id, true, read)) reindex(c, item.id);
       }});
}

}  // namespace ruamkit::features::consultation
