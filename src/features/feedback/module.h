// Feedback cases: the suggestion box and complaint channel of every
// organisation. Citizens report through a web form or an Open311 GeoReport
// v2 client and follow their case by tracking code; officials triage,
// assign, forward, merge and resolve it with a public timeline; the
// reporter rates the outcome and may reopen it.
#pragma once

#include "features/context.h"

namespace ruamkit::features::feedback {

void install(Context& context);
void install_manage(Context& context);
void install_open311(Context& context);
void install_api(Context& context);
void install_categories(Context& context);
void install_reports(Context& context);
void install_open311_clients(Context& context);
void install_plan(Context& context);
void install_handlers(Context& context);

}  // namespace ruamkit::features::feedback
