// Cookie header parsing and Set-Cookie construction (RFC 6265).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ruamkit::http {

// Returns the value of cookie `name` in a Cookie header value, or nullopt.
std::optional<std::string_view> cookie_value(std::string_view cookie_header, std::string_view name);

struct CookieOptions {
  int max_age_seconds = -1;  // negative: a session cookie
  bool http_only = true;
  bool secure = false;
  std::string same_site = "Lax";
  std::string path = "/";
};

// Builds a Set-Cookie header value. `value` must already be cookie-safe.
std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& options);

}  // namespace ruamkit::http
