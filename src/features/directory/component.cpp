// Directory: the organisations' public pages and the site-wide search page.
#include "features/directory/directory.h"

namespace ruamkit::features::directory {

Component component() {
  Component c;
  c.name = "directory";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::directory
