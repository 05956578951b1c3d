// Open311 clients: the applications allowed to submit requests. Platform
// admins add one by name and see its API key once (only a digest is kept),
// and revoke it.
#include "core/clock.h"
#include "core/security.h"
#include "core/utf8.h"
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "features/feedback/module.h"
#include "features/organisations/permissions.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

http::Response clients_page(const web::Views& views, const http::Request& request,
                            storage::Connection& c, const std::string& new_key,
                            const std::string& problem, int status) {
  const auto& t = views.messages(request);
  web::ViewList list;
  auto rows = c.query(
      "SELECT id, name, created_at, COALESCE(revoked_at, ''), "
      "(SELECT COUNT(*) FROM feedback_cases f WHERE f.client_id = open311_clients.id) "
      "FROM open311_clients ORDER BY id DESC");
  while (rows.next()) {
    web::ViewData item;
    item.set("id", std::to_string(rows.integer(0)));
    item.set("name", rows.text(1));
    item.set("created", web::format_iso_day(rows.text(2), t.locale()));
    item.set("revoked", web::text_or_false(web::format_iso_day(rows.text(3), t.locale())));
    item.set("cases", std::to_string(rows.integer(4)));
    list.push_back(item);
  }
  web::ViewData data;
  data.set("clients", web::optional_items(list));
  data.set("new_key", web::text_or_false(new_key));
  data.set("problem", web::text_or_false(problem.empty() ? "" : t.text("errors.form." + problem)));
  return views.page(request, "feedback/clients", t.text("feedback.clients.heading"), data, status);
}

}  // namespace

void install_open311_clients(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/admin/open311", [&db, &views](http::Request& request) {
    admin::require(db, request, organisations::Action::create_organisation);  // platform admins
    return db.read(
        [&](storage::Connection& c) { return clients_page(views, request, c, "", "", 200); });
  });

  context.router.post("/admin/open311", [&db, &views](http::Request& request) {
    admin::require(db, request, organisations::Action::create_organisation);
    const auto name = web::form_value(request, "name");
    const auto n = core::character_count(name);
    if (n < 1 || n > 200 || !core::is_clean_text(name)) {
      return db.read([&](storage::Connection& c) {
        return clients_page(views, request, c, "", "feedback_client_name", 422);
      });
    }
    // The key is shown once, on the page that answers this request.
    const auto key = core::new_token();
    db.write([&](storage::Connection& c) {
      c.execute(
          "INSERT INTO open311_clients (name, key_digest, created_by, created_at) "
          "VALUES (?, ?, ?, ?)",
          name, core::token_digest(key), request.visitor.user_id,
          core::iso_timestamp(core::Clock::now()));
      audit::record(
          c, request,
          {"open311.client_created", "open311_client", std::to_string(c.last_insert_id())});
    });
    auto page = db.read(
        [&](storage::Connection& c) { return clients_page(views, request, c, key, "", 201); });
    page.headers.set("Cache-Control", "no-store");
    return page;
  });

  context.router.post("/admin/open311/{id}/revoke", [&db](http::Request& request) {
    admin::require(db, request, organisations::Action::create_organisation);
    const auto id = web::id_param(request, "id");
    db.write([&](storage::Connection& c) {
      if (c.execute("UPDATE open311_clients SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                    core::iso_timestamp(core::Clock::now()), id) == 0) {
        throw http::HttpError(404, "no_client");
      }
      audit::record(c, request, {"open311.client_revoked", "open311_client", std::to_string(id)});
    });
    return web::redirect("/admin/open311");
  });
}

}  // namespace ruamkit::features::feedback
