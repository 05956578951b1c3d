// Surveys, a component of a process: public survey and results, the
// officials' builder and exports, and open data.
#pragma once

#include "features/context.h"

namespace ruamkit::features::surveys {

void install(Context& context);

// When a survey has closed, tells everyone who answered (once per survey).
void announce_closings(const JobContext& job);
void install_manage(Context& context);
void install_api(Context& context);

}  // namespace ruamkit::features::surveys
