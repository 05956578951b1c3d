// The reference data every participatory activity points at: the IAP2
// levels (inform … empower) and the policy-cycle stages.
#pragma once

#include <string>
#include <vector>

#include "storage/database.h"

namespace ruamkit::features::home {

struct ParticipationLevel {
  std::string code;
  int rank;
};

struct ParticipationReference {
  std::vector<ParticipationLevel> levels;  // by rank, least influence first
  std::vector<std::string> stages;         // in policy-cycle order
};

ParticipationReference load_participation_reference(storage::Connection& connection);

}  // namespace ruamkit::features::home
