// Demonstration spaces: OPDC's participatory-governance subcommittee with its
// meeting 2/2563 (minutes from the news item in demo/opdc-pages/), and a
// provincial process with phases around today. Loaded once (nothing when
// OPDC already has a committee).
#pragma once

#include "features/component.h"

namespace ruamkit::features::spaces {

// Returns the number of records written.
int load_demo_data(DemoContext& d);

}  // namespace ruamkit::features::spaces
