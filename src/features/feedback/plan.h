// The improvement plan: what an organisation will change because of what its
// feedback reports showed, who is responsible, by when, and whether it is
// done. Public, by fiscal year.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/feedback/rules.h"
#include "storage/database.h"

namespace ruamkit::features::feedback {

struct PlanItem {
  std::int64_t id = 0;
  std::int64_t organisation_id = 0;
  int fiscal_year = 0;
  std::string title, finding, action;
  std::optional<std::int64_t> owner_id;
  std::string owner_name;
  std::string due_on;              // YYYY-MM-DD or ""
  std::string status = "planned";  // planned, in_progress, done
  std::string done_note, updated_at;
};

// Title 1–300 characters; finding and action 1–5,000; a known status; a real
// due day or none; a fiscal year 2500–2700.
Problems check_plan_item(const PlanItem& item);

std::vector<PlanItem> plan(storage::Connection& c, std::int64_t organisation_id, int fiscal_year);
std::optional<PlanItem> find_plan_item(storage::Connection& c, std::int64_t id);
// Inserts (id 0) or updates `item`; returns its id.
std::int64_t save_plan_item(storage::Connection& c, const PlanItem& item);

}  // namespace ruamkit::features::feedback
