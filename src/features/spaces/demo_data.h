// Demonstration content for the inform level: OPDC's five published pages
// (from demo/opdc-pages/, boilerplate stripped), the participatory-governance
// subcommittee with its meeting 2/2563, and a provincial process with phases
// around today. Loaded once (nothing when OPDC already has pages).
#pragma once

#include "features/demo.h"

namespace ruamkit::features::spaces {

// Returns the number of records written.
int load_demo_data(DemoContext& d);

}  // namespace ruamkit::features::spaces
