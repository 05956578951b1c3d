// The officials' side of spaces (/manage/...): create and describe a process
// or committee, publish, archive or take it back, its phases, members and
// meeting records. Every handler checks that the visitor may publish for the
// space's organisation, and every change is audit-logged in its transaction.
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/fiscal_year.h"
#include "features/audit/audit.h"
#include "features/documents/views.h"
#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "features/spaces/module.h"
#include "features/spaces/views.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::spaces {
namespace {

using web::form_value;
using web::id_param;

SpaceFields read_space_form(const http::Request& request) {
  SpaceFields f;
  f.kind = form_value(request, "kind");
  f.title = form_value(request, "title");
  f.summary = form_value(request, "summary");
  f.body = form_value(request, "body");
  f.scope = form_value(request, "scope");
  f.province_code = form_value(request, "province_code");
  f.level = form_value(request, "level");
  f.stages = http::find_params(request.form(), "stages");
  f.topics = http::find_params(request.form(), "topics");
  return f;
}

SpaceFields fields_of(const Space& s) {
  return {s.kind,          s.title, s.summary, s.body,  s.scope,
          s.province_code, s.level, s.stages,  s.topics};
}

web::Form space_form(const web::Catalogue& t, storage::Connection& c, const SpaceFields& f,
                     const std::string& action, bool is_new) {
  web::Form form(t, action, is_new ? "spaces.manage.new_" + f.kind : "spaces.manage.edit_heading",
                 is_new ? "spaces.manage.create" : "spaces.manage.save");
  std::vector<std::pair<std::string, std::string>> province_choices = {
      {"", t.text("spaces.manage.no_province")}};
  for (const auto& p : provinces(c)) {
    province_choices.emplace_back(p.code, t.locale() == "en" ? p.name_en : p.name_th);
  }
  form.hidden("kind", f.kind)
      .field("title", "spaces.manage.title", "text", f.title)
      .textarea("summary", "spaces.manage.summary", f.summary, false, "spaces.manage.summary_hint")
      .textarea("body", "spaces.manage.body", f.body, false, "spaces.manage.markdown_hint")
      .select("level", "spaces.manage.level", choices(levels(), "levels.", t), f.level)
      .checkboxes("stages", "spaces.manage.stages", choices(stages(), "stages.", t), f.stages, true)
      .checkboxes("topics", "spaces.manage.topics", choices(topics(), "spaces.topics.", t),
                  f.topics)
      .select("scope", "spaces.manage.scope", choices(scopes(), "spaces.scopes.", t), f.scope)
      .select("province_code", "spaces.manage.province", province_choices, f.province_code, false)
      .link(is_new ? "/manage" : action.substr(0, action.rfind('/')), "spaces.manage.back");
  return form;
}

// Validation that needs the database as well as the rules.
Problems space_problems(storage::Connection& c, const SpaceFields& f) {
  auto found = check_space(f);
  if (!f.province_code.empty() && !province_exists(c, f.province_code)) {
    found.emplace_back("province_code", "space_province_unknown");
  }
  return found;
}

web::Form phase_form(const web::Catalogue& t, const std::string& action, const Phase& p,
                     bool is_new) {
  web::Form form(t, action, is_new ? "spaces.manage.add_phase" : "spaces.manage.edit_phase",
                 is_new ? "spaces.manage.add_phase" : "spaces.manage.save");
  form.id_prefix("phase-")
      .field("title", "spaces.manage.phase_title", "text", p.title)
      .textarea("description", "spaces.manage.phase_description", p.description)
      .field("starts_on", "spaces.manage.starts_on", "date", p.starts_on)
      .field("ends_on", "spaces.manage.ends_on", "date", p.ends_on);
  return form;
}

Phase read_phase_form(const http::Request& request, std::int64_t space_id) {
  Phase p;
  p.space_id = space_id;
  p.title = form_value(request, "title");
  p.description = form_value(request, "description");
  p.starts_on = form_value(request, "starts_on");
  p.ends_on = form_value(request, "ends_on");
  return p;
}

web::Form member_form(const web::Catalogue& t, std::int64_t space_id, const Member& m) {
  web::Form form(t, manage_url(space_id) + "/members", "spaces.manage.add_member",
                 "spaces.manage.add_member");
  form.id_prefix("member-")
      .field("name", "spaces.manage.member_name", "text", m.name)
      .field("affiliation", "spaces.manage.affiliation", "text", m.affiliation)
      .select("sector", "spaces.manage.sector", choices(sectors(), "spaces.sectors.", t), m.sector)
      .select("position", "spaces.manage.position", choices(positions(), "spaces.positions.", t),
              m.position.empty() ? "member" : m.position)
      .field("term_start", "spaces.manage.term_start", "date", m.term_start)
      .field("term_end", "spaces.manage.term_end", "date", m.term_end, "off", false,
             "spaces.manage.term_end_hint");
  return form;
}

// The overview page of one space in the workspace, with the forms that add
// phases or members (`phase`, `member` carry what was typed after an error).
http::Response overview(const web::Views& views, const http::Request& request,
                        storage::Connection& c, const Space& s,
                        const std::optional<web::Form>& phase_errors = std::nullopt,
                        const std::optional<web::Form>& member_errors = std::nullopt,
                        int status = 200) {
  const auto& t = views.messages(request);
  auto data = card(s, t);
  data.set("manage_url", manage_url(s.id));
  data.set("is_process", s.kind == "process");
  data.set("is_committee", s.kind == "committee");
  web::ViewList actions;
  for (const auto& to : statuses()) {
    if (!may_change_status(s.status, to)) continue;
    web::ViewData a;
    a.set("to", to);
    a.set("label", t.text("spaces.manage.to_" + to));
    actions.push_back(a);
  }
  data.set("status_actions", actions);
  if (s.kind == "process") {
    data.set("phases", phase_list(phases(c, s.id), core::today_in_thailand(), t));
    data.set("phase_form", phase_errors
                               ? phase_errors->view()
                               : phase_form(t, manage_url(s.id) + "/phases", {}, true).view());
  } else {
    data.set("membership", member_list(members(c, s.id), core::today_in_thailand(), t));
    data.set("meetings", meeting_list(s, meetings(c, s.id), t));
    data.set("member_form",
             member_errors ? member_errors->view() : member_form(t, s.id, {}).view());
  }
  data.set("components", components_view(c, s, t, true));
  set_contents(data, c, s, t, true);
  data.set("new_page_url", "/manage/organisations/" + std::to_string(s.organisation_id) +
                               "/pages/new?space=" + std::to_string(s.id));
  data.set("documents", documents::manage_list_view(c, {"space", s.id}, t));
  data.set("upload_form", documents::upload_form(t, {"space", s.id}).view());
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  return views.page(request, "spaces/manage", s.title, data, status);
}

}  // namespace

std::string manage_url(std::int64_t id) { return "/manage/spaces/" + std::to_string(id); }

std::string audit_details(std::int64_t space_id,
                          const std::vector<std::pair<std::string, std::string>>& values) {
  boost::json::object details;
  details["space"] = space_id;
  for (const auto& [name, value] : values) details[name] = value;
  return boost::json::serialize(details);
}

Space managed_space(storage::Connection& c, const http::Request& request, std::int64_t id) {
  auto s = find(c, id);
  if (!s) throw http::HttpError(404, "no_space");
  organisations::require_manage(c, request, s->organisation_id);
  return *s;
}

void install_manage(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get(
      "/manage/organisations/{id}/spaces/new", [&db, &views](http::Request& request) {
        const auto organisation_id = id_param(request, "id");
        const auto& t = views.messages(request);
        const std::string kind(request.query_param("kind").value_or("process"));
        if (!is_one_of(kinds(), kind)) throw http::HttpError(400, "unknown_kind");
        auto form = db.read([&](storage::Connection& c) {
          organisations::require_manage(c, request, organisation_id);
          SpaceFields blank;
          blank.kind = kind;
          blank.level = kind == "committee" ? "collaborate" : "consult";
          blank.scope = "national";
          return space_form(t, c, blank,
                            "/manage/organisations/" + std::to_string(organisation_id) + "/spaces",
                            true);
        });
        return views.page(request, "form", t.text("spaces.manage.new_" + kind), form.view());
      });

  context.router.post("/manage/organisations/{id}/spaces", [&db, &views](http::Request& request) {
    const auto organisation_id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto fields = read_space_form(request);
    std::optional<web::Form> invalid;
    std::int64_t id = 0;
    db.write([&](storage::Connection& c) {
      organisations::require_manage(c, request, organisation_id);
      if (!organisations::find(c, organisation_id)) throw http::HttpError(404, "no_organisation");
      const auto found = space_problems(c, fields);
      if (!found.empty()) {
        invalid.emplace(space_form(
            t, c, fields, "/manage/organisations/" + std::to_string(organisation_id) + "/spaces",
            true));
        invalid->errors(found);
        return;
      }
      id = create(c, organisation_id, fields, request.visitor.user_id);
      audit::record(c, request, {"space.created", "space", std::to_string(id), organisation_id});
    });
    if (invalid) {
      return views.page(request, "form", t.text("spaces.manage.new_" + fields.kind),
                        invalid->view(), 422);
    }
    return web::redirect(manage_url(id) + "?notice=created");
  });

  context.router.get("/manage/spaces/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    return db.read([&](storage::Connection& c) {
      return overview(views, request, c, managed_space(c, request, id));
    });
  });

  context.router.get("/manage/spaces/{id}/edit", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    auto form = db.read([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      return space_form(t, c, fields_of(s), manage_url(id) + "/edit", false);
    });
    return views.page(request, "form", t.text("spaces.manage.edit_heading"), form.view());
  });

  context.router.post("/manage/spaces/{id}/edit", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    auto fields = read_space_form(request);
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      fields.kind = s.kind;  // the kind of a space never changes
      const auto found = space_problems(c, fields);
      if (!found.empty()) {
        invalid.emplace(space_form(t, c, fields, manage_url(id) + "/edit", false));
        invalid->errors(found);
        return;
      }
      update(c, id, fields);
      audit::record(c, request, {"space.updated", "space", std::to_string(id), s.organisation_id});
    });
    if (invalid) {
      return views.page(request, "form", t.text("spaces.manage.edit_heading"), invalid->view(),
                        422);
    }
    return web::redirect(manage_url(id) + "?notice=saved");
  });

  context.router.post("/manage/spaces/{id}/status", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto to = form_value(request, "status");
    db.write([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      if (!may_change_status(s.status, to)) throw http::HttpError(400, "status_change_refused");
      set_status(c, id, to);
      audit::record(c, request,
                    {"space." + to, "space", std::to_string(id), s.organisation_id,
                     audit::details({{"from", s.status}})});
    });
    return web::redirect(manage_url(id) + "?notice=" + to);
  });

  context.router.post("/manage/spaces/{id}/phases", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto phase = read_phase_form(request, id);
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto s = managed_space(c, request, id);
          if (s.kind != "process") throw http::HttpError(404, "not_a_process");
          const auto found =
              check_phase(phase.title, phase.description, {phase.starts_on, phase.ends_on});
          if (!found.empty()) {
            auto form = phase_form(t, manage_url(id) + "/phases", phase, true);
            form.errors(found);
            return [&, form, s](storage::Connection& c) {
              return overview(views, request, c, s, form, std::nullopt, 422);
            };
          }
          const auto phase_id = add_phase(c, phase);
          audit::record(c, request,
                        {"phase.created", "phase", std::to_string(phase_id), s.organisation_id,
                         audit_details(id)});
          return std::nullopt;
        },
        [&] { return web::redirect(manage_url(id) + "?notice=saved#phases"); });
  });

  context.router.get("/manage/spaces/{id}/phases/{phase}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto phase_id = id_param(request, "phase");
    const auto& t = views.messages(request);
    auto form = db.read([&](storage::Connection& c) {
      managed_space(c, request, id);
      const auto p = find_phase(c, id, phase_id);
      if (!p) throw http::HttpError(404, "no_phase");
      auto f = phase_form(t, manage_url(id) + "/phases/" + std::to_string(phase_id), *p, false);
      f.link(manage_url(id), "spaces.manage.back");
      return f;
    });
    return views.page(request, "form", t.text("spaces.manage.edit_phase"), form.view());
  });

  context.router.post("/manage/spaces/{id}/phases/{phase}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto phase_id = id_param(request, "phase");
    const auto& t = views.messages(request);
    auto phase = read_phase_form(request, id);
    phase.id = phase_id;
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      if (!find_phase(c, id, phase_id)) throw http::HttpError(404, "no_phase");
      const auto found =
          check_phase(phase.title, phase.description, {phase.starts_on, phase.ends_on});
      if (!found.empty()) {
        invalid.emplace(
            phase_form(t, manage_url(id) + "/phases/" + std::to_string(phase_id), phase, false));
        invalid->errors(found);
        return;
      }
      update_phase(c, phase);
      audit::record(c, request,
                    {"phase.updated", "phase", std::to_string(phase_id), s.organisation_id,
                     audit_details(id)});
    });
    if (invalid) {
      return views.page(request, "form", t.text("spaces.manage.edit_phase"), invalid->view(), 422);
    }
    return web::redirect(manage_url(id) + "?notice=saved#phases");
  });

  context.router.post("/manage/spaces/{id}/phases/{phase}/delete", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto phase_id = id_param(request, "phase");
    db.write([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      const auto old = find_phase(c, id, phase_id);
      if (!old || !remove_phase(c, id, phase_id)) throw http::HttpError(404, "no_phase");
      audit::record(c, request,
                    {"phase.deleted", "phase", std::to_string(phase_id), s.organisation_id,
                     audit_details(id, {{"title", old->title},
                                        {"starts_on", old->starts_on},
                                        {"ends_on", old->ends_on}})});
    });
    return web::redirect(manage_url(id) + "?notice=deleted#phases");
  });

  context.router.post("/manage/spaces/{id}/members", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    Member m;
    m.space_id = id;
    m.name = form_value(request, "name");
    m.affiliation = form_value(request, "affiliation");
    m.sector = form_value(request, "sector");
    m.position = form_value(request, "position");
    m.term_start = form_value(request, "term_start");
    m.term_end = form_value(request, "term_end");
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto s = managed_space(c, request, id);
          if (s.kind != "committee") throw http::HttpError(404, "not_a_committee");
          const auto found =
              check_member(m.name, m.affiliation, m.sector, m.position, m.term_start, m.term_end);
          if (!found.empty()) {
            auto form = member_form(t, id, m);
            form.errors(found);
            return [&, form, s](storage::Connection& c) {
              return overview(views, request, c, s, std::nullopt, form, 422);
            };
          }
          const auto member_id = add_member(c, m);
          audit::record(
              c, request,
              {"committee_member.added", "committee_member", std::to_string(member_id),
               s.organisation_id, audit_details(id, {{"name", m.name}, {"sector", m.sector}})});
          return std::nullopt;
        },
        [&] { return web::redirect(manage_url(id) + "?notice=saved#members"); });
  });

  context.router.post("/manage/spaces/{id}/members/{member}/delete", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto member_id = id_param(request, "member");
    db.write([&](storage::Connection& c) {
      const auto s = managed_space(c, request, id);
      std::optional<Member> old;
      for (const auto& m : members(c, id)) {
        if (m.id == member_id) old = m;
      }
      if (!old || !remove_member(c, id, member_id)) throw http::HttpError(404, "no_member");
      audit::record(c, request,
                    {"committee_member.removed", "committee_member", std::to_string(member_id),
                     s.organisation_id,
                     audit_details(id, {{"name", old->name},
                                        {"affiliation", old->affiliation},
                                        {"position", old->position}})});
    });
    return web::redirect(manage_url(id) + "?notice=deleted#members");
  });
}

void install(Context& context) {
  // Documents attached to a space, or to a committee's meeting, are public
  // exactly when the space is.
  documents::register_owner_kind(
      "space",
      {[](storage::Connection& c, std::int64_t id) -> std::optional<documents::OwnerState> {
         const auto s = find(c, id);
         if (!s) return std::nullopt;
         return documents::OwnerState{s->organisation_id, s->is_public(), manage_url(id)};
       },
       [](storage::Connection& c, std::int64_t id) { reindex(c, id); }});
  documents::register_owner_kind(
      "meeting",
      {[](storage::Connection& c, std::int64_t id) -> std::optional<documents::OwnerState> {
         const auto m = find_meeting(c, id);
         const auto s = m ? find(c, m->space_id) : std::nullopt;
         if (!s) return std::nullopt;
         return documents::OwnerState{s->organisation_id, s->is_public(),
                                      "/manage/meetings/" + std::to_string(id)};
       },
       [](storage::Connection& c, std::int64_t id) {
         if (const auto m = find_meeting(c, id)) reindex(c, m->space_id);
       }});
  install_public(context);
  install_manage(context);
  install_meetings(context);
  install_api(context);
}

}  // namespace ruamkit::features::spaces
