// /admin/audit: the audit log, filterable by organisation, action, person and
// date. Platform admins see everything; an organisation's admins see the
// entries of the organisations they administer, and nothing else.
#include "core/clock.h"
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "http/url.h"
#include "web/dates.h"
#include "web/request.h"

namespace ruamkit::features::admin {
namespace {

using organisations::Action;

// Parses "2026-11-23" (a day in Thailand's calendar, CE) and returns the
// UTC timestamp at which that day starts in Bangkok, plus `extra_days`; ""
// for anything else.
std::string bangkok_day_start(std::string_view day, int extra_days) {
  if (day.size() != 10 || day[4] != '-' || day[7] != '-') return "";
  for (std::size_t i = 0; i < day.size(); ++i) {
    if (i != 4 && i != 7 && (day[i] < '0' || day[i] > '9')) return "";
  }
  const int y = std::stoi(std::string(day.substr(0, 4)));
  const auto m = static_cast<unsigned>(std::stoi(std::string(day.substr(5, 2))));
  const auto d = static_cast<unsigned>(std::stoi(std::string(day.substr(8, 2))));
  const std::chrono::year_month_day ymd{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!ymd.ok()) return "";
  // Thailand is UTC+7 all year.
  return core::iso_timestamp(std::chrono::sys_days{ymd} + std::chrono::days{extra_days} -
                             std::chrono::hours{7});
}

}  // namespace

void install_audit(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/admin/audit", [&db, &views](http::Request& request) {
    const auto grants = require(db, request, Action::enter_admin_area);
    const auto& t = views.messages(request);
    audit::Filter filter;
    const std::string org_text(request.query_param("organisation").value_or(""));
    if (!org_text.empty()) {
      filter.organisation_id = web::parse_id(org_text);
      if (!filter.organisation_id) throw http::HttpError(400, "bad_organisation");
    }
    if (!grants.platform_admin) {
      // Organisation admins must look at one of their own organisations.
      if (!filter.organisation_id) {
        for (const auto& m : grants.memberships) {
          if (m.role == organisations::Role::admin) {
            filter.organisation_id = m.organisation_id;
            break;
          }
        }
      }
      if (!filter.organisation_id ||
          !organisations::allowed(grants, Action::view_audit_log, filter.organisation_id)) {
        throw http::HttpError(403, "not_permitted");
      }
    }
    filter.action_prefix = std::string(request.query_param("action").value_or(""));
    if (filter.action_prefix.size() > 64) throw http::HttpError(400, "action_too_long");
    const std::string from(request.query_param("from").value_or(""));
    const std::string to(request.query_param("to").value_or(""));
    filter.from = bangkok_day_start(from, 0);
    filter.to = bangkok_day_start(to, 1);
    const std::string before(request.query_param("before").value_or(""));
    if (!before.empty()) {
      const auto id = web::parse_id(before);
      if (!id) throw http::HttpError(400, "bad_before");
      filter.before_id = *id;
    }
    const std::string actor(request.query_param("actor").value_or(""));
    web::ViewData data;
    db.read([&](storage::Connection& c) {
      if (!actor.empty()) {
        auto rows = c.query("SELECT id FROM users WHERE email = ?",
                            accounts::normalize_email(actor).value_or(actor));
        filter.actor_user_id = rows.next() ? rows.integer(0) : -1;
      }
      web::ViewList entries;
      std::int64_t last_id = 0;
      const auto found = audit::search(c, filter);
      for (const auto& e : found) {
        web::ViewData item;
        item.set("at_iso", e.at);
        const auto when = core::parse_iso_timestamp(e.at);
        item.set("at", when ? web::format_date_time(*when, t.locale()) : e.at);
        item.set("actor",
                 e.actor_user_id
                     ? (e.actor_name.empty() ? t.text("admin.audit.deleted_user") : e.actor_name)
                     : t.text("admin.audit.system"));
        item.set("action", e.action);
        item.set("object", e.object_type + (e.object_id.empty() ? "" : " #" + e.object_id));
        item.set("ip", e.ip);
        item.set("request_id", e.request_id);
        item.set("details", e.details == "{}" ? std::string() : e.details);
        entries.push_back(item);
        last_id = e.id;
      }
      data.set("entries", entries);
      data.set("empty", found.empty());
      std::string older;
      if (static_cast<int>(found.size()) == filter.limit) {
        older = "/admin/audit?organisation=" +
                (filter.organisation_id ? std::to_string(*filter.organisation_id) : std::string()) +
                "&action=" + http::encode_query_value(filter.action_prefix) +
                "&actor=" + http::encode_query_value(actor) +
                "&from=" + http::encode_query_value(from) + "&to=" + http::encode_query_value(to) +
                "&before=" + std::to_string(last_id);
      }
      data.set("older", web::text_or_false(older));
      web::ViewList orgs;
      if (grants.platform_admin) {
        web::ViewData all;
        all.set("value", std::string());
        all.set("label", t.text("admin.audit.all_organisations"));
        all.set("selected", !filter.organisation_id.has_value());
        orgs.push_back(all);
      }
      for (const auto& o : organisations::tree(c)) {
        if (!organisations::allowed(grants, Action::view_audit_log, o.id)) continue;
        web::ViewData item;
        item.set("value", std::to_string(o.id));
        item.set("label", o.name(t.locale()));
        item.set("selected", filter.organisation_id == o.id);
        orgs.push_back(item);
      }
      data.set("organisations", orgs);
    });
    data.set("action", filter.action_prefix);
    data.set("actor", actor);
    data.set("from", from);
    data.set("to", to);
    return views.page(request, "admin/audit", t.text("admin.audit.heading"), data);
  });
}

}  // namespace ruamkit::features::admin
