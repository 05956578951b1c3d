#include "app/pipeline.h"

#include <spdlog/spdlog.h>

#include "http/cookies.h"
#include "http/error.h"
#include "web/locale.h"

namespace ruamkit::app {

void choose_locale(http::Request& request) {
  std::optional<std::string_view> cookie;
  if (const auto header = request.header("Cookie")) {
    cookie = http::cookie_value(*header, web::kLocaleCookie);
  }
  request.locale = web::negotiate_locale(cookie, request.header("Accept-Language"));
}

void add_security_headers(http::Response& response, const Config& config) {
  auto& h = response.headers;
  if (!h.contains("Content-Security-Policy")) {
    h.set("Content-Security-Policy",
          "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
          "form-action 'self'; frame-ancestors 'none'");
  }
  h.set("X-Content-Type-Options", "nosniff");
  h.set("X-Frame-Options", "DENY");
  h.set("Referrer-Policy", "strict-origin-when-cross-origin");
  h.set("Cross-Origin-Opener-Policy", "same-origin");
  h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)");
  if (config.secure_cookies)
    h.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
}

http::Handler make_pipeline(const Config& config, const http::Router& router,
                            const http::StaticFiles& assets, const web::Views& views,
                            const features::accounts::Sessions& sessions) {
  return [&config, &router, &assets, &views, &sessions](http::Request& request) {
    choose_locale(request);
    http::Response response;
    std::vector<std::string> cookies;
    try {
      std::optional<http::Response> file;
      if (request.method == "GET" || request.method == "HEAD") file = assets.serve(request);
      if (file) {
        response = std::move(*file);
      } else {
        sessions.attach(request, cookies);
        response =
            router.dispatch(request, [&sessions](http::Request& r) { sessions.check_csrf(r); });
      }
    } catch (const http::HttpError& e) {
      if (e.status() >= 500) spdlog::error("request {}: {}", request.request_id, e.reason());
      // A redirect thrown from deep inside (e.g. "sign in first") is no error page.
      response = e.status() >= 300 && e.status() < 400 ? http::Response{e.status(), {}, {}}
                                                       : views.error(request, e.status());
      for (const auto& [name, value] : e.headers().all()) response.headers.set(name, value);
    } catch (const std::exception& e) {
      // Logged with the request id the person sees; never shown to them.
      spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                    e.what());
      response = views.error(request, 500);
    }
    for (auto& cookie : cookies) response.headers.add("Set-Cookie", std::move(cookie));
    add_security_headers(response, config);
    return response;
  };
}

http::ErrorRenderer make_error_renderer(const Config& config, const web::Views& views) {
  return [&config, &views](http::Request& request, int status) {
    choose_locale(request);
    auto response = views.error(request, status);
    add_security_headers(response, config);
    return response;
  };
}

}  // namespace ruamkit::app
