// Spaces as a feature: the public pages of processes and committees, and the
// officials' workspace where they are created, described, given phases,
// members and meeting records, and published.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "features/context.h"

namespace ruamkit::features::spaces {

void install(Context& context);
void install_public(Context& context);
void install_manage(Context& context);
void install_api(Context& context);
void install_meetings(Context& context);

// The details of an audit entry about something in space `space_id`: JSON
// {"space": id, …values} (e.g. what a removed member was).
std::string audit_details(std::int64_t space_id,
                          const std::vector<std::pair<std::string, std::string>>& values = {});

// Where officials manage space `id`.
std::string manage_url(std::int64_t id);

// Loads space `id` for the workspace: throws HttpError 404 when there is
// none, and 303/403 unless the visitor may manage its organisation.
struct Space;
Space managed_space(storage::Connection& c, const http::Request& request, std::int64_t id);

}  // namespace ruamkit::features::spaces
