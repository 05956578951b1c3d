// Who may do what, for which organisation. Deny by default: a permission is
// granted only by a rule below. Checked in the service layer on every object
// (ASVS 4.1.3, 4.2.1), never only by hiding links.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"
#include "storage/database.h"

namespace ruamkit::features::organisations {

enum class Role { official, moderator, admin };

std::optional<Role> parse_role(std::string_view text);
std::string_view role_name(Role role);

struct Membership {
  std::int64_t organisation_id;
  Role role;
};

// What one signed-in person holds.
struct Grants {
  std::int64_t user_id = 0;
  bool platform_admin = false;
  bool evaluator = false;
  std::vector<Membership> memberships;

  bool has(std::int64_t organisation_id, Role role) const;
  // Organisations in which the person holds any role.
  std::vector<std::int64_t> organisations() const;
};

enum class Action {
  enter_admin_area,     // see /admin at all
  create_organisation,  // add an organisation to the tree
  edit_organisation,    // names, contacts
  manage_members,       // invite, grant and remove roles
  view_audit_log,       // the organisation's audit entries
  publish,              // publish content for the organisation (officials)
  moderate,             // handle reports on the organisation's content
};

// Returns true when `grants` allow `action` on `organisation_id` (nullopt for
// actions not tied to one organisation).
bool allowed(const Grants& grants, Action action, std::optional<std::int64_t> organisation_id);

// Loads the grants of `user_id` (empty grants for 0 or a deleted account).
Grants load_grants(storage::Connection& c, std::int64_t user_id);

// Returns true when the signed-in visitor may manage (publish for)
// `organisation_id`: see its drafts, create, edit, upload, publish.
bool may_manage(storage::Connection& c, const http::Request& request, std::int64_t organisation_id);

// Throws unless the visitor may manage `organisation_id`: 303 to the log-in
// page when signed out, 403 otherwise.
void require_manage(storage::Connection& c, const http::Request& request,
                    std::int64_t organisation_id);

}  // namespace ruamkit::features::organisations
