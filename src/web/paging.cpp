#include "web/paging.h"

#include <charconv>

#include "http/error.h"

namespace ruamkit::web {

int page_number(const http::Request& request, int max) {
  const auto text = request.query_param("page");
  if (!text || text->empty()) return 1;
  int page = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), page);
  if (ec != std::errc() || ptr != text->data() + text->size() || page < 1 || page > max) {
    throw http::HttpError(400, "bad_page");
  }
  return page;
}

ViewData pager(const std::string& base, int page, int per_page, std::int64_t total) {
  ViewData data;
  data.set("previous", text_or_false(page > 1 ? base + std::to_string(page - 1) : ""));
  data.set("next", text_or_false(static_cast<std::int64_t>(page) * per_page < total
                                     ? base + std::to_string(page + 1)
                                     : ""));
  data.set("any", page > 1 || static_cast<std::int64_t>(page) * per_page < total);
  return data;
}

}  // namespace ruamkit::web
