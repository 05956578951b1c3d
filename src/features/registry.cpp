#include "features/registry.h"

#include "features/accounts/accounts.h"
#include "features/admin/admin.h"
#include "features/dev_outbox/dev_outbox.h"
#include "features/directory/directory.h"
#include "features/health/health.h"
#include "features/home/home.h"
#include "features/language/language.h"

namespace ruamkit::features {

void install_all(Context& context) {
  health::install(context);
  language::install(context);
  home::install(context);
  directory::install(context);
  accounts::install(context);
  admin::install(context);
  dev_outbox::install(context);
}

}  // namespace ruamkit::features
