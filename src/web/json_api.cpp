#include "web/json_api.h"

#include <boost/json/serialize.hpp>

#include <charconv>

#include "http/error.h"

namespace ruamkit::web::api {
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

bool plain_host(std::string_view host) {
  if (host.empty() || host.size() > 255) return false;
  for (char ch : host) {
    const bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
                    (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == ':' || ch == '[' ||
                    ch == ']';
    if (!ok) return false;
  }
  return true;
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

std::string site_root(std::string_view base_url, const http::Request& request) {
  std::string root(base_url);
  if (root.empty()) {
    const auto host = request.header("Host").value_or("");
    root = "http://" + std::string(plain_host(host) ? host : "localhost");
  }
  while (!root.empty() && root.back() == '/') root.pop_back();
  return root;
}

}  // namespace ruamkit::web::api
