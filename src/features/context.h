// What a feature module receives when it is installed: where to register its
// routes and the shared services it may use.
#pragma once

#include "http/router.h"
#include "storage/database.h"
#include "web/views.h"

namespace ruamkit::app {
struct Config;
}

namespace ruamkit::features {

struct Context {
  http::Router& router;
  storage::Database& database;
  const web::Views& views;
  const app::Config& config;
};

}  // namespace ruamkit::features
