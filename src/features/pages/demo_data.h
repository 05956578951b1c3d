// Demonstration content for the inform level: OPDC's five published pages
// (demo/opdc-pages/*.md, converted once from its web site) and an
// announcement inside the demo PM2.5 process. Loaded once (nothing when OPDC
// already has pages).
#pragma once

#include "features/component.h"

namespace ruamkit::features::pages {

// Returns the number of records written.
int load_demo_data(DemoContext& d);

}  // namespace ruamkit::features::pages
