#include "features/language/language.h"

#include "http/cookies.h"
#include "http/error.h"
#include "http/url.h"
#include "web/locale.h"

namespace ruamkit::features::language {

void install(Context& context) {
  context.router.post(
      "/locale", [&config = context.site, &db = context.database](http::Request& request) {
        const auto& form = request.form();
        const auto lang = http::find_param(form, "lang");
        if (!lang || !web::is_supported_locale(*lang)) throw http::HttpError(400, "unknown_locale");
        const auto back = http::find_param(form, "return");
        // A signed-in person's mail and notifications follow the language they choose.
        if (request.visitor.signed_in()) {
          db.write([&](storage::Connection& c) {
            c.execute("UPDATE users SET locale = ? WHERE id = ?", std::string(*lang),
                      request.visitor.user_id);
          });
        }
        auto response = http::Response::see_other(http::safe_local_redirect(back.value_or("/")));
        http::CookieOptions cookie;
        cookie.max_age_seconds = 365 * 24 * 3600;
        cookie.secure = config.secure_cookies;
        response.headers.add("Set-Cookie", http::set_cookie(web::kLocaleCookie, *lang, cookie));
        return response;
      });
}

}  // namespace ruamkit::features::language
