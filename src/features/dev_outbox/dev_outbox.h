// GET /dev/outbox: the mail Ruamkit has queued, readable in the browser, so a
// newcomer running `make run` can complete sign-up without a mail server.
// Installed only in development mode (--dev-outbox); it shows other people's
// mail, so it must never be on in production.
#pragma once

#include "features/context.h"

namespace ruamkit::features::dev_outbox {

void install(Context& context);

}  // namespace ruamkit::features::dev_outbox
