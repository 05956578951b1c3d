// Demonstration data for `ruamkit seed-demo` and `make run`: every
// component's demo data sets (its manifest's demo_data), in registration
// order, in one write transaction. Loaders are idempotent.
#pragma once

#include <string>

#include "features/registry.h"
#include "storage/database.h"

namespace ruamkit::features {

// Loads every component's demo data that is not loaded yet. Returns a report
// of what was loaded, with the components' notes (e.g. demo accounts).
std::string load_demo_data(const Registry& registry, storage::Database& database,
                           const std::string& share_dir);

}  // namespace ruamkit::features
