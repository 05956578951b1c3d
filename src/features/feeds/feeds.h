// Atom 1.0 and RSS 2.0 feeds of public announcements: site-wide at
// /feed.atom and /feed.rss, and per organisation at
// /organisations/{slug}/feed.atom|rss. Drafts never appear.
#pragma once

#include <string>

#include "features/context.h"

namespace ruamkit::features::feeds {

void install(Context& context);

// The absolute root of the site ("https://ruamkit.example.go.th"): the
// configured --base-url, else the request's Host when it is a plain host
// name, else http://localhost. No trailing slash.
std::string site_root(const app::Config& config, const http::Request& request);

}  // namespace ruamkit::features::feeds
