#include "features/demo.h"

#include <functional>
#include <vector>

#include "features/feedback/demo_data.h"
#include "features/hearings/demo_data.h"
#include "features/organisations/demo_data.h"
#include "features/spaces/demo_data.h"
#include "features/surveys/demo_data.h"

namespace ruamkit::features {
namespace {

struct DemoDataSet {
  const char* name;
  // Loads the data set; returns the number of records written (0 when it was
  // already there).
  std::function<int(DemoContext&)> load;
};

// Feature modules add their demo data sets here, one line each.
const std::vector<DemoDataSet>& demo_data_sets() {
  static const std::vector<DemoDataSet> sets = {
      {"organisations and people",
       [](DemoContext& d) { return organisations::load_demo_data(d.connection); }},
      {"OPDC pages, processes and committees", spaces::load_demo_data},
      {"a public hearing", hearings::load_demo_data},
      {"a survey", surveys::load_demo_data},
      {"feedback categories, cases and an improvement plan", feedback::load_demo_data},
  };
  return sets;
}

}  // namespace

std::string load_demo_data(storage::Database& database, const std::string& share_dir) {
  const auto& sets = demo_data_sets();
  if (sets.empty()) {
    return "schema is current; no feature has demo data yet (reference data comes with the schema)";
  }
  return database.write([&](storage::Connection& c) {
    std::string report;
    DemoContext context{c, share_dir};
    for (const auto& set : sets) {
      const int written = set.load(context);
      report += std::string(report.empty() ? "" : ", ") + set.name + ": " + std::to_string(written);
    }
    return "demo data loaded (" + report + ")\n" + organisations::demo_accounts_summary();
  });
}

}  // namespace ruamkit::features
