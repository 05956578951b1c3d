// What every /api/v1 endpoint shares: paging parameters, the page metadata
// with links, and the JSON response open to any origin. Features that
// publish something add their own endpoints with these.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "http/message.h"

namespace ruamkit::features::api {

struct Paging {
  int page = 1;
  int per_page = 50;
  int offset() const { return (page - 1) * per_page; }
};

// Reads ?page= (1–100,000) and ?per_page= (1–200, default 50). Throws
// HttpError 400 when either is not such a number.
Paging paging(const http::Request& request);

// A 200 JSON response any site may read (no cookies are involved), briefly
// cacheable.
http::Response reply(const boost::json::value& body);

// {page, per_page, total, links: {self, next, prev}}; links are
// `path`?`extra_query`per_page=…&page=… (extra_query ends in '&' when set).
boost::json::object page_meta(const std::string& path, const std::string& extra_query,
                              const Paging& p, std::int64_t total);

// null for "", else the string.
boost::json::value text_or_null(const std::string& s);

// Parses a query value as a positive id; throws HttpError 400 otherwise.
std::int64_t id_value(std::string_view text);

// Parses path parameter `name` as a positive id; throws HttpError 404 otherwise.
std::int64_t id_param(const http::Request& request, std::string_view name);

}  // namespace ruamkit::features::api
