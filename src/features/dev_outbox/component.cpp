// Development outbox: queued mail readable at /dev/outbox, only with
// --dev-outbox and only from this machine.
#include "features/dev_outbox/dev_outbox.h"

namespace ruamkit::features::dev_outbox {

Component component() {
  Component c;
  c.name = "dev_outbox";
  c.install = install;
  return c;
}

}  // namespace ruamkit::features::dev_outbox
