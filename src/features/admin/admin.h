// The admin area (/admin): organisations and their members, invitations of
// officials by e-mail, the audit log, and platform roles. Every handler
// checks the permission for the object it touches (deny by default); a
// person acting for one organisation gets 403 on another's pages.
#pragma once

#include <cstdint>
#include <optional>

#include "features/context.h"
#include "features/organisations/permissions.h"

namespace ruamkit::features::admin {

void install(Context& context);

void install_organisations(Context& context);
void install_members(Context& context);
void install_audit(Context& context);
void install_users(Context& context);

// Loads the grants of the signed-in visitor and throws unless they allow
// `action` (303 to log-in when signed out, 403 otherwise).
organisations::Grants require(storage::Database& db, const http::Request& request,
                              organisations::Action action,
                              std::optional<std::int64_t> organisation_id = std::nullopt);

}  // namespace ruamkit::features::admin
