#include "http/cookies.h"

#include "core/text.h"

namespace ruamkit::http {

std::optional<std::string_view> cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semicolon = header.find(';');
    auto pair = core::trim_blanks(header.substr(0, semicolon));
    header =
        semicolon == std::string_view::npos ? std::string_view{} : header.substr(semicolon + 1);
    const auto eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    if (core::trim_blanks(pair.substr(0, eq)) != name) continue;
    auto value = core::trim_blanks(pair.substr(eq + 1));
    if (value.size() >= 2 && value.front() == '"' && value.back() == '"') {
      value = value.substr(1, value.size() - 2);
    }
    return value;
  }
  return std::nullopt;
}

std::string set_cookie(std::string_view name, std::string_view value, const CookieOptions& o) {
  std::string out;
  out.append(name).append("=").append(value).append("; Path=").append(o.path);
  if (o.max_age_seconds >= 0) out.append("; Max-Age=").append(std::to_string(o.max_age_seconds));
  if (o.http_only) out.append("; HttpOnly");
  if (o.secure) out.append("; Secure");
  if (!o.same_site.empty()) out.append("; SameSite=").append(o.same_site);
  return out;
}

}  // namespace ruamkit::http
