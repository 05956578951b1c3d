// Health: /healthz (alive) and /readyz (database reachable, schema current), for load balancers.
#include "features/health/health.h"

namespace ruamkit::features::health {

Component component() {
  Component c;
  c.name = "health";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::health
