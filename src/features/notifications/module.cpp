// Notifications as a feature: the inbox (/notifications), settings (mail for
// each message, a daily digest, or none; per category; language), following
// a space, and the daily digest job.
#include "features/notifications/module.h"

#include <algorithm>

#include "core/clock.h"
#include "features/notifications/notifications.h"
#include "http/error.h"
#include "http/url.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/locale.h"
#include "web/request.h"

namespace ruamkit::features::notifications {
namespace {

using web::form_value;

web::Form settings_form(const web::Catalogue& t, const Settings& s) {
  web::Form form(t, "/notifications/settings", "notifications.settings_heading",
                 "notifications.save");
  std::vector<std::pair<std::string, std::string>> languages;
  for (const auto& code : web::supported_locales()) {
    languages.emplace_back(code, t.text("locale." + code));
  }
  form.intro("notifications.settings_intro")
      .select("email", "notifications.email",
              {{"each", t.text("notifications.email_each")},
               {"digest", t.text("notifications.email_digest")},
               {"none", t.text("notifications.email_none")}},
              s.email)
      .checkbox("replies", "notifications.category_replies", s.replies)
      .checkbox("results", "notifications.category_results", s.results)
      .checkbox("news", "notifications.category_news", s.news)
      .select("locale", "notifications.language", languages, s.locale)
      .link("/notifications", "notifications.back");
  return form;
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/notifications", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    web::ViewList list;
    db.read([&](storage::Connection& c) {
      for (const auto& item : inbox(c, t, user_id)) {
        web::ViewData v;
        v.set("id", std::to_string(item.id));
        v.set("text", item.text);
        v.set("read", item.read);
        v.set("created_display",
              web::format_date_time(*core::parse_iso_timestamp(item.created_at), t.locale()));
        v.set("created_iso", item.created_at);
        list.push_back(v);
      }
    });
    web::ViewData data;
    data.set("items", list);
    data.set("none", list.empty());
    return views.page(request, "notifications/inbox", t.text("notifications.heading"), data);
  });

  context.router.get("/notifications/{id}", [&db](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto id = web::id_param(request, "id");
    const auto url = db.write([&](storage::Connection& c) { return open(c, user_id, id); });
    if (url.empty()) throw http::HttpError(404, "no_notification");
    return web::redirect(http::safe_local_redirect(url));
  });

  context.router.post("/notifications/read", [&db](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    db.write([&](storage::Connection& c) { mark_all_read(c, user_id); });
    return web::redirect("/notifications");
  });

  context.router.get("/notifications/settings", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    const auto s = db.read([&](storage::Connection& c) { return settings(c, user_id); });
    auto form = settings_form(t, s);
    if (request.query_param("notice")) form.notice(t.text("notifications.saved"));
    return views.page(request, "form", t.text("notifications.settings_heading"), form.view());
  });

  context.router.post("/notifications/settings", [&db](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    Settings s;
    s.email = form_value(request, "email");
    s.replies = form_value(request, "replies") == "yes";
    s.results = form_value(request, "results") == "yes";
    s.news = form_value(request, "news") == "yes";
    s.locale = form_value(request, "locale");
    const auto& locales = web::supported_locales();
    if ((s.email != "each" && s.email != "digest" && s.email != "none") ||
        std::find(locales.begin(), locales.end(), s.locale) == locales.end()) {
      throw http::HttpError(400, "bad_settings");
    }
    db.write([&](storage::Connection& c) { save_settings(c, user_id, s); });
    return web::redirect("/notifications/settings?notice=saved");
  });
}

void send_digests(const JobContext& job) {
  const int sent = job.database.write(
      [&](storage::Connection& c) { return send_digests(c, job.views, job.site.base_url); });
  if (sent > 0 && job.wake_mail) job.wake_mail();
}

}  // namespace ruamkit::features::notifications
