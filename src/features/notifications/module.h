// Notifications as a feature: inbox, settings, following spaces, digests.
#pragma once

#include "features/context.h"

namespace ruamkit::features::notifications {

void install(Context& context);

// Mails the daily digest to everyone who chose it.
void send_digests(const JobContext& job);

}  // namespace ruamkit::features::notifications
