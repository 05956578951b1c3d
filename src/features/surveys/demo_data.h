// Demonstration survey in the demo PM2.5 process, open around today.
#pragma once

#include "features/component.h"

namespace ruamkit::features::surveys {

// Returns the number of records written (0 when it is there already).
int load_demo_data(DemoContext& d);

}  // namespace ruamkit::features::surveys
