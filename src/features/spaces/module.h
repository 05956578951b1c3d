// Spaces as a feature: the public pages of processes and committees, and the
// officials' workspace where they are created, described, given phases,
// members and meeting records, and published.
#pragma once

#include "features/context.h"

namespace ruamkit::features::spaces {

void install(Context& context);
void install_public(Context& context);
void install_manage(Context& context);
void install_api(Context& context);
void install_meetings(Context& context);

// Where officials manage space `id`.
std::string manage_url(std::int64_t id);

// Loads space `id` for the workspace: throws HttpError 404 when there is
// none, and 303/403 unless the visitor may manage its organisation.
struct Space;
Space managed_space(storage::Connection& c, const http::Request& request, std::int64_t id);

}  // namespace ruamkit::features::spaces
