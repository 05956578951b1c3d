// Open data: /api/v1 organisations, search, evidence and the OpenAPI document; sitemap and
// robots.txt.
#include "features/open_data/open_data.h"

namespace ruamkit::features::open_data {

Component component() {
  Component c;
  c.name = "open_data";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::open_data
