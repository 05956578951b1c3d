// POST /locale: remembers the person's language in a cookie and returns them
// to the page they were on. A plain form, so it works without JavaScript.
#pragma once

#include "features/context.h"

namespace ruamkit::features::language {

void install(Context& context);

}  // namespace ruamkit::features::language
