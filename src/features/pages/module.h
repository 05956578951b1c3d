// Pages and announcements as a feature: public reading (with revisions), the
// list of announcements, and the officials' editor under /manage.
#pragma once

#include "features/context.h"

namespace ruamkit::features::pages {

void install(Context& context);
void install_api(Context& context);

}  // namespace ruamkit::features::pages
