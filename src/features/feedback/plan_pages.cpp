// The improvement plan on the web: public by organisation and fiscal year,
// and edited by the organisation's officials in the workspace.
#include <algorithm>

#include "core/clock.h"
#include "core/fiscal_year.h"
#include "features/audit/audit.h"
#include "features/feedback/module.h"
#include "features/feedback/plan.h"
#include "features/feedback/reports.h"
#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

using web::form_value;

std::string manage_url(std::int64_t organisation_id) {
  return "/manage/organisations/" + std::to_string(organisation_id) + "/improvement-plan";
}

web::ViewData item_view(const PlanItem& p, const web::Catalogue& t) {
  web::ViewData d;
  d.set("id", std::to_string(p.id));
  d.set("title", p.title);
  d.set("finding", p.finding);
  d.set("action", p.action);
  d.set("owner", web::text_or_false(p.owner_name));
  d.set("due", web::text_or_false(web::format_iso_day(p.due_on, t.locale())));
  d.set("due_iso", p.due_on);
  d.set("status", p.status);
  d.set("status_text", t.text("feedback.plan.statuses." + p.status));
  d.set("done", p.status == "done");
  d.set("done_note", web::text_or_false(p.done_note));
  return d;
}

PlanItem read_item(const http::Request& request) {
  PlanItem p;
  p.title = form_value(request, "title");
  p.finding = form_value(request, "finding");
  p.action = form_value(request, "action");
  p.due_on = form_value(request, "due_on");
  p.status = form_value(request, "status");
  if (p.status.empty()) p.status = "planned";
  p.done_note = form_value(request, "done_note");
  p.owner_id = web::parse_id(form_value(request, "owner"));
  try {
    p.fiscal_year = std::stoi(form_value(request, "fiscal_year"));
  } catch (const std::exception&) {
    p.fiscal_year = 0;
  }
  return p;
}

web::Form item_form(const web::Catalogue& t, const std::string& action, const PlanItem& p,
                    const std::vector<organisations::Member>& officials, bool is_new) {
  std::vector<std::pair<std::string, std::string>> owners{{"", t.text("feedback.plan.no_owner")}};
  for (const auto& m : officials) {
    const bool seen = std::any_of(owners.begin(), owners.end(), [&](const auto& o) {
      return o.first == std::to_string(m.user_id);
    });
    if (!seen && m.role != organisations::Role::moderator) {
      owners.emplace_back(std::to_string(m.user_id), m.display_name);
    }
  }
  std::vector<std::pair<std::string, std::string>> statuses;
  for (const auto& s : {"planned", "in_progress", "done"}) {
    statuses.emplace_back(s, t.text("feedback.plan.statuses." + std::string(s)));
  }
  web::Form form(t, action, is_new ? "feedback.plan.new" : "feedback.plan.edit",
                 is_new ? "feedback.plan.create" : "feedback.plan.save");
  form.id_prefix(is_new ? "plan-new-" : "plan-" + std::to_string(p.id) + "-")
      .hidden("fiscal_year", std::to_string(p.fiscal_year))
      .field("title", "feedback.plan.title", "text", p.title)
      .textarea("finding", "feedback.plan.finding", p.finding, true, "feedback.plan.finding_hint")
      .textarea("action", "feedback.plan.action", p.action, true)
      .select("owner", "feedback.plan.owner", owners, p.owner_id ? std::to_string(*p.owner_id) : "",
              false)
      .field("due_on", "feedback.plan.due_on", "date", p.due_on, "off", false)
      .select("status", "feedback.plan.status", statuses, p.status)
      .textarea("done_note", "feedback.plan.done_note", p.done_note, false);
  return form;
}

http::Response manage_page(const web::Views& views, const http::Request& request,
                           storage::Connection& c, std::int64_t organisation_id, int fiscal_year,
                           std::optional<web::Form> new_form, int status = 200) {
  const auto& t = views.messages(request);
  const auto o = organisations::find(c, organisation_id);
  if (!o) throw http::HttpError(404, "no_organisation");
  const auto officials = organisations::members(c, organisation_id);
  web::ViewList forms;
  for (const auto& p : plan(c, organisation_id, fiscal_year)) {
    auto item = item_view(p, t);
    item.set("form",
             item_form(t, "/manage/improvement-items/" + std::to_string(p.id), p, officials, false)
                 .view());
    forms.push_back(item);
  }
  PlanItem blank;
  blank.fiscal_year = fiscal_year;
  web::ViewData data;
  data.set("organisation", o->name(t.locale()));
  data.set("fiscal_year", std::to_string(fiscal_year));
  data.set("items", web::optional_items(forms));
  data.set("new_form",
           new_form ? new_form->view()
                    : item_form(t, manage_url(organisation_id), blank, officials, true).view());
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  data.set("public_url",
           "/organisations/" + o->slug + "/improvement-plan?fy=" + std::to_string(fiscal_year));
  data.set("report_url",
           "/organisations/" + o->slug + "/feedback/report?fy=" + std::to_string(fiscal_year));
  data.set("queue_url", "/manage/organisations/" + std::to_string(organisation_id) + "/feedback");
  return views.page(request, "feedback/plan_manage", t.text("feedback.plan.heading"), data, status);
}

}  // namespace

void install_plan(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get(
      "/organisations/{slug}/improvement-plan", [&db, &views](http::Request& request) {
        const auto& t = views.messages(request);
        const auto period = read_period(request);
        web::ViewData data;
        std::string name;
        db.read([&](storage::Connection& c) {
          const auto o = organisations::find_by_slug(c, std::string(request.path_param("slug")));
          if (!o) throw http::HttpError(404, "no_organisation");
          name = o->name(t.locale());
          web::ViewList list;
          for (const auto& p : plan(c, o->id, period.fiscal_year)) list.push_back(item_view(p, t));
          data.set("items", web::optional_items(list));
          data.set("organisation", name);
          data.set("organisation_url", "/organisations/" + o->slug);
          data.set("report_url", "/organisations/" + o->slug +
                                     "/feedback/report?fy=" + std::to_string(period.fiscal_year));
        });
        data.set("fiscal_year", std::to_string(period.fiscal_year));
        data.set("previous_url", "?fy=" + std::to_string(period.fiscal_year - 1));
        data.set("next_url", "?fy=" + std::to_string(period.fiscal_year + 1));
        return views.page(
            request, "feedback/plan",
            t.format("feedback.plan.public_title",
                     {{"organisation", name}, {"year", std::to_string(period.fiscal_year)}}),
            data);
      });

  context.router.get(
      "/manage/organisations/{id}/improvement-plan", [&db, &views](http::Request& request) {
        const auto organisation_id = web::id_param(request, "id");
        const auto period = read_period(request);
        return db.read([&](storage::Connection& c) {
          organisations::require_manage(c, request, organisation_id);
          return manage_page(views, request, c, organisation_id, period.fiscal_year, std::nullopt);
        });
      });

  context.router.post(
      "/manage/organisations/{id}/improvement-plan", [&db, &views](http::Request& request) {
        const auto organisation_id = web::id_param(request, "id");
        const auto& t = views.messages(request);
        auto p = read_item(request);
        p.organisation_id = organisation_id;
        return write_then_respond(
            db,
            [&](storage::Connection& c) -> Reply {
              organisations::require_manage(c, request, organisation_id);
              auto problems = check_plan_item(p);
              if (problems.empty() && p.owner_id) {
                const auto officials = organisations::members(c, organisation_id);
                if (std::none_of(officials.begin(), officials.end(),
                                 [&](const auto& m) { return m.user_id == *p.owner_id; })) {
                  problems.emplace_back("owner", "assignee_not_official");
                }
              }
              if (!problems.empty()) {
                auto form = item_form(t, manage_url(organisation_id), p,
                                      organisations::members(c, organisation_id), true);
                form.errors(problems);
                return [&, form](storage::Connection& c) {
                  return manage_page(views, request, c, organisation_id,
                                     p.fiscal_year >= 2500 && p.fiscal_year <= 2700
                                         ? p.fiscal_year
                                         : read_period(request).fiscal_year,
                                     form, 422);
                };
              }
              const auto id = save_plan_item(c, p);
              audit::record(
                  c, request,
                  {"plan.item_created", "improvement_item", std::to_string(id), organisation_id});
              return std::nullopt;
            },
            [&] {
              return web::redirect(manage_url(organisation_id) +
                                   "?fy=" + std::to_string(p.fiscal_year) + "&notice=created");
            });
      });

  context.router.post("/manage/improvement-items/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto& t = views.messages(request);
    auto p = read_item(request);
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto old = find_plan_item(c, id);
          if (!old) throw http::HttpError(404, "no_item");
          organisations::require_manage(c, request, old->organisation_id);
          p.id = id;
          p.organisation_id = old->organisation_id;
          auto problems = check_plan_item(p);
          const auto officials = organisations::members(c, p.organisation_id);
          if (problems.empty() && p.owner_id &&
              std::none_of(officials.begin(), officials.end(),
                           [&](const auto& m) { return m.user_id == *p.owner_id; })) {
            problems.emplace_back("owner", "assignee_not_official");
          }
          if (!problems.empty()) {
            auto form = item_form(t, "/manage/improvement-items/" + std::to_string(id), p,
                                  officials, false);
            form.errors(problems);
            return [&, form](storage::Connection&) {
              return views.page(request, "form", t.text("feedback.plan.edit"), form.view(), 422);
            };
          }
          save_plan_item(c, p);
          audit::record(c, request,
                        {"plan.item_changed", "improvement_item", std::to_string(id),
                         p.organisation_id, audit::details({{"status", p.status}})});
          return std::nullopt;
        },
        [&] {
          return web::redirect(manage_url(p.organisation_id) +
                               "?fy=" + std::to_string(p.fiscal_year) + "&notice=saved");
        });
  });
}

}  // namespace ruamkit::features::feedback
