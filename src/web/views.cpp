#include "web/views.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/day.h"
#include "core/fiscal_year.h"
#include "storage/database.h"
#include "web/dates.h"
#include "web/locale.h"

namespace ruamkit::web {

bool wants_json(const http::Request& request) {
  if (request.path.starts_with("/api/")) return true;
  const auto accept = request.header("Accept");
  if (!accept) return false;
  const bool json = accept->find("application/json") != std::string_view::npos ||
                    accept->find("application/problem+json") != std::string_view::npos;
  return json && accept->find("text/html") == std::string_view::npos;
}

Views::Views(const TemplateStore& templates, const Catalogues& catalogues,
             const http::StaticFiles& assets, Clock clock)
    : templates_(templates), catalogues_(catalogues), assets_(assets), clock_(std::move(clock)) {}

const Catalogue& Views::messages(const http::Request& request) const {
  return catalogues_.get(request.locale);
}

http::Response Views::page(const http::Request& request, std::string_view template_name,
                           const std::string& title, const ViewData& data, int status) const {
#ifndef NDEBUG
  // Pages render after the write transaction (see features/respond.h): the
  // write lock must not wait for a template. Debug builds (the tests) insist.
  if (storage::in_write_transaction()) {
    throw std::logic_error("page " + std::string(template_name) +
                           " rendered inside a write transaction");
  }
#endif
  const Catalogue& t = messages(request);
  const ViewData& globals = t.globals();
  ViewData per_request;
  per_request.set("csrf_token", request.visitor.csrf_token);
  per_request.set("signed_in", request.visitor.signed_in());
  per_request.set("current_path",
                  request.target.size() <= 2048 ? request.target : std::string("/"));
  const std::string content = templates_.render(template_name, data, per_request, globals);

  const auto today = core::today_in_thailand(clock_());
  ViewData layout;
  layout.set("lang", t.locale());
  layout.set("title", title);
  layout.set("content", content);
  layout.set("current_path", request.target.size() <= 2048 ? request.target : std::string("/"));
  ViewList locales;
  for (const auto& code : supported_locales()) {
    ViewData item;
    item.set("code", code);
    item.set("label", t.text("locale." + code));
    item.set("active", code == t.locale());
    locales.push_back(item);
  }
  layout.set("locales", locales);
  layout.set("today_iso", core::iso_date(today));
  layout.set("today_display", format_long_date(today, t.locale()));
  layout.set(
      "fiscal_year_display",
      t.format("layout.fiscal_year", {{"year", std::to_string(core::fiscal_year_be(today) -
                                                              (t.locale() == "th" ? 0 : 543))}}));
  layout.set("css_href", assets_.url_for("css/app.css"));
  layout.set("htmx_src", assets_.url_for("vendor/htmx/htmx.min.js"));
  layout.set("location_src", assets_.url_for("js/location.js"));
  layout.set("request_id", request.request_id);
  layout.set("csrf_token", request.visitor.csrf_token);
  layout.set("signed_in", request.visitor.signed_in());
  layout.set("user_name", request.visitor.display_name);
  layout.set("platform_admin", request.visitor.platform_admin);
  layout.set("publishes", request.visitor.publishes);
  layout.set("unread", web::text_or_false(request.visitor.unread_notifications > 0
                                              ? std::to_string(request.visitor.unread_notifications)
                                              : ""));

  auto response = http::Response::html(templates_.render("layout", layout, globals), status);
  response.headers.set("Content-Language", t.locale());
  response.headers.set("Vary", "Cookie, Accept-Language");
  // Pages carry per-visitor tokens and names: never stored by shared caches.
  response.headers.set("Cache-Control", "private, no-store");
  return response;
}

http::Response Views::message(const http::Request& request, const std::string& heading_key,
                              const std::string& text_key, const std::string& link_href,
                              const std::string& link_text_key, int status) const {
  const Catalogue& t = messages(request);
  ViewData data;
  data.set("heading", t.text(heading_key));
  data.set("text", t.text(text_key));
  data.set("link_href", text_or_false(link_href));
  data.set("link_text", t.text(link_text_key));
  return page(request, "message", t.text(heading_key), data, status);
}

http::Response Views::error(const http::Request& request, int status) const {
  const Catalogue& t = messages(request);
  const std::string prefix = "errors." + std::to_string(status);
  const std::string& title = t.text(prefix + ".title");
  const std::string& detail = t.text(prefix + ".detail");
  if (wants_json(request)) {
    boost::json::object problem;
    problem["type"] = "about:blank";
    problem["title"] = title;
    problem["status"] = status;
    problem["detail"] = detail;
    problem["instance"] = request.path;
    problem["request_id"] = request.request_id;
    auto response = http::Response::json(boost::json::serialize(problem), status);
    response.headers.set("Content-Type", "application/problem+json");
    response.headers.set("Content-Language", t.locale());
    return response;
  }
  ViewData data;
  data.set("status", std::to_string(status));
  data.set("title", title);
  data.set("detail", detail);
  data.set("request_id", request.request_id);
  return page(request, "errors/error", title, data, status);
}

}  // namespace ruamkit::web
