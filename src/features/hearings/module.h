// Public hearings (การรับฟังความคิดเห็น) on draft texts, a component of a
// process: public pages, the officials' workspace and comment exports.
#pragma once

#include "features/context.h"

namespace ruamkit::features::hearings {

void install(Context& context);

// When a hearing has closed, tells everyone who took part (once per hearing).
void announce_closings(const JobContext& job);
void install_manage(Context& context);
void install_exports(Context& context);
void install_api(Context& context);

}  // namespace ruamkit::features::hearings
