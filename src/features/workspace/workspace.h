// The officials' workspace (/manage): the organisations a person publishes
// for, and each one's spaces and pages, drafts included. (The access rule
// every workspace page applies is organisations::require_manage.)
#pragma once

#include "features/context.h"
#include "features/organisations/permissions.h"

namespace ruamkit::features::workspace {

void install(Context& context);

}  // namespace ruamkit::features::workspace
