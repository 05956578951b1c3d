// Paging of public lists: the page asked for, and the previous/next links.
#pragma once

#include <cstdint>
#include <string>

#include "http/message.h"
#include "web/view_data.h"

namespace ruamkit::web {

// Returns ?page= of `request` (1 when absent). Throws HttpError 400 when it is
// not a whole number from 1 to `max`.
int page_number(const http::Request& request, int max = 10'000);

// Returns {previous, next} for a list at `page` of `per_page` items out of
// `total`: each the link (`base` followed by the page number, e.g.
// "/processes?level=consult&page=") or false when there is none.
ViewData pager(const std::string& base, int page, int per_page, std::int64_t total);

}  // namespace ruamkit::web
