// The middleware every request passes through, in order:
// language → static files → session → CSRF check → router, with error pages
// around them and security headers on every response.
#pragma once

#include "app/config.h"
#include "features/accounts/sessions.h"
#include "http/router.h"
#include "http/server.h"
#include "http/static_files.h"
#include "web/views.h"

namespace ruamkit::app {

// Sets the request's locale from its cookie and Accept-Language.
void choose_locale(http::Request& request);

// Adds the security headers of DESIGN.md §6 to `response`.
void add_security_headers(http::Response& response, const Config& config);

// Returns the application handler: everything above the server.
http::Handler make_pipeline(const Config& config, const http::Router& router,
                            const http::StaticFiles& assets, const web::Views& views,
                            const features::accounts::Sessions& sessions);

// Returns the error renderer the server uses for requests the application
// never saw (malformed, too large).
http::ErrorRenderer make_error_renderer(const Config& config, const web::Views& views);

}  // namespace ruamkit::app
