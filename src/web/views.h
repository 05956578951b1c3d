// Turns page data into full responses: the page template inside the base
// layout, in the request's language; and errors as a readable page or as RFC
// 9457 problem JSON for API clients.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <string_view>

#include "http/message.h"
#include "http/static_files.h"
#include "web/i18n.h"
#include "web/templates.h"

namespace ruamkit::web {

using Clock = std::function<std::chrono::system_clock::time_point()>;

class Views {
 public:
  Views(const TemplateStore& templates, const Catalogues& catalogues,
        const http::StaticFiles& assets, Clock clock);

  // The catalogue of the request's locale.
  const Catalogue& messages(const http::Request& request) const;
  // The catalogue of `locale` (the default language's for an unknown one),
  // for text written outside a request: mail, notifications.
  const Catalogue& catalogue(std::string_view locale) const { return catalogues_.get(locale); }

  // Renders `template_name` with `data` inside the layout. `title` is the
  // already-translated page title.
  http::Response page(const http::Request& request, std::string_view template_name,
                      const std::string& title, const ViewData& data, int status = 200) const;

  // Renders a short outcome page ("message" template): heading and text from
  // the catalogue keys, and a link onwards.
  http::Response message(const http::Request& request, const std::string& heading_key,
                         const std::string& text_key, const std::string& link_href,
                         const std::string& link_text_key, int status = 200) const;

  // Renders an error response for `status`: problem JSON when the client
  // asks for JSON (or the path is under /api/), otherwise an HTML page.
  http::Response error(const http::Request& request, int status) const;

 private:
  const TemplateStore& templates_;
  const Catalogues& catalogues_;
  const http::StaticFiles& assets_;
  Clock clock_;
};

// Returns true when the client prefers JSON to HTML.
bool wants_json(const http::Request& request);

}  // namespace ruamkit::web
