#include "features/admin/admin.h"

#include <charconv>

#include "features/accounts/support.h"
#include "features/organisations/organisations.h"
#include "http/error.h"

namespace ruamkit::features::admin {

organisations::Grants require(storage::Database& db, const http::Request& request,
                              organisations::Action action,
                              std::optional<std::int64_t> organisation_id) {
  const auto user_id = accounts::require_signed_in(request);
  auto grants =
      db.read([&](storage::Connection& c) { return organisations::load_grants(c, user_id); });
  if (!organisations::allowed(grants, action, organisation_id)) {
    throw http::HttpError(403, "not_permitted");
  }
  return grants;
}

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::int64_t id_param(const http::Request& request, std::string_view name) {
  const auto id = parse_id(request.path_param(name));
  if (!id) throw http::HttpError(404, "bad_id");
  return *id;
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
