// Demonstration feedback: report categories for a few organisations, cases
// of the Pollution Control Department in each state of the workflow, and an
// item of its improvement plan.
#pragma once

#include "features/component.h"

namespace ruamkit::features::feedback {

// Returns the number of records written (0 when it is there already).
int load_demo_data(DemoContext& d);

}  // namespace ruamkit::features::feedback
