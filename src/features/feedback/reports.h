// Loading the feedback report of an organisation (shared by the report page
// and the JSON API).
#pragma once

#include <cstdint>
#include <string>

#include "features/feedback/report.h"
#include "http/message.h"
#include "storage/database.h"

namespace ruamkit::features::feedback {

struct Period {
  int fiscal_year = 0;      // Buddhist Era
  std::string first, last;  // YYYY-MM-DD, inclusive
};

// ?fy= (a Buddhist-Era fiscal year, 2500–2700), or the current one. Throws
// HttpError 400 for another value.
Period read_period(const http::Request& request);

struct LoadedReport {
  Summary summary;
};
// The summary of the cases `organisation_id` received in `period`, with
// category names in `locale`.
LoadedReport load_report(storage::Connection& c, std::int64_t organisation_id, const Period& period,
                         const std::string& locale);

}  // namespace ruamkit::features::feedback
