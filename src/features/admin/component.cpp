// The admin area: organisations, members and invitations, the audit log,
// platform roles.
#include "features/admin/admin.h"

namespace ruamkit::features::admin {

Component component() {
  Component c;
  c.name = "admin";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::admin
