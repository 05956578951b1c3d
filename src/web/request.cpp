#include "web/request.h"

#include <charconv>

#include "core/text.h"
#include "http/error.h"
#include "http/url.h"

namespace ruamkit::web {

std::optional<std::int64_t> parse_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

std::int64_t id_param(const http::Request& request, std::string_view name) {
  const auto id = parse_id(request.path_param(name));
  if (!id) throw http::HttpError(404, "bad_id");
  return *id;
}

std::int64_t id_value(std::string_view text) {
  const auto id = parse_id(text);
  if (!id) throw http::HttpError(400, "bad_id");
  return *id;
}

std::string form_value(const http::Request& request, std::string_view name) {
  return std::string(core::trim_blanks(http::find_param(request.form(), name).value_or("")));
}

std::int64_t require_signed_in(const http::Request& request) {
  if (request.visitor.signed_in()) return request.visitor.user_id;
  http::HttpError error(303, "sign_in_required");
  error.headers().set("Location", "/login?return=" + http::encode_query_value(request.target));
  throw error;
}

http::Response redirect(std::string location, const std::vector<std::string>& cookies) {
  auto response = http::Response::see_other(std::move(location));
  for (const auto& cookie : cookies) response.headers.add("Set-Cookie", cookie);
  return response;
}

std::string notice(const Catalogue& t, const http::Request& request, std::string_view prefix) {
  const auto code = request.query_param("notice");
  if (!code || code->empty() || code->size() > 40) return "";
  const auto key = std::string(prefix) + std::string(*code);
  return t.has(key) ? t.text(key) : "";
}

}  // namespace ruamkit::web
