#include "http/message.h"

#include "core/text.h"
#include "http/error.h"
#include "http/multipart.h"
#include "http/url.h"

namespace ruamkit::http {

std::optional<std::string_view> Headers::get(std::string_view name) const {
  for (const auto& [k, v] : items_) {
    if (core::ascii_iequals(k, name)) return std::string_view(v);
  }
  return std::nullopt;
}

void Headers::set(std::string_view name, std::string value) {
  std::erase_if(items_, [&](const auto& item) { return core::ascii_iequals(item.first, name); });
  items_.emplace_back(std::string(name), std::move(value));
}

void Headers::add(std::string_view name, std::string value) {
  items_.emplace_back(std::string(name), std::move(value));
}

std::optional<std::string_view> find_param(const Params& params, std::string_view name) {
  for (const auto& [k, v] : params) {
    if (k == name) return std::string_view(v);
  }
  return std::nullopt;
}

std::vector<std::string> find_params(const Params& params, std::string_view name) {
  std::vector<std::string> out;
  for (const auto& [k, v] : params) {
    if (k == name) out.push_back(v);
  }
  return out;
}

std::string_view Request::path_param(std::string_view name) const {
  auto value = find_param(path_params, name);
  return value ? *value : std::string_view{};
}

const Params& Request::form() const {
  if (form_) return *form_;
  const auto type = header("Content-Type").value_or("");
  const auto semicolon = type.find(';');
  const auto mime = type.substr(0, semicolon);
  if (core::ascii_iequals(mime, "multipart/form-data")) {
    auto parts = parse_multipart(type, body);
    if (!parts) throw HttpError(400, "bad_multipart");
    files_ = std::move(parts->files);
    form_ = std::move(parts->fields);
    return *form_;
  }
  if (!core::ascii_iequals(mime, "application/x-www-form-urlencoded")) {
    throw HttpError(415, "unsupported_media_type");
  }
  auto parsed = parse_form(body);
  if (!parsed) throw HttpError(400, "bad_form");
  form_ = std::move(*parsed);
  return *form_;
}

const std::vector<FilePart>& Request::files() const {
  form();
  return files_;
}

namespace {

Response typed(std::string_view type, std::string body, int status) {
  Response r;
  r.status = status;
  r.headers.set("Content-Type", std::string(type));
  r.body = std::move(body);
  return r;
}

}  // namespace

Response Response::html(std::string body, int status) {
  return typed("text/html; charset=utf-8", std::move(body), status);
}

Response Response::json(std::string body, int status) {
  return typed("application/json", std::move(body), status);
}

Response Response::text(std::string body, int status) {
  return typed("text/plain; charset=utf-8", std::move(body), status);
}

Response Response::see_other(std::string location) {
  Response r;
  r.status = 303;
  r.headers.set("Location", std::move(location));
  return r;
}

}  // namespace ruamkit::http
