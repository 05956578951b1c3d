// What a feature module receives when it is installed: where to register its
// routes and the shared services it may use. The Context itself lives only
// while features install; handlers capture the services, never the Context.
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
