// Workspace: the officials' overview of what they publish (/manage).
#include "features/workspace/workspace.h"

namespace ruamkit::features::workspace {

Component component() {
  Component c;
  c.name = "workspace";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::workspace
