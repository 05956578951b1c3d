// Feeds: Atom and RSS of public announcements, site-wide and per organisation.
#include "features/feeds/feeds.h"

namespace ruamkit::features::feeds {

Component component() {
  Component c;
  c.name = "feeds";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::feeds
