// The officials' side of feedback cases: the queue of an organisation
// (filters, overdue first, workload per official), the case page with its
// whole timeline, and the handling actions: status with a public note,
// assignment, internal notes, forwarding to another organisation, merging
// into a duplicate, and an "after" photo. The reporter's identity is shown
// only to the organisation's case handlers (handlers.h), and each look at it
// is audit-logged.
#include <algorithm>
#include <map>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "core/text.h"
#include "core/utf8.h"
#include "features/audit/audit.h"
#include "features/feedback/cases.h"
#include "features/feedback/handlers.h"
#include "features/feedback/module.h"
#include "features/feedback/notify.h"
#include "features/feedback/photos.h"
#include "features/feedback/views.h"
#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/paging.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

using web::form_value;
using web::id_param;

constexpr int kPageSize = 50;
constexpr std::size_t kMaxNote = 5000;

std::string queue_url(std::int64_t organisation_id) {
  return "/manage/organisations/" + std::to_string(organisation_id) + "/feedback";
}

Case managed(storage::Connection& c, const http::Request& request, std::int64_t id) {
  const auto f = find(c, id);
  if (!f) throw http::HttpError(404, "no_case");
  organisations::require_manage(c, request, f->organisation_id);
  return *f;
}

void audit_entry(storage::Connection& c, const http::Request& request, const Case& f,
                 const std::string& action, const std::string& details = "{}") {
  audit::record(c, request,
                {action, "feedback_case", std::to_string(f.id), f.organisation_id, details});
}

std::vector<organisations::Member> handlers(storage::Connection& c, std::int64_t organisation_id) {
  std::vector<organisations::Member> out;
  for (const auto& m : organisations::members(c, organisation_id)) {
    if (m.role == organisations::Role::moderator) continue;
    const bool seen =
        std::any_of(out.begin(), out.end(), [&](const auto& o) { return o.user_id == m.user_id; });
    if (!seen) out.push_back(m);
  }
  return out;
}

std::string checked_note(const std::string& note) {
  if (core::character_count(note) > kMaxNote || !core::is_valid_utf8(note)) {
    throw http::HttpError(422, "note_too_long");
  }
  return note;
}

http::Response case_page(const web::Views& views, const http::Request& request,
                         storage::Connection& c, const Case& f, const std::string& problem = "",
                         int status = 200) {
  const auto& t = views.messages(request);
  auto data = case_view(f, t, core::today_in_thailand());
  data.set("tracking_code", f.tracking_code);
  data.set("timeline", timeline_view(timeline(c, f.id, true), t));
  data.set("photos", photos_view(photos(c, f.id)));
  data.set("queue_url", queue_url(f.organisation_id));
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  data.set("problem", web::text_or_false(problem.empty() ? "" : t.text("errors.form." + problem)));
  data.set("may_see_reporter", may_see_reporter(c, request, f));
  data.set("source_text", t.text("feedback.sources." + f.source));

  web::ViewList next;
  for (const auto s :
       {Status::accepted, Status::in_progress, Status::resolved, Status::not_relevant}) {
    if (f.status != Status::received && s == Status::accepted) continue;
    const std::string name(status_name(s));
    web::ViewData o;
    o.set("value", name);
    o.set("label", t.text("feedback.statuses." + name));
    next.push_back(o);
  }
  data.set("next_statuses", next);
  web::ViewList stage_list;
  for (const auto& s : stages()) {
    web::ViewData o;
    o.set("value", s);
    o.set("label", t.text("feedback.stages." + s));
    o.set("selected", s == f.stage);
    stage_list.push_back(o);
  }
  data.set("stages", stage_list);
  web::ViewList people;
  for (const auto& m : handlers(c, f.organisation_id)) {
    web::ViewData o;
    o.set("value", std::to_string(m.user_id));
    o.set("label", m.display_name);
    o.set("selected", f.assignee_id == m.user_id);
    people.push_back(o);
  }
  data.set("handlers", people);
  web::ViewList targets;
  std::map<std::int64_t, std::string> names;  // one read of the tree, not one per category
  for (const auto& o : organisations::tree(c)) names[o.id] = o.name(t.locale());
  for (const auto& k : all_active_categories(c)) {
    if (k.organisation_id == f.organisation_id || !names.contains(k.organisation_id)) continue;
    web::ViewData item;
    item.set("value", std::to_string(k.id));
    item.set("label", names[k.organisation_id] + " · " + k.name(t.locale()));
    targets.push_back(item);
  }
  data.set("forward_targets", web::optional_items(targets));
  if (f.forwarded_to)
    data.set("forwarded_to_url", "/manage/feedback/cases/" + std::to_string(*f.forwarded_to));
  if (f.merged_into)
    data.set("merged_into_url", "/manage/feedback/cases/" + std::to_string(*f.merged_into));
  return views.page(request, "feedback/manage_case",
                    t.format("feedback.case.title", {{"id", std::to_string(f.id)}}), data, status);
}

// The case page again, saying what was wrong (422), rendered once the write
// transaction has ended.
Render refused(const web::Views& views, const http::Request& request, const Case& f,
               std::string problem) {
  return [&views, &request, f, problem = std::move(problem)](storage::Connection& c) {
    return case_page(views, request, c, f, problem, 422);
  };
}

http::Response done(const Case& f, const std::string& notice) {
  return web::redirect(f.manage_url() + "?notice=" + notice);
}

}  // namespace

void install_manage(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& config = context.site;
  const auto store = photo_store(config);
  const auto wake = context.wake_mail;

  context.router.get("/manage/organisations/{id}/feedback", [&db, &views](http::Request& request) {
    const auto organisation_id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      organisations::require_manage(c, request, organisation_id);
      const auto o = organisations::find(c, organisation_id);
      if (!o) throw http::HttpError(404, "no_organisation");
      title = t.text("feedback.queue.heading") + " · " + o->name(t.locale());
      QueueFilter f;
      f.organisation_id = organisation_id;
      f.today = core::iso_date(core::today_in_thailand());
      f.status = std::string(request.query_param("status").value_or(""));
      if (!f.status.empty() && f.status != "all" && !parse_status(f.status)) {
        throw http::HttpError(400, "status_unknown");
      }
      if (const auto k = request.query_param("category"); k && !k->empty()) {
        f.category_id = web::parse_id(*k);
        if (!f.category_id) throw http::HttpError(400, "category_unknown");
      }
      const auto who = std::string(request.query_param("assignee").value_or(""));
      if (who == "me") f.assignee_id = request.visitor.user_id;
      if (who == "none") f.assignee_id = 0;
      if (!who.empty() && who != "me" && who != "none") {
        f.assignee_id = web::parse_id(who);
        if (!f.assignee_id) throw http::HttpError(400, "assignee_unknown");
      }
      f.overdue_only = request.query_param("overdue") == std::optional<std::string_view>("1");
      const auto page = web::page_number(request);
      f.limit = kPageSize;
      f.offset = (page - 1) * kPageSize;
      const auto total = queue_count(c, f);
      web::ViewList rows;
      for (const auto& k : queue(c, f)) rows.push_back(case_view(k, t, core::today_in_thailand()));
      data.set("cases", web::optional_items(rows));
      data.set("total", t.format("feedback.queue.total", {{"count", total}}));
      const auto base = queue_url(organisation_id) + "?status=" + f.status +
                        "&category=" + (f.category_id ? std::to_string(*f.category_id) : "") +
                        "&assignee=" + who + (f.overdue_only ? "&overdue=1" : "") + "&page=";
      data.set("pager", web::pager(base, page, kPageSize, total));
      web::ViewList load;
      for (const auto& w : workload(c, organisation_id, f.today)) {
        web::ViewData item;
        item.set("name", w.user_id ? w.name : t.text("feedback.queue.unassigned"));
        item.set("open", std::to_string(w.open));
        item.set("overdue", std::to_string(w.overdue));
        item.set("url", queue_url(organisation_id) + "?assignee=" +
                            (w.user_id ? std::to_string(*w.user_id) : std::string("none")));
        load.push_back(item);
      }
      data.set("workload", web::optional_items(load));
      web::ViewList status_options;
      for (const auto& [value, key] : std::vector<std::pair<std::string, std::string>>{
               {"", "feedback.queue.open_cases"}, {"all", "feedback.queue.all_cases"}}) {
        web::ViewData o;
        o.set("value", value);
        o.set("label", t.text(key));
        o.set("selected", f.status == value);
        status_options.push_back(o);
      }
      for (const auto status : kStatuses) {
        const std::string s(status_name(status));
        web::ViewData o;
        o.set("value", s);
        o.set("label", t.text("feedback.statuses." + s));
        o.set("selected", f.status == s);
        status_options.push_back(o);
      }
      data.set("status_options", status_options);
      web::ViewList category_list;
      for (const auto& k : categories(c, organisation_id, true)) {
        web::ViewData o;
        o.set("value", std::to_string(k.id));
        o.set("label", k.name(t.locale()));
        o.set("selected", f.category_id == k.id);
        category_list.push_back(o);
      }
      data.set("category_options", category_list);
      data.set("assignee", who);
      data.set("assignee_me", who == "me");
      data.set("assignee_none", who == "none");
      data.set("overdue_only", f.overdue_only);
      data.set("queue_url", queue_url(organisation_id));
      data.set("categories_url", queue_url(organisation_id) + "/categories");
      // The organisation's admins grant the case-handling role.
      const bool admin =
          organisations::allowed(organisations::load_grants(c, request.visitor.user_id),
                                 organisations::Action::manage_members, organisation_id);
      data.set("handlers_url",
               web::text_or_false(admin ? queue_url(organisation_id) + "/handlers" : ""));
      data.set("report_url", "/organisations/" + o->slug + "/feedback/report");
      data.set("plan_url",
               "/manage/organisations/" + std::to_string(organisation_id) + "/improvement-plan");
      data.set("back_url", "/manage/organisations/" + std::to_string(organisation_id));
    });
    return views.page(request, "feedback/queue", title, data);
  });

  context.router.get("/manage/feedback/cases/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    return db.read([&](storage::Connection& c) {
      return case_page(views, request, c, managed(c, request, id));
    });
  });

  // Personal data, on request only, and logged.
  context.router.get("/manage/feedback/cases/{id}/reporter", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    db.write([&](storage::Connection& c) {
      const auto f = managed(c, request, id);
      if (!may_see_reporter(c, request, f)) throw http::HttpError(403, "not_handling_case");
      const auto p = reporter_of(c, id);
      audit_entry(c, request, f, "feedback.reporter_viewed");
      data.set("case_url", f.manage_url());
      data.set("id", std::to_string(f.id));
      data.set("account", web::text_or_false(p.display_name));
      data.set("name", web::text_or_false(p.name));
      data.set("email", web::text_or_false(p.email));
      data.set("phone", web::text_or_false(p.phone));
      data.set("anonymous", !p.user_id && p.name.empty() && p.email.empty() && p.phone.empty());
    });
    auto response =
        views.page(request, "feedback/reporter", t.text("feedback.reporter.heading"), data);
    response.headers.set("Cache-Control", "private, no-store");
    return response;
  });

  context.router.post(
      "/manage/feedback/cases/{id}/status", [&db, &views, &config, wake](http::Request& request) {
        const auto id = id_param(request, "id");
        const auto status = form_value(request, "status");
        const auto stage = form_value(request, "stage");
        const auto note = checked_note(form_value(request, "note"));
        Case f;
        return write_then_respond(
            db,
            [&](storage::Connection& c) -> Reply {
              f = managed(c, request, id);
              const auto to = parse_status(status);
              const auto problem = transition_problem(f.status, to, stage, note);
              if (!problem.empty()) {
                return refused(views, request, f, problem);
              }
              const auto from = f.status;
              change_status(c, id, *to, stage, note, request.visitor.user_id);
              f = *find(c, id);
              audit_entry(c, request, f, "feedback.status",
                          audit::details({{"from", status_name(from)}, {"to", status}}));
              tell_reporters(c, views, config.base_url, f, note);
              return std::nullopt;
            },
            [&] {
              if (wake) wake();
              return done(f, "saved");
            });
      });

  context.router.post("/manage/feedback/cases/{id}/assign", [&db](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto who = form_value(request, "assignee");
    Case f;
    db.write([&](storage::Connection& c) {
      f = managed(c, request, id);
      std::optional<std::int64_t> assignee;
      if (!who.empty()) {
        assignee = web::parse_id(who);
        const auto list = handlers(c, f.organisation_id);
        if (!assignee || std::none_of(list.begin(), list.end(),
                                      [&](const auto& m) { return m.user_id == *assignee; })) {
          throw http::HttpError(422, "assignee_not_official");
        }
      }
      assign(c, id, assignee, request.visitor.user_id);
      audit_entry(c, request, f, "feedback.assigned",
                  audit::details({{"assignee", assignee ? boost::json::value(*assignee)
                                                        : boost::json::value(nullptr)}}));
    });
    return done(f, "saved");
  });

  context.router.post("/manage/feedback/cases/{id}/notes", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto note = checked_note(form_value(request, "note"));
    Case f;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          f = managed(c, request, id);
          if (core::is_blank(note)) {
            return refused(views, request, f, "feedback_note_required");
          }
          add_note(c, id, note, request.visitor.user_id);
          return std::nullopt;
        },
        [&] { return done(f, "saved"); });
  });

  context.router.post("/manage/feedback/cases/{id}/forward", [&db, &views, &config,
                                                              wake](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto reason = checked_note(form_value(request, "reason"));
    const auto category_id = web::parse_id(form_value(request, "category")).value_or(0);
    Case f;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          f = managed(c, request, id);
          const auto target = find_category(c, category_id);
          std::string problem;
          if (!f.is_open()) problem = "feedback_case_closed";
          if (!target || !target->active || target->organisation_id == f.organisation_id) {
            problem = "feedback_forward_target";
          }
          if (core::is_blank(reason)) {
            problem = "feedback_reason_required";
          }
          if (!problem.empty()) {
            return refused(views, request, f, problem);
          }
          const auto new_id = forward(c, id, category_id, reason, request.visitor.user_id);
          f = *find(c, id);
          audit_entry(
              c, request, f, "feedback.forwarded",
              audit::details({{"to_case", new_id}, {"to_organisation", target->organisation_id}}));
          tell_reporters(c, views, config.base_url, f, reason);
          move_duplicates(c, id, new_id);
          return std::nullopt;
        },
        [&] {
          if (wake) wake();
          return done(f, "forwarded");
        });
  });

  context.router.post(
      "/manage/feedback/cases/{id}/merge", [&db, &views, &config, wake](http::Request& request) {
        const auto id = id_param(request, "id");
        const auto into_id = web::parse_id(form_value(request, "into")).value_or(0);
        const auto note = checked_note(form_value(request, "note"));
        Case f;
        return write_then_respond(
            db,
            [&](storage::Connection& c) -> Reply {
              f = managed(c, request, id);
              const auto into = find(c, into_id);
              std::string problem;
              if (!f.is_open()) problem = "feedback_case_closed";
              if (!into || into->id == f.id || into->organisation_id != f.organisation_id ||
                  !into->is_open()) {
                problem = "feedback_merge_target";
              }
              if (!problem.empty()) {
                return refused(views, request, f, problem);
              }
              move_duplicates(c, id, into_id);
              merge(c, id, into_id, note, request.visitor.user_id);
              f = *find(c, id);
              audit_entry(c, request, f, "feedback.merged", audit::details({{"into", into_id}}));
              tell_reporters(c, views, config.base_url, f, note);
              return std::nullopt;
            },
            [&] {
              if (wake) wake();
              return done(f, "merged");
            });
      });

  // An "after" photo of the fix (a path of its own: uploads may be large).
  context.router.post("/manage/feedback/photos", [&db, &views, store](http::Request& request) {
    web::require_signed_in(request);
    const auto id = web::parse_id(form_value(request, "case")).value_or(0);
    Problems problems;
    const auto uploads = read_photos(request, problems);
    std::optional<http::Response> page;
    Case f;
    db.read([&](storage::Connection& c) {
      f = managed(c, request, id);
      if (uploads.empty() && problems.empty())
        problems.emplace_back("photo", "feedback_photo_missing");
      if (!problems.empty()) page = case_page(views, request, c, f, problems.front().second, 422);
    });
    if (page) return std::move(*page);
    const auto stored = store_photos(*store, uploads, "after");
    try {
      db.write([&](storage::Connection& c) {
        f = managed(c, request, id);
        for (auto p : stored) {
          p.case_id = id;
          add_photo(c, p);
        }
        audit_entry(c, request, f, "feedback.photo_added");
      });
    } catch (...) {
      for (const auto& p : stored) store->remove(p.storage_key);
      throw;
    }
    return done(f, "uploaded");
  });
}

}  // namespace ruamkit::features::feedback
