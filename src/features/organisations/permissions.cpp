#include "features/organisations/permissions.h"

#include <algorithm>

#include "http/error.h"
#include "web/request.h"

namespace ruamkit::features::organisations {

std::optional<Role> parse_role(std::string_view text) {
  if (text == "official") return Role::official;
  if (text == "moderator") return Role::moderator;
  if (text == "admin") return Role::admin;
  return std::nullopt;
}

std::string_view role_name(Role role) {
  switch (role) {
    case Role::official:
      return "official";
    case Role::moderator:
      return "moderator";
    case Role::admin:
      return "admin";
  }
  return "official";
}

bool Grants::has(std::int64_t organisation_id, Role role) const {
  return std::any_of(memberships.begin(), memberships.end(), [&](const Membership& m) {
    return m.organisation_id == organisation_id && m.role == role;
  });
}

std::vector<std::int64_t> Grants::organisations() const {
  std::vector<std::int64_t> out;
  for (const auto& m : memberships) {
    if (std::find(out.begin(), out.end(), m.organisation_id) == out.end()) {
      out.push_back(m.organisation_id);
    }
  }
  return out;
}

bool allowed(const Grants& g, Action action, std::optional<std::int64_t> organisation_id) {
  if (g.user_id == 0) return false;
  if (g.platform_admin) return true;
  switch (action) {
    case Action::enter_admin_area:
      return std::any_of(g.memberships.begin(), g.memberships.end(),
                         [](const Membership& m) { return m.role == Role::admin; });
    case Action::create_organisation:
      return false;  // the tree is the platform admins' to shape
    case Action::edit_organisation:
    case Action::manage_members:
    case Action::view_audit_log:
      return organisation_id && g.has(*organisation_id, Role::admin);
    case Action::publish:
      return organisation_id &&
             (g.has(*organisation_id, Role::official) || g.has(*organisation_id, Role::admin));
    case Action::moderate:
      return organisation_id &&
             (g.has(*organisation_id, Role::moderator) || g.has(*organisation_id, Role::admin));
  }
  return false;
}

Grants load_grants(storage::Connection& c, std::int64_t user_id) {
  Grants g;
  if (user_id == 0) return g;
  auto user = c.query(
      "SELECT is_platform_admin, is_evaluator FROM users WHERE id = ? AND deleted_at IS NULL",
      user_id);
  if (!user.next()) return g;
  g.user_id = user_id;
  g.platform_admin = user.integer(0) != 0;
  g.evaluator = user.integer(1) != 0;
  auto rows = c.query(
      "SELECT m.organisation_id, m.role FROM memberships m "
      "JOIN organisations o ON o.id = m.organisation_id "
      "WHERE m.user_id = ? AND o.archived_at IS NULL",
      user_id);
  while (rows.next()) {
    if (auto role = parse_role(rows.text(1))) g.memberships.push_back({rows.integer(0), *role});
  }
  return g;
}

bool may_manage(storage::Connection& c, const http::Request& request,
                std::int64_t organisation_id) {
  if (!request.visitor.signed_in()) return false;
  return allowed(load_grants(c, request.visitor.user_id), Action::publish, organisation_id);
}

void require_manage(storage::Connection& c, const http::Request& request,
                    std::int64_t organisation_id) {
  web::require_signed_in(request);
  if (!may_manage(c, request, organisation_id)) throw http::HttpError(403, "not_permitted");
}

}  // namespace ruamkit::features::organisations
