// The officials' side of hearings: create a draft in a process, write its
// sections, publish (refused below the minimum period), and after closing
// write the summary report: the revised text, the issues with the agency's
// response and reasons, and publish it (everyone who took part is told).
// Every handler checks that the visitor may publish for the process's
// organisation; every change is audit-logged.
#include <set>

#include "core/fiscal_year.h"
#include "features/audit/audit.h"
#include "features/comments/comments.h"
#include "features/documents/views.h"
#include "features/hearings/hearings.h"
#include "features/hearings/module.h"
#include "features/hearings/views.h"
#include "features/notifications/notifications.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "features/spaces/module.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/markdown.h"
#include "web/request.h"

namespace ruamkit::features::hearings {
namespace {

using web::form_value;
using web::id_param;

std::string manage_url(std::int64_t id) { return "/manage/hearings/" + std::to_string(id); }

Hearing managed(storage::Connection& c, const http::Request& request, std::int64_t id) {
  const auto h = find(c, id);
  if (!h) throw http::HttpError(404, "no_hearing");
  organisations::require_manage(c, request, h->organisation_id);
  return *h;
}

void audit_entry(storage::Connection& c, const http::Request& request, const Hearing& h,
                 const std::string& action) {
  audit::record(c, request,
                {action, "hearing", std::to_string(h.id), h.organisation_id,
                 spaces::audit_details(h.space_id)});
}

// The version officials may edit now: the draft before publication, the
// revised text after closing (until the report is published); 0 otherwise.
std::int64_t editable_version(const Hearing& h, const std::vector<Version>& all) {
  if (all.empty()) return 0;
  if (!h.published()) return all.front().id;
  if (h.state(core::today_in_thailand()) == State::closed && all.size() > 1) return all.back().id;
  return 0;
}

Fields read_fields(const http::Request& request, bool& anonymous) {
  anonymous = form_value(request, "anonymous_allowed") == "yes";
  return {form_value(request, "title"), form_value(request, "draft_kind"),
          form_value(request, "explanatory_note"), form_value(request, "opens_on"),
          form_value(request, "closes_on")};
}

web::Form details_form(const web::Catalogue& t, const std::string& action, const Fields& f,
                       bool anonymous, bool is_new) {
  std::vector<std::pair<std::string, std::string>> kinds;
  for (const auto& k : draft_kinds()) kinds.emplace_back(k, t.text("hearings.kinds." + k));
  web::Form form(t, action, is_new ? "hearings.new" : "hearings.manage.details",
                 is_new ? "hearings.manage.create" : "hearings.manage.save");
  form.id_prefix("hearing-")
      .field("title", "hearings.manage.title", "text", f.title)
      .select("draft_kind", "hearings.manage.draft_kind", kinds, f.draft_kind)
      .textarea("explanatory_note", "hearings.manage.note", f.explanatory_note, false,
                "hearings.manage.note_hint")
      .field("opens_on", "hearings.manage.opens_on", "date", f.opens_on)
      .field("closes_on", "hearings.manage.closes_on", "date", f.closes_on, "off", true,
             "hearings.manage.period_hint")
      .checkbox("anonymous_allowed", "hearings.manage.anonymous_allowed", anonymous);
  return form;
}

web::Form section_form(const web::Catalogue& t, const std::string& action,
                       const std::string& heading, const std::string& body, bool is_new) {
  web::Form form(t, action, is_new ? "hearings.manage.add_section" : "hearings.manage.edit_section",
                 is_new ? "hearings.manage.add_section" : "hearings.manage.save");
  form.id_prefix("section-")
      .field("heading", "hearings.manage.section_heading", "text", heading)
      .textarea("body", "hearings.manage.section_body", body, true, "hearings.manage.note_hint");
  return form;
}

web::Form issue_form(const web::Catalogue& t, storage::Connection& c, const Hearing& h,
                     const Issue& typed) {
  std::vector<std::pair<std::string, std::string>> outcome_choices;
  for (const auto& o : outcomes())
    outcome_choices.emplace_back(o, t.text("hearings.outcomes." + o));
  std::vector<std::pair<std::string, std::string>> comment_choices;
  for (const auto& [kind, id] : comment_targets(c, h.id)) {
    for (const auto& m : comments::on_targets(c, kind, {id})) {
      if (m.hidden()) continue;
      comment_choices.emplace_back(std::to_string(m.id), "#" + std::to_string(m.id) + " " +
                                                             web::markdown_excerpt(m.body, 90));
    }
  }
  std::vector<std::string> checked;
  for (const auto id : typed.comment_ids) checked.push_back(std::to_string(id));
  web::Form form(t, manage_url(h.id) + "/issues", "hearings.manage.add_issue",
                 "hearings.manage.add_issue");
  form.id_prefix("issue-")
      .field("title", "hearings.manage.issue_title", "text", typed.title)
      .textarea("response", "hearings.manage.issue_response", typed.response, true)
      .textarea("reasons", "hearings.manage.issue_reasons", typed.reasons, false)
      .select("outcome", "hearings.manage.issue_outcome", outcome_choices,
              typed.outcome.empty() ? "not_changed" : typed.outcome)
      .checkboxes("comments", "hearings.manage.issue_comments", comment_choices, checked, false,
                  "hearings.manage.issue_comments_hint");
  return form;
}

// The workspace page of one hearing, with the forms of what may be done now.
http::Response overview(const web::Views& views, const http::Request& request,
                        storage::Connection& c, const Hearing& h, int status = 200,
                        std::optional<web::Form> section_errors = std::nullopt,
                        std::optional<web::Form> issue_errors = std::nullopt,
                        const std::string& problem_key = "") {
  const auto& t = views.messages(request);
  auto data = hearing_view(c, h, t, core::today_in_thailand());
  const auto state = h.state(core::today_in_thailand());
  const auto all = versions(c, h.id);
  const auto editable = editable_version(h, all);
  data.set("manage_url", manage_url(h.id));
  data.set("back_url", spaces::manage_url(h.space_id));
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  data.set("problem",
           web::text_or_false(problem_key.empty() ? "" : t.text("errors.form." + problem_key)));
  data.set("details_form",
           h.published()
               ? web::ViewData(false)
               : details_form(t, manage_url(h.id), h.fields(), h.anonymous_allowed, false).view());
  web::ViewList version_list;
  for (const auto& v : all) {
    web::ViewData item;
    item.set("number", std::to_string(v.number));
    item.set("editable", v.id == editable);
    item.set("note", web::text_or_false(v.note));
    web::ViewList sections;
    for (const auto& s : v.sections) {
      web::ViewData sv;
      sv.set("id", std::to_string(s.id));
      sv.set("heading", s.heading);
      sv.set("excerpt", web::markdown_excerpt(s.body, 200));
      sv.set("edit_url", manage_url(h.id) + "/sections/" + std::to_string(s.id));
      sv.set("editable", v.id == editable);
      sections.push_back(sv);
    }
    item.set("sections", sections);
    item.set("any", !sections.empty());
    version_list.push_back(item);
  }
  data.set("versions", version_list);
  data.set("section_form",
           editable ? (section_errors
                           ? section_errors->view()
                           : section_form(t, manage_url(h.id) + "/sections", "", "", true).view())
                    : web::ViewData(false));
  data.set("can_publish", !h.published());
  data.set("closed", state == State::closed);
  data.set("can_start_revision", state == State::closed && all.size() == 1);
  data.set("reported", h.reported());
  if (state == State::closed) {
    web::ViewList issue_list;
    for (const auto& issue : issues(c, h.id)) {
      web::ViewData item;
      item.set("title", issue.title);
      item.set("outcome_name", t.text("hearings.outcomes." + issue.outcome));
      item.set("comments", std::to_string(issue.comment_ids.size()));
      item.set("delete_url", manage_url(h.id) + "/issues/" + std::to_string(issue.id) + "/delete");
      issue_list.push_back(item);
    }
    data.set("issues", web::optional_items(issue_list));
    data.set("issue_form", issue_errors ? issue_errors->view() : issue_form(t, c, h, {}).view());
    web::Form summary(t, manage_url(h.id) + "/summary", "hearings.manage.summary",
                      "hearings.manage.save");
    summary.id_prefix("summary-")
        .textarea("summary", "hearings.manage.summary_text", h.summary, true,
                  "hearings.manage.note_hint");
    data.set("summary_form", summary.view());
    if (all.size() > 1) {
      web::Form note(t, manage_url(h.id) + "/version-note", "hearings.manage.version_note",
                     "hearings.manage.save");
      note.id_prefix("version-")
          .textarea("note", "hearings.manage.version_note_text", all.back().note, false);
      data.set("version_note_form", note.view());
    } else {
      data.set("version_note_form", false);
    }
  } else {
    data.set("issues", false);
    data.set("issue_form", false);
    data.set("summary_form", false);
    data.set("version_note_form", false);
  }
  data.set("exports", h.published());
  data.set("documents", documents::manage_list_view(c, {"hearing", h.id}, t));
  data.set("upload_form", documents::upload_form(t, {"hearing", h.id}).view());
  return views.page(request, "hearings/manage", h.title, data, status);
}

}  // namespace

void install_manage(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& config = context.site;
  const auto min_days = static_cast<int>(context.settings.integer("hearing-min-days"));

  context.router.get("/manage/spaces/{id}/hearings/new", [&db, &views](http::Request& request) {
    const auto space_id = id_param(request, "id");
    const auto& t = views.messages(request);
    db.read([&](storage::Connection& c) {
      const auto s = spaces::managed_space(c, request, space_id);
      if (s.kind != "process") throw http::HttpError(404, "not_a_process");
    });
    Fields blank{"", "law", "", web::iso_day_from_today(0), web::iso_day_from_today(29)};
    auto form = details_form(t, "/manage/spaces/" + std::to_string(space_id) + "/hearings", blank,
                             false, true);
    form.link(spaces::manage_url(space_id), "hearings.manage.back");
    return views.page(request, "form", t.text("hearings.new"), form.view());
  });

  context.router.post("/manage/spaces/{id}/hearings", [&db, &views](http::Request& request) {
    const auto space_id = id_param(request, "id");
    const auto& t = views.messages(request);
    bool anonymous = false;
    const auto f = read_fields(request, anonymous);
    std::optional<web::Form> invalid;
    std::int64_t id = 0;
    db.write([&](storage::Connection& c) {
      const auto s = spaces::managed_space(c, request, space_id);
      if (s.kind != "process") throw http::HttpError(404, "not_a_process");
      const auto found = check_hearing(f);
      if (!found.empty()) {
        invalid.emplace(details_form(t, "/manage/spaces/" + std::to_string(space_id) + "/hearings",
                                     f, anonymous, true));
        invalid->errors(found);
        return;
      }
      id = create(c, space_id, f, anonymous, request.visitor.user_id);
      audit_entry(c, request, *find(c, id), "hearing.created");
    });
    if (invalid) return views.page(request, "form", t.text("hearings.new"), invalid->view(), 422);
    return web::redirect(manage_url(id) + "?notice=created");
  });

  context.router.get("/manage/hearings/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    return db.read([&](storage::Connection& c) {
      return overview(views, request, c, managed(c, request, id));
    });
  });

  context.router.post("/manage/hearings/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    bool anonymous = false;
    const auto f = read_fields(request, anonymous);
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      if (h.published()) throw http::HttpError(403, "hearing_published");
      const auto found = check_hearing(f);
      if (!found.empty()) {
        invalid.emplace(details_form(t, manage_url(id), f, anonymous, false));
        invalid->errors(found);
        return;
      }
      update(c, id, f, anonymous);
      audit_entry(c, request, h, "hearing.updated");
    });
    if (invalid) {
      return views.page(request, "form", t.text("hearings.manage.details"), invalid->view(), 422);
    }
    return web::redirect(manage_url(id) + "?notice=saved");
  });

  context.router.post(
      "/manage/hearings/{id}/publish", [&db, &views, min_days](http::Request& request) {
        const auto id = id_param(request, "id");
        return write_then_respond(
            db,
            [&](storage::Connection& c) -> Reply {
              const auto h = managed(c, request, id);
              if (h.published()) return std::nullopt;
              const auto all = versions(c, id);
              const int sections = all.empty() ? 0 : static_cast<int>(all.front().sections.size());
              const auto key =
                  publish_problem(h.fields(), sections, min_days, core::today_in_thailand());
              if (!key.empty()) {
                return [&, h, key](storage::Connection& c) {
                  return overview(views, request, c, h, 422, std::nullopt, std::nullopt, key);
                };
              }
              publish(c, id);
              audit_entry(c, request, h, "hearing.published");
              return std::nullopt;
            },
            [&] { return web::redirect(manage_url(id) + "?notice=published"); });
      });

  context.router.post("/manage/hearings/{id}/sections", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto heading = form_value(request, "heading");
    const auto body = form_value(request, "body");
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto h = managed(c, request, id);
          const auto version = editable_version(h, versions(c, id));
          if (!version) throw http::HttpError(403, "text_not_editable");
          const auto found = check_section(heading, body);
          if (!found.empty()) {
            auto form = section_form(t, manage_url(id) + "/sections", heading, body, true);
            form.errors(found);
            return [&, form, h](storage::Connection& c) {
              return overview(views, request, c, h, 422, form);
            };
          }
          add_section(c, version, heading, body);
          audit_entry(c, request, h, "hearing.section_added");
          return std::nullopt;
        },
        [&] { return web::redirect(manage_url(id) + "?notice=saved#text"); });
  });

  // A section of the editable version: 404 for any other.
  auto editable_section = [](storage::Connection& c, const Hearing& h, std::int64_t section_id) {
    const auto s = find_section(c, section_id);
    if (!s || s->version_id != editable_version(h, versions(c, h.id))) {
      throw http::HttpError(404, "no_editable_section");
    }
    return *s;
  };

  context.router.get("/manage/hearings/{id}/sections/{section}", [&db, &views, editable_section](
                                                                     http::Request& request) {
    const auto id = id_param(request, "id");
    const auto section_id = id_param(request, "section");
    const auto& t = views.messages(request);
    auto form = db.read([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      const auto s = editable_section(c, h, section_id);
      auto f = section_form(t, manage_url(id) + "/sections/" + std::to_string(section_id),
                            s.heading, s.body, false);
      f.link(manage_url(id), "hearings.manage.back");
      return f;
    });
    return views.page(request, "form", t.text("hearings.manage.edit_section"), form.view());
  });

  context.router.post("/manage/hearings/{id}/sections/{section}", [&db, &views, editable_section](
                                                                      http::Request& request) {
    const auto id = id_param(request, "id");
    const auto section_id = id_param(request, "section");
    const auto& t = views.messages(request);
    const auto heading = form_value(request, "heading");
    const auto body = form_value(request, "body");
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      editable_section(c, h, section_id);
      const auto found = check_section(heading, body);
      if (!found.empty()) {
        invalid.emplace(section_form(t, manage_url(id) + "/sections/" + std::to_string(section_id),
                                     heading, body, false));
        invalid->errors(found);
        return;
      }
      update_section(c, section_id, heading, body);
      audit_entry(c, request, h, "hearing.section_updated");
    });
    if (invalid) {
      return views.page(request, "form", t.text("hearings.manage.edit_section"), invalid->view(),
                        422);
    }
    return web::redirect(manage_url(id) + "?notice=saved#text");
  });

  context.router.post("/manage/hearings/{id}/sections/{section}/delete",
                      [&db, editable_section](http::Request& request) {
                        const auto id = id_param(request, "id");
                        const auto section_id = id_param(request, "section");
                        db.write([&](storage::Connection& c) {
                          const auto h = managed(c, request, id);
                          editable_section(c, h, section_id);
                          remove_section(c, section_id);
                          audit_entry(c, request, h, "hearing.section_removed");
                        });
                        return web::redirect(manage_url(id) + "?notice=deleted#text");
                      });

  context.router.post("/manage/hearings/{id}/revision", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    db.write([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      if (h.state(core::today_in_thailand()) != State::closed || versions(c, id).size() != 1) {
        throw http::HttpError(403, "revision_not_now");
      }
      start_revision(c, id, "");
      audit_entry(c, request, h, "hearing.revision_started");
    });
    return web::redirect(manage_url(id) + "?notice=saved#text");
  });

  context.router.post("/manage/hearings/{id}/version-note", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto note = form_value(request, "note");
    if (note.size() > 20'000) throw http::HttpError(400, "note_too_long");
    db.write([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      const auto all = versions(c, id);
      const auto version = editable_version(h, all);
      if (!version || all.size() < 2) throw http::HttpError(403, "text_not_editable");
      set_version_note(c, version, note);
      audit_entry(c, request, h, "hearing.version_note_saved");
    });
    return web::redirect(manage_url(id) + "?notice=saved#text");
  });

  context.router.post("/manage/hearings/{id}/issues", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    Issue issue;
    issue.title = form_value(request, "title");
    issue.response = form_value(request, "response");
    issue.reasons = form_value(request, "reasons");
    issue.outcome = form_value(request, "outcome");
    for (const auto& text : http::find_params(request.form(), "comments")) {
      const auto comment_id = web::parse_id(text);
      if (!comment_id) throw http::HttpError(400, "bad_comment");
      issue.comment_ids.push_back(*comment_id);
    }
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto h = managed(c, request, id);
          if (h.state(core::today_in_thailand()) != State::closed)
            throw http::HttpError(403, "not_closed");
          // Only this hearing's comments can be grouped under its issues.
          std::set<std::int64_t> own;
          for (const auto& [kind, target] : comment_targets(c, id)) {
            for (const auto& m : comments::on_targets(c, kind, {target})) own.insert(m.id);
          }
          for (const auto comment_id : issue.comment_ids) {
            if (!own.contains(comment_id)) throw http::HttpError(400, "foreign_comment");
          }
          const auto found = check_issue(issue.title, issue.response, issue.reasons, issue.outcome);
          if (!found.empty()) {
            auto form = issue_form(t, c, h, issue);
            form.errors(found);
            return [&, form, h](storage::Connection& c) {
              return overview(views, request, c, h, 422, std::nullopt, form);
            };
          }
          add_issue(c, id, issue);
          audit_entry(c, request, h, "hearing.issue_added");
          return std::nullopt;
        },
        [&] { return web::redirect(manage_url(id) + "?notice=saved#report"); });
  });

  context.router.post("/manage/hearings/{id}/issues/{issue}/delete", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto issue_id = id_param(request, "issue");
    db.write([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      if (h.reported()) throw http::HttpError(403, "reported");
      if (!remove_issue(c, id, issue_id)) throw http::HttpError(404, "no_issue");
      audit_entry(c, request, h, "hearing.issue_removed");
    });
    return web::redirect(manage_url(id) + "?notice=deleted#report");
  });

  context.router.post("/manage/hearings/{id}/summary", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto summary = form_value(request, "summary");
    if (summary.size() > 100'000) throw http::HttpError(400, "summary_too_long");
    db.write([&](storage::Connection& c) {
      const auto h = managed(c, request, id);
      if (h.state(core::today_in_thailand()) != State::closed)
        throw http::HttpError(403, "not_closed");
      save_summary(c, id, summary);
      audit_entry(c, request, h, "hearing.summary_saved");
    });
    return web::redirect(manage_url(id) + "?notice=saved#report");
  });

  context.router.post("/manage/hearings/{id}/summary/publish",
                      [&db, &views, &config, wake = context.wake_mail](http::Request& request) {
                        const auto id = id_param(request, "id");
                        return write_then_respond(
                            db,
                            [&](storage::Connection& c) -> Reply {
                              const auto h = managed(c, request, id);
                              if (h.state(core::today_in_thailand()) != State::closed)
                                throw http::HttpError(403, "not_closed");
                              if (h.summary.empty()) {
                                return [&, h](storage::Connection& c) {
                                  return overview(views, request, c, h, 422, std::nullopt,
                                                  std::nullopt, "hearing_summary_required");
                                };
                              }
                              publish_summary(c, id);
                              audit_entry(c, request, h, "hearing.summary_published");
                              notifications::notify(
                                  c, views, config.base_url,
                                  comments::participants(c, comment_targets(c, id)),
                                  {"hearing_summary",
                                   notifications::Category::results,
                                   {{"title", h.title}},
                                   h.url() + "#report"});
                              return std::nullopt;
                            },
                            [&] {
                              if (wake) wake();
                              return web::redirect(manage_url(id) + "?notice=reported");
                            });
                      });

  install_exports(context);
}

}  // namespace ruamkit::features::hearings
