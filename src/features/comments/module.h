// Comments as a feature: the routes every component's threads use, and the
// moderators' queue (/manage/organisations/{id}/moderation).
#pragma once

#include "features/context.h"

namespace ruamkit::features::comments {

void install(Context& context);

}  // namespace ruamkit::features::comments
