// The officials' side of committee meetings: a new meeting record, its
// details (agenda and minutes in Markdown) and its documents. The same
// checks as every workspace page: the visitor must publish for the
// committee's organisation; every change is audit-logged.
#include "core/day.h"
#include "core/fiscal_year.h"
#include "features/audit/audit.h"
#include "features/documents/views.h"
#include "features/spaces/module.h"
#include "features/spaces/spaces.h"
#include "features/spaces/views.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::spaces {
namespace {

using web::form_value;
using web::id_param;

web::Form meeting_form(const web::Catalogue& t, const std::string& action, const Meeting& m,
                       bool is_new) {
  web::Form form(t, action, is_new ? "spaces.manage.new_meeting" : "spaces.manage.edit_meeting",
                 is_new ? "spaces.manage.create" : "spaces.manage.save");
  form.field("title", "spaces.manage.meeting_title", "text", m.title)
      .field("held_on", "spaces.manage.held_on", "date", m.held_on)
      .field("location", "spaces.manage.location", "text", m.location, "off", false)
      .textarea("agenda", "spaces.manage.agenda", m.agenda, false, "spaces.manage.markdown_hint")
      .textarea("minutes", "spaces.manage.minutes", m.minutes, false, "spaces.manage.minutes_hint")
      .link(manage_url(m.space_id), "spaces.manage.back");
  return form;
}

Meeting read_meeting_form(const http::Request& request, std::int64_t space_id) {
  Meeting m;
  m.space_id = space_id;
  m.title = form_value(request, "title");
  m.held_on = form_value(request, "held_on");
  m.location = form_value(request, "location");
  m.agenda = form_value(request, "agenda");
  m.minutes = form_value(request, "minutes");
  return m;
}

}  // namespace

void install_meetings(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/manage/spaces/{id}/meetings/new", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    db.read([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      if (s.kind != "committee") throw http::HttpError(404, "not_a_committee");
    });
    Meeting blank;
    blank.space_id = id;
    blank.held_on = core::iso_date(core::today_in_thailand());
    return views.page(request, "form", t.text("spaces.manage.new_meeting"),
                      meeting_form(t, manage_url(id) + "/meetings", blank, true).view());
  });

  context.router.post("/manage/spaces/{id}/meetings", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto m = read_meeting_form(request, id);
    std::optional<web::Form> invalid;
    std::int64_t meeting_id = 0;
    db.write([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      if (s.kind != "committee") throw http::HttpError(404, "not_a_committee");
      const auto found = check_meeting(m.title, m.held_on, m.location, m.agenda, m.minutes);
      if (!found.empty()) {
        invalid.emplace(meeting_form(t, manage_url(id) + "/meetings", m, true));
        invalid->errors(found);
        return;
      }
      meeting_id = add_meeting(c, m);
      audit::record(c, request,
                    {"meeting.created", "meeting", std::to_string(meeting_id), s.organisation_id,
                     audit_details(s.id)});
    });
    if (invalid) {
      return views.page(request, "form", t.text("spaces.manage.new_meeting"), invalid->view(), 422);
    }
    return web::redirect("/manage/meetings/" + std::to_string(meeting_id) + "?notice=created");
  });

  // A meeting record: its details form, and its documents (agenda papers,
  // minutes as files).
  context.router.get("/manage/meetings/{id}", [&db, &views](http::Request& request) {
    const auto meeting_id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto m = find_meeting(c, meeting_id);
      if (!m) throw http::HttpError(404, "no_meeting");
      const auto s = managed_space(c, request, m->space_id);
      title = m->title;
      auto form = meeting_form(t, "/manage/meetings/" + std::to_string(meeting_id), *m, false);
      form.notice(web::notice(t, request, "workspace.notices."));
      data.set("form", form.view());
      data.set("committee", card(s, t));
      data.set("public_url", s.url() + "/meetings/" + std::to_string(meeting_id));
      data.set("documents", documents::manage_list_view(c, {"meeting", meeting_id}, t));
      data.set("upload_form", documents::upload_form(t, {"meeting", meeting_id}).view());
    });
    return views.page(request, "spaces/manage_meeting", title, data);
  });

  context.router.post("/manage/meetings/{id}", [&db, &views](http::Request& request) {
    const auto meeting_id = id_param(request, "id");
    const auto& t = views.messages(request);
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto existing = find_meeting(c, meeting_id);
      if (!existing) throw http::HttpError(404, "no_meeting");
      const auto s = managed_space(c, request, existing->space_id);
      auto m = read_meeting_form(request, existing->space_id);
      m.id = meeting_id;
      const auto found = check_meeting(m.title, m.held_on, m.location, m.agenda, m.minutes);
      if (!found.empty()) {
        invalid.emplace(
            meeting_form(t, "/manage/meetings/" + std::to_string(meeting_id), m, false));
        invalid->errors(found);
        return;
      }
      update_meeting(c, m);
      audit::record(c, request,
                    {"meeting.updated", "meeting", std::to_string(meeting_id), s.organisation_id,
                     audit_details(s.id)});
    });
    if (invalid) {
      return views.page(request, "form", t.text("spaces.manage.edit_meeting"), invalid->view(),
                        422);
    }
    return web::redirect("/manage/meetings/" + std::to_string(meeting_id) + "?notice=saved");
  });
}

}  // namespace ruamkit::features::spaces
