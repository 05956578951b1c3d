#include "features/feedback/views.h"

#include <cstdio>

#include "core/clock.h"
#include "web/dates.h"

namespace ruamkit::features::feedback {

std::string status_text(const Case& f, const web::Catalogue& t) {
  auto text = t.text("feedback.statuses." + std::string(status_name(f.status)));
  if (f.status == Status::in_progress && !f.stage.empty())
    text += " · " + t.text("feedback.stages." + f.stage);
  return text;
}

web::ViewData case_view(const Case& f, const web::Catalogue& t, std::chrono::year_month_day today) {
  web::ViewData d;
  d.set("id", std::to_string(f.id));
  d.set("url", f.url());
  d.set("manage_url", f.manage_url());
  d.set("category", f.category.name(t.locale()));
  d.set("organisation", t.locale() == "en" && !f.organisation_name_en.empty()
                            ? f.organisation_name_en
                            : f.organisation_name_th);
  d.set("organisation_url", "/organisations/" + f.organisation_slug);
  d.set("description", f.description);
  d.set("address", web::text_or_false(f.address));
  if (f.lat && f.lon) {
    char pin[64];
    std::snprintf(pin, sizeof pin, "%.5f, %.5f", *f.lat, *f.lon);
    d.set("pin", std::string(pin));
    char link[160];
    std::snprintf(link, sizeof link,
                  "https://www.openstreetmap.org/?mlat=%.6f&mlon=%.6f#map=17/%.6f/%.6f", *f.lat,
                  *f.lon, *f.lat, *f.lon);
    d.set("map_url", std::string(link));
  } else {
    d.set("pin", false);
  }
  d.set("status", std::string(status_name(f.status)));
  d.set("status_text", status_text(f, t));
  d.set("open", f.is_open());
  d.set("received", web::format_iso_day(f.received_at, t.locale()));
  d.set("received_iso", web::iso_day_of(f.received_at));
  d.set("due", web::format_iso_day(f.due_on, t.locale()));
  d.set("due_iso", f.due_on);
  d.set("overdue", f.overdue(today));
  d.set("assignee", web::text_or_false(f.assignee_name));
  d.set("rating", f.rating ? web::ViewData(std::to_string(*f.rating)) : web::ViewData(false));
  d.set("reopened", f.reopen_count > 0);
  return d;
}

web::ViewData timeline_view(const std::vector<Event>& events, const web::Catalogue& t) {
  web::ViewList list;
  for (const auto& e : events) {
    web::ViewData item;
    std::string what = t.text("feedback.events." + e.kind);
    if (e.kind == "status") {
      what = t.text("feedback.statuses." + e.status);
      if (!e.stage.empty()) what += " · " + t.text("feedback.stages." + e.stage);
    }
    if (e.kind == "rated") what = t.format("feedback.events.rated", {{"stars", e.stage}});
    if (e.kind == "assigned") {
      what = e.note.empty() ? t.text("feedback.events.unassigned")
                            : t.format("feedback.events.assigned", {{"name", e.note}});
    }
    item.set("what", what);
    item.set("note", web::text_or_false(e.kind == "assigned" ? "" : e.note));
    item.set("at", web::format_iso_day(e.at, t.locale()));
    item.set("at_iso", web::iso_day_of(e.at));
    item.set("internal", !e.is_public);
    item.set("actor", web::text_or_false(e.actor_name));
    list.push_back(item);
  }
  return web::optional_items(list);
}

std::vector<std::pair<std::string, std::string>> category_options(
    const std::vector<Category>& categories, const std::string& locale) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& k : categories) out.emplace_back(std::to_string(k.id), k.name(locale));
  return out;
}

}  // namespace ruamkit::features::feedback
