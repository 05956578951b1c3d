// Open data: public lists and items as JSON under /api/v1/, described by the
// OpenAPI 3 document at /api/v1/openapi.json (api/openapi.json in the share
// directory). Stable numeric ids, paging with page/per_page, and RFC 9457
// problem JSON for errors. Only public data: nothing here needs a session.
// Also /sitemap.xml and /robots.txt for search engines.
#pragma once

#include "features/context.h"

namespace ruamkit::features::open_data {

void install(Context& context);

}  // namespace ruamkit::features::open_data
