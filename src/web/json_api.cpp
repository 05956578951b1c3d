#include "features/open_data/json_api.h"

#include <boost/json/serialize.hpp>

#include <charconv>

#include "http/error.h"

namespace ruamkit::features::api {
namespace {

namespace json = boost::json;

int positive(const http::Request& request, std::string_view name, int fallback, int max) {
  const auto text = request.query_param(name);
  if (!text) return fallback;
  int value = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || ptr != text->data() + text->size() || value < 1 || value > max) {
    throw http::HttpError(400, "bad_paging");
  }
  return value;
}

}  // namespace

Paging paging(const http::Request& request) {
  return {positive(request, "page", 1, 100'000), positive(request, "per_page", 50, 200)};
}

http::Response reply(const json::value& body) {
  auto response = http::Response::json(json::serialize(body));
  response.headers.set("Access-Control-Allow-Origin", "*");
  response.headers.set("Cache-Control", "public, max-age=60");
  return response;
}

json::object page_meta(const std::string& path, const std::string& extra_query, const Paging& p,
                       std::int64_t total) {
  json::object meta;
  meta["page"] = p.page;
  meta["per_page"] = p.per_page;
  meta["total"] = total;
  json::object links;
  const auto base = path + "?" + extra_query + "per_page=" + std::to_string(p.per_page) + "&page=";
  links["self"] = base + std::to_string(p.page);
  links["next"] = static_cast<std::int64_t>(p.page) * p.per_page < total
                      ? json::value(base + std::to_string(p.page + 1))
                      : json::value(nullptr);
  links["prev"] =
      p.page > 1 ? json::value(base + std::to_string(p.page - 1)) : json::value(nullptr);
  meta["links"] = links;
  return meta;
}

json::value text_or_null(const std::string& s) {
  return s.empty() ? json::value(nullptr) : json::value(s);
}

std::int64_t id_value(std::string_view text) {
  std::int64_t id = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    throw http::HttpError(400, "bad_id");
  }
  return id;
}

std::int64_t id_param(const http::Request& request, std::string_view name) {
  std::int64_t id = 0;
  const auto text = request.path_param(name);
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    throw http::HttpError(404, "bad_id");
  }
  return id;
}

}  // namespace ruamkit::features::api
