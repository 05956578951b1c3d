// /admin/users: platform admins find accounts and set platform roles
// (evaluator, platform admin). Organisation roles are given by invitation.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "features/accounts/rules.h"
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "http/error.h"
#include "http/url.h"
#include "web/request.h"

namespace ruamkit::features::admin {

void install_users(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/admin/users", [&db, &views](http::Request& request) {
    require(db, request, organisations::Action::create_organisation);  // platform admins only
    const auto& t = views.messages(request);
    const std::string query(request.query_param("q").value_or(""));
    web::ViewData data;
    data.set("q", query);
    web::ViewList list;
    if (!query.empty()) {
      db.read([&](storage::Connection& c) {
        // Exact address, or a part of the name; at most 50 rows.
        auto rows = c.query(
            "SELECT id, display_name, email, is_platform_admin, is_evaluator FROM users "
            "WHERE deleted_at IS NULL AND (email = ? OR instr(display_name, ?) > 0) "
            "ORDER BY display_name LIMIT 50",
            accounts::normalize_email(query).value_or(query), query);
        while (rows.next()) {
          web::ViewData item;
          item.set("id", std::to_string(rows.integer(0)));
          item.set("name", rows.text(1));
          item.set("email", rows.text(2));
          item.set("platform_admin", rows.integer(3) != 0);
          item.set("evaluator", rows.integer(4) != 0);
          list.push_back(item);
        }
      });
    }
    data.set("users", list);
    data.set("searched", !query.empty());
    data.set("none", !query.empty() && list.empty());
    data.set("notice", web::text_or_false(request.query_param("notice") ==
                                                  std::optional<std::string_view>("saved")
                                              ? t.text("admin.users.saved")
                                              : std::string()));
    return views.page(request, "admin/users", t.text("admin.users.heading"), data);
  });

  context.router.post("/admin/users/{id}/roles", [&db](http::Request& request) {
    require(db, request, organisations::Action::create_organisation);
    const auto id = web::id_param(request, "id");
    const bool admin = web::form_value(request, "platform_admin") == "yes";
    const bool evaluator = web::form_value(request, "evaluator") == "yes";
    if (id == request.visitor.user_id && !admin) {
      throw http::HttpError(403, "cannot_demote_self");  // keeps at least one admin
    }
    db.write([&](storage::Connection& c) {
      const int changed = c.execute(
          "UPDATE users SET is_platform_admin = ?, is_evaluator = ? WHERE id = ? AND deleted_at IS "
          "NULL",
          admin ? 1 : 0, evaluator ? 1 : 0, id);
      if (changed != 1) throw http::HttpError(404, "no_user");
      // New rights start with a new log-in (and, for admins, two-factor set-up).
      c.execute("DELETE FROM sessions WHERE user_id = ? AND user_id <> ?", id,
                request.visitor.user_id);
      audit::record(c, request,
                    {"user.platform_roles_changed", "user", std::to_string(id), std::nullopt,
                     boost::json::serialize(boost::json::object{{"platform_admin", admin},
                                                                {"evaluator", evaluator}})});
    });
    return web::redirect("/admin/users?notice=saved&q=" +
                         http::encode_query_value(web::form_value(request, "q")));
  });
}

}  // namespace ruamkit::features::admin
