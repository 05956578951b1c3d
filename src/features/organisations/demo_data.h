// Demonstration organisations and accounts for `ruamkit seed-demo`: real Thai
// agencies and provinces, and demo people in known roles. Never load these
// into a production database: the demo password is public.
#pragma once

#include <string>

#include "storage/database.h"

namespace ruamkit::features::organisations {

inline constexpr const char* kDemoPassword = "ruamkit demo 2569";

// Loads what is missing; returns the number of records written.
int load_demo_data(storage::Connection& c);

// A line per demo account, for printing.
std::string demo_accounts_summary();

}  // namespace ruamkit::features::organisations
