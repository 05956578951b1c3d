#include "features/health/health.h"

#include <spdlog/spdlog.h>

#include "storage/migrations.h"

namespace ruamkit::features::health {

void install(Context& context) {
  context.router.get("/healthz", [](http::Request&) {
    auto response = http::Response::json(R"({"status":"alive"})");
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  context.router.get("/readyz", [&db = context.database](http::Request& request) {
    const int expected = storage::latest_version(storage::embedded_migrations());
    int version = -1;
    try {
      version = db.read([](storage::Connection& c) { return storage::schema_version(c); });
    } catch (const storage::DatabaseError& e) {
      spdlog::warn("readiness check {}: database unreachable: {}", request.request_id, e.what());
    }
    const bool ready = version == expected;
    auto response =
        http::Response::json(std::string(R"({"status":")") + (ready ? "ready" : "unavailable") +
                                 R"(","schema_version":)" + std::to_string(version) + "}",
                             ready ? 200 : 503);
    response.headers.set("Cache-Control", "no-store");
    return response;
  });
}

}  // namespace ruamkit::features::health
