// Notifications as a feature: inbox, settings, following spaces, digests.
#pragma once

#include "features/context.h"

namespace ruamkit::features::notifications {

void install(Context& context);

}  // namespace ruamkit::features::notifications
