#include "features/registry.h"

#include "features/accounts/accounts.h"
#include "features/admin/admin.h"
#include "features/comments/module.h"
#include "features/dev_outbox/dev_outbox.h"
#include "features/directory/directory.h"
#include "features/documents/module.h"
#include "features/feedback/module.h"
#include "features/feeds/feeds.h"
#include "features/health/health.h"
#include "features/hearings/module.h"
#include "features/home/home.h"
#include "features/language/language.h"
#include "features/notifications/module.h"
#include "features/open_data/open_data.h"
#include "features/pages/module.h"
#include "features/spaces/module.h"
#include "features/surveys/module.h"
#include "features/workspace/workspace.h"

namespace ruamkit::features {

void install_all(Context& context) {
  health::install(context);
  language::install(context);
  home::install(context);
  directory::install(context);
  open_data::install(context);
  spaces::install(context);
  pages::install(context);
  documents::install(context);
  feeds::install(context);
  workspace::install(context);
  comments::install(context);
  notifications::install(context);
  hearings::install(context);
  surveys::install(context);
  feedback::install(context);
  accounts::install(context);
  admin::install(context);
  dev_outbox::install(context);
}

}  // namespace ruamkit::features
