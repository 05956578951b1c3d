// The public face of organisations: /organisations (the tree, in Thai order)
// and /organisations/{slug} (who they are, their mission, contacts and the
// channels through which people can take part), and /search over everything
// public, Thai words included.
#pragma once

#include "features/context.h"

namespace ruamkit::features::directory {

void install(Context& context);

}  // namespace ruamkit::features::directory
