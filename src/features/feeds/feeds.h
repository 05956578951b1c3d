// Atom 1.0 and RSS 2.0 feeds of public announcements: site-wide at
// /feed.atom and /feed.rss, and per organisation at
// /organisations/{slug}/feed.atom|rss. Drafts never appear.
#pragma once

#include "features/context.h"

namespace ruamkit::features::feeds {

void install(Context& context);

}  // namespace ruamkit::features::feeds
