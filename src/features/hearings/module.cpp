// Hearings as a component of a process: the public hearing page (the draft by
// section, each with its comments, the explanatory note and documents, the
// period and counts; after closing, the summary report with the agency's
// responses and the revised text with a readable diff), the registrations
// with spaces, comments and documents, and the job that tells participants
// when a hearing has closed.
#include "features/hearings/module.h"

#include "analysis/diff.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "features/comments/comments.h"
#include "features/comments/views.h"
#include "features/documents/documents.h"
#include "features/documents/views.h"
#include "features/hearings/hearings.h"
#include "features/hearings/views.h"
#include "features/notifications/notifications.h"
#include "features/organisations/permissions.h"
#include "features/spaces/module.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/markdown.h"
#include "web/request.h"

namespace ruamkit::features::hearings {
namespace {

// The hearing for its public pages: 404 when missing or not public, unless
// the visitor manages its organisation.
Hearing visible(storage::Connection& c, const http::Request& request, std::int64_t id) {
  const auto h = find(c, id);
  if (!h) throw http::HttpError(404, "no_hearing");
  if (!h->is_public() && !organisations::may_manage(c, request, h->organisation_id)) {
    throw http::HttpError(404, "no_hearing");
  }
  return *h;
}

comments::Target target_of(const Hearing& h, const std::string& url) {
  return {h.organisation_id,
          h.is_public(),
          h.is_public() && h.state(core::today_in_thailand()) == State::open,
          h.anonymous_allowed,
          url,
          h.title};
}

void register_with_others() {
  comments::register_target(
      "hearing", [](storage::Connection& c, std::int64_t id) -> std::optional<comments::Target> {
        const auto h = find(c, id);
        if (!h) return std::nullopt;
        return target_of(*h, h->url());
      });
  comments::register_target(
      "hearing_section",
      [](storage::Connection& c, std::int64_t id) -> std::optional<comments::Target> {
        const auto owner = section_owner(c, id);
        if (!owner || owner->second != 1) return std::nullopt;  // only the draft is commented
        const auto h = find(c, owner->first);
        if (!h) return std::nullopt;
        return target_of(*h, h->url());
      });
  documents::register_owner_kind(
      "hearing",
      {[](storage::Connection& c, std::int64_t id) -> std::optional<documents::OwnerState> {
         const auto h = find(c, id);
         if (!h) return std::nullopt;
         return documents::OwnerState{h->organisation_id, h->is_public(),
                                      "/manage/hearings/" + std::to_string(id)};
       },
       [](storage::Connection& c, std::int64_t id) { reindex(c, id); }});
  consultation::register_section(kTable, read, period_text, reindex);
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  register_with_others();
  install_manage(context);
  install_api(context);

  context.router.get("/hearings/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto h = visible(c, request, id);
      title = h.title;
      data = hearing_view(c, h, t, core::today_in_thailand());
      const auto all = versions(c, id);
      web::ViewList sections;
      if (!all.empty()) {
        for (const auto& s : all.front().sections) {
          web::ViewData item;
          item.set("id", std::to_string(s.id));
          item.set("anchor", "section-" + std::to_string(s.id));
          item.set("heading", s.heading);
          item.set("body_html", web::render_markdown(s.body, 2));
          const auto target = comments::resolve(c, "hearing_section", s.id);
          item.set("thread", comments::thread_view(c, t, request, "hearing_section", s.id, *target,
                                                   "s" + std::to_string(s.id) + "-"));
          sections.push_back(item);
        }
      }
      data.set("sections", sections);
      const auto whole = comments::resolve(c, "hearing", id);
      data.set("thread", comments::thread_view(c, t, request, "hearing", id, *whole, "whole-"));
      data.set("documents", documents::list_view(c, {"hearing", id}, t));
      data.set("can_manage", organisations::may_manage(c, request, h.organisation_id));
      data.set("manage_url", "/manage/hearings/" + std::to_string(id));
      if (h.reported()) {
        data.set("report", report_view(c, h, t, request));
        data.set("revised", all.size() > 1);
        data.set("changes_url", h.url() + "/changes");
      } else {
        data.set("report", false);
      }
    });
    return views.page(request, "hearings/show", title, data);
  });

  // What changed between the draft and the revised text, section by section.
  context.router.get("/hearings/{id}/changes", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto h = visible(c, request, id);
      const bool manager = organisations::may_manage(c, request, h.organisation_id);
      if (!h.reported() && !manager) throw http::HttpError(404, "no_revision");
      const auto all = versions(c, id);
      if (all.size() < 2) throw http::HttpError(404, "no_revision");
      title = h.title;
      data = hearing_view(c, h, t, core::today_in_thailand());
      data.set("changes", changes_view(all.front(), all.back(), t));
      data.set("note", web::text_or_false(all.back().note));
      data.set("from", std::to_string(all.front().number));
      data.set("to", std::to_string(all.back().number));
    });
    return views.page(request, "hearings/changes", t.text("hearings.changes_heading"), data);
  });
}

void announce_closings(const JobContext& job) {
  consultation::announce_closings(
      job, kTable, read, "hearing_closed",
      [](storage::Connection& c, const Hearing& h) {
        return comments::participants(c, comment_targets(c, h.id));
      },
      [](const Hearing& h) { return h.url(); });
}

}  // namespace ruamkit::features::hearings
