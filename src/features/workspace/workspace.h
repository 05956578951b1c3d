// The officials' workspace (/manage): the organisations a person publishes
// for, and each one's spaces and pages, drafts included. Also the access
// rule every workspace page applies to the object it touches.
#pragma once

#include <cstdint>

#include <string>

#include "features/context.h"
#include "web/i18n.h"

namespace ruamkit::features::workspace {

void install(Context& context);

// Returns true when the signed-in visitor may manage (publish for)
// `organisation_id`: see its drafts, create, edit, upload, publish.
bool may_manage(storage::Connection& c, const http::Request& request, std::int64_t organisation_id);

// Throws unless the visitor may manage `organisation_id`: 303 to the log-in
// page when signed out, 403 otherwise.
void require_manage(storage::Connection& c, const http::Request& request,
                    std::int64_t organisation_id);

// The text of the ?notice= a workspace page was redirected with ("saved",
// "published" …, from workspace.notices.*), or "" when there is none or it
// is unknown.
std::string notice(const web::Catalogue& t, const http::Request& request);

}  // namespace ruamkit::features::workspace
