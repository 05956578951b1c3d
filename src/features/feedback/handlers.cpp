#include "features/feedback/handlers.h"

#include "core/clock.h"
#include "features/organisations/permissions.h"

namespace ruamkit::features::feedback {

std::vector<Handler> handlers_of(storage::Connection& c, std::int64_t organisation_id) {
  std::vector<Handler> out;
  auto rows = c.query(
      "SELECT h.id AS id, h.user_id AS user_id, COALESCE(u.display_name, '') AS name, "
      "h.category_id AS category_id, COALESCE(k.name_th, '') AS category_name_th, "
      "COALESCE(k.name_en, '') AS category_name_en FROM feedback_handlers h "
      "JOIN users u ON u.id = h.user_id LEFT JOIN feedback_categories k ON k.id = h.category_id "
      "WHERE h.organisation_id = ? ORDER BY u.display_name, h.id",
      organisation_id);
  while (rows.next()) {
    Handler h;
    h.id = rows.integer("id");
    h.user_id = rows.integer("user_id");
    h.name = rows.text("name");
    if (!rows.is_null("category_id")) h.category_id = rows.integer("category_id");
    h.category_name_th = rows.text("category_name_th");
    h.category_name_en = rows.text("category_name_en");
    out.push_back(std::move(h));
  }
  return out;
}

bool handles(storage::Connection& c, std::int64_t organisation_id, std::int64_t category_id,
             std::int64_t user_id) {
  auto rows = c.query(
      "SELECT 1 FROM feedback_handlers WHERE organisation_id = ? AND user_id = ? AND "
      "(category_id IS NULL OR category_id = ?)",
      organisation_id, user_id, category_id);
  return rows.next();
}

bool grant_handler(storage::Connection& c, std::int64_t organisation_id, std::int64_t user_id,
                   std::optional<std::int64_t> category_id,
                   std::optional<std::int64_t> granted_by) {
  // Held already when the unique index says so (not a read first).
  return c.execute(
             "INSERT INTO feedback_handlers (organisation_id, user_id, category_id, granted_by, "
             "created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
             organisation_id, user_id, category_id, granted_by,
             core::iso_timestamp(core::Clock::now())) > 0;
}

std::optional<std::int64_t> handler_organisation(storage::Connection& c, std::int64_t id) {
  auto rows = c.query("SELECT organisation_id FROM feedback_handlers WHERE id = ?", id);
  if (!rows.next()) return std::nullopt;
  return rows.integer(0);
}

std::optional<std::int64_t> revoke_handler(storage::Connection& c, std::int64_t id) {
  const auto organisation = handler_organisation(c, id);
  if (organisation) c.execute("DELETE FROM feedback_handlers WHERE id = ?", id);
  return organisation;
}

bool may_see_reporter(storage::Connection& c, const http::Request& request, const Case& f) {
  if (!request.visitor.signed_in()) return false;
  const auto me = request.visitor.user_id;
  // Only officials who still act for the organisation.
  if (!organisations::may_manage(c, request, f.organisation_id)) return false;
  if (handles(c, f.organisation_id, f.category.id, me)) return true;
  return f.assignee_id == me && f.assigned_by && *f.assigned_by != me;
}

}  // namespace ruamkit::features::feedback
