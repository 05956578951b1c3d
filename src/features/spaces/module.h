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

}  // namespace ruamkit::features::spaces
