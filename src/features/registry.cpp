#include "features/registry.h"

#include "features/accounts/accounts.h"
#include "features/admin/admin.h"
#include "features/dev_outbox/dev_outbox.h"
#include "features/directory/directory.h"
#include "features/health/health.h"
#include "features/home/home.h"
#include "features/language/language.h"
#include "features/open_data/open_data.h"

namespace ruamkit::features {

void install_all(Context& context) {
  health::install(context);
  language::install(context);
  home::install(context);
  directory::install(context);
  open_data::install(context);
  accounts::install(context);
  admin::install(context);
  dev_outbox::install(context);
}

}  // namespace ruamkit::features
