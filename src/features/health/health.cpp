#include "features/health/health.h"

#include <spdlog/spdlog.h>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "features/registry.h"
#include "storage/migrations.h"

namespace ruamkit::features::health {

void install(Context& context) {
  context.router.get("/healthz", [](http::Request&) {
    auto response =
        http::Response::json(boost::json::serialize(boost::json::object{{"status", "alive"}}));
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  context.router.get("/readyz", [&db = context.database,
                                 &registry = context.registry](http::Request& request) {
    int version = -1;
    int pending = -1;
    try {
      db.read([&](storage::Connection& c) {
        version = storage::schema_version(c);
        pending = registry.pending_migrations(c);
      });
    } catch (const storage::DatabaseError& e) {
      spdlog::warn("readiness check {}: database unreachable: {}", request.request_id, e.what());
    }
    const bool ready = pending == 0;
    const boost::json::object body{{"status", ready ? "ready" : "unavailable"},
                                   {"schema_version", version},
                                   {"pending_migrations", pending}};
    auto response = http::Response::json(boost::json::serialize(body), ready ? 200 : 503);
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace ruamkit::features::health
