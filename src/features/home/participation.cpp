#include "features/home/participation.h"

namespace ruamkit::features::home {

ParticipationReference load_participation_reference(storage::Connection& connection) {
  ParticipationReference out;
  auto levels = connection.query("SELECT code, rank FROM participation_levels ORDER BY rank");
  while (levels.next()) {
    out.levels.push_back({levels.text(0), static_cast<int>(levels.integer(1))});
  }
  auto stages = connection.query("SELECT code FROM policy_stages ORDER BY position");
  while (stages.next()) out.stages.push_back(stages.text(0));
  return out;
}

}  // namespace ruamkit::features::home
