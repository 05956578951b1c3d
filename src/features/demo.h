// Demonstration data for `ruamkit seed-demo` and `make run`. Each feature
// that has demo data adds its loader to demo.cpp; loaders are idempotent.
#pragma once

#include <string>

#include "storage/database.h"

namespace ruamkit::features {

// What a demo data set may read: the database, and the share directory with
// demo/ (texts that come with the source, e.g. OPDC's published pages).
struct DemoContext {
  storage::Connection& connection;
  std::string share_dir;
};

// Loads every feature's demo data that is not loaded yet, in one write
// transaction. Returns a one-line report of what was loaded.
std::string load_demo_data(storage::Database& database, const std::string& share_dir);

}  // namespace ruamkit::features
