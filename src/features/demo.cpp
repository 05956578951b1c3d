#include "features/demo.h"

namespace ruamkit::features {

std::string load_demo_data(const Registry& registry, storage::Database& database,
                           const std::string& share_dir) {
  return database.write([&](storage::Connection& c) {
    std::string report, notes;
    DemoContext context{c, share_dir};
    for (const auto& component : registry.components()) {
      for (const auto& set : component.demo_data) {
        const int written = set.load(context);
        report +=
            std::string(report.empty() ? "" : ", ") + set.name + ": " + std::to_string(written);
        if (set.notes) notes += set.notes();
      }
    }
    if (report.empty()) return std::string("schema is current; no component has demo data");
    return "demo data loaded (" + report + ")\n" + notes;
  });
}

}  // namespace ruamkit::features
