#include "features/admin/admin.h"

#include <charconv>

#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/request.h"

namespace ruamkit::features::admin {

organisations::Grants require(storage::Database& db, const http::Request& request,
                              organisations::Action action,
                              std::optional<std::int64_t> organisation_id) {
  const auto user_id = web::require_signed_in(request);
  auto grants =
      db.read([&](storage::Connection& c) { return organisations::load_grants(c, user_id); });
  if (!organisations::allowed(grants, action, organisation_id)) {
    throw http::HttpError(403, "not_permitted");
  }
  return grants;
}

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  context.router.get("/admin", [&db, &views](http::Request& request) {
    const auto grants = require(db, request, organisations::Action::enter_admin_area);
    const auto& t = views.messages(request);
    web::ViewData data;
    data.set("platform_admin", grants.platform_admin);
    web::ViewList administered;
    db.read([&](storage::Connection& c) {
      for (const auto& o : organisations::tree(c)) {
        if (!grants.platform_admin && !grants.has(o.id, organisations::Role::admin)) continue;
        web::ViewData item;
        item.set("id", std::to_string(o.id));
        item.set("name", o.name(t.locale()));
        administered.push_back(item);
      }
    });
    data.set("organisations", administered);
    return views.page(request, "admin/index", t.text("admin.heading"), data);
  });
  install_organisations(context);
  install_members(context);
  install_audit(context);
  install_users(context);
}

}  // namespace ruamkit::features::admin
