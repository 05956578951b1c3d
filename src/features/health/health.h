// Probes for process supervisors and load balancers:
// GET /healthz answers while the process is alive;
// GET /readyz answers 200 only when the database is reachable and migrated.
#pragma once

#include "features/context.h"

namespace ruamkit::features::health {

void install(Context& context);

}  // namespace ruamkit::features::health
