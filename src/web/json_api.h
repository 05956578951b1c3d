// What every /api/v1 endpoint shares: paging parameters, the page metadata
// with links, and the JSON response open to any origin. Features that
// publish something add their own endpoints with these.
#pragma once

#include <boost/json/value.hpp>

#include <cstdint>
#include <string>
#include <string_view>

#include "http/message.h"

namespace ruamkit::web::api {

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

// The absolute root of the site ("https://ruamkit.example.go.th"):
// `base_url` (--base-url) when set, else the request's Host when it is a
// plain host name, else http://localhost. No trailing slash.
std::string site_root(std::string_view base_url, const http::Request& request);

}  // namespace ruamkit::web::api
