// GET /: what Ruamkit is for and the five levels of participation.
#pragma once

#include "features/context.h"

namespace ruamkit::features::home {

void install(Context& context);

}  // namespace ruamkit::features::home
