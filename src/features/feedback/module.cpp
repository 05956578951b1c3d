// The public side of feedback cases: the report form of each organisation,
// the tracking page (the reporter's: rate, reopen), the public case page and
// its photos. Registers the rest (workspace, Open311, API).
#include "features/feedback/module.h"
#include "features/respond.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "core/clock.h"
#include "core/file_types.h"
#include "core/fiscal_year.h"
#include "core/security.h"
#include "core/text.h"
#include "core/utf8.h"
#include "features/accounts/support.h"
#include "features/feedback/cases.h"
#include "features/feedback/photos.h"
#include "features/feedback/views.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

using web::form_value;

constexpr int kAnonymousPerNetworkPerHour = 30;

std::string track_url(const std::string& code) { return "/feedback/track/" + code; }

web::Form report_form(const web::Catalogue& t, const organisations::Organisation& o,
                      const std::vector<Category>& categories, const std::string& category_id,
                      const Report& r, bool signed_in, const std::string& lat_text = "",
                      const std::string& lon_text = "") {
  web::Form form(t, "/feedback/reports", "feedback.report.heading", "feedback.report.submit");
  form.intro("feedback.report.intro")
      .hidden("organisation", o.slug)
      .select("category", "feedback.report.category", category_options(categories, t.locale()),
              category_id)
      .textarea("description", "feedback.report.description", r.description, true,
                "feedback.report.description_hint")
      .field("address", "feedback.report.address", "text", r.address, "street-address", false,
             "feedback.report.address_hint")
      .field("lat", "feedback.report.lat", "text", lat_text, "off", false,
             "feedback.report.pin_hint")
      .field("lon", "feedback.report.lon", "text", lon_text, "off", false)
      .inputmode("lat", "decimal")
      .inputmode("lon", "decimal")
      .file("photo", "feedback.report.photo", "image/jpeg,image/png", "feedback.report.photo_hint",
            false);
  if (!signed_in) form.notice(t.text("feedback.report.anonymous_intro"));
  form.field("contact_name", "feedback.report.contact_name", "text", r.contact_name, "name", false,
             "feedback.report.contact_hint")
      .field("contact_email", "feedback.report.contact_email", "email", r.contact_email, "email",
             false)
      .field("contact_phone", "feedback.report.contact_phone", "tel", r.contact_phone, "tel", false)
      .link("/organisations/" + o.slug, "feedback.report.back");
  return form;
}

Report read_report(const http::Request& request, Problems& problems) {
  Report r;
  r.description = form_value(request, "description");
  r.address = form_value(request, "address");
  r.contact_name = form_value(request, "contact_name");
  r.contact_email = form_value(request, "contact_email");
  r.contact_phone = form_value(request, "contact_phone");
  const auto lat = form_value(request, "lat");
  const auto lon = form_value(request, "lon");
  if (!lat.empty() || !lon.empty()) {
    r.lat = parse_coordinate(lat);
    r.lon = parse_coordinate(lon);
    if (!r.lat || !r.lon) problems.emplace_back("lat", "feedback_location_invalid");
  }
  return r;
}

struct Tracked {
  Case f;
  std::optional<Case> forwarded;  // where it went, when forwarded
};

Tracked tracked(storage::Connection& c, const http::Request& request) {
  const auto code = normalize_tracking_code(request.path_param("code"));
  const auto f = code ? find_by_code(c, *code) : std::nullopt;
  if (!f) throw http::HttpError(404, "no_case");
  Tracked out{*f, std::nullopt};
  if (f->forwarded_to) out.forwarded = find(c, *f->forwarded_to);
  return out;
}

http::Response track_page(const web::Views& views, const http::Request& request,
                          storage::Connection& c, const Tracked& k, const std::string& problem = "",
                          int status = 200) {
  const auto& t = views.messages(request);
  const auto& f = k.f;
  auto data = case_view(f, t, core::today_in_thailand());
  data.set("tracking_code", f.tracking_code);
  data.set("timeline", timeline_view(timeline(c, f.id, false), t));
  data.set("photos", photos_view(photos(c, f.id)));
  data.set("received_notice",
           request.query_param("notice") == std::optional<std::string_view>("received"));
  data.set("problem", web::text_or_false(problem.empty() ? "" : t.text("errors.form." + problem)));
  data.set("may_rate", may_rate(f.status, f.rating.has_value()));
  const auto closed = f.closed_on();
  data.set("may_reopen", closed && may_reopen(f.status, *closed, core::today_in_thailand(),
                                              f.category.reopen_days));
  data.set("reopen_days", std::to_string(f.category.reopen_days));
  data.set("action_url", track_url(f.tracking_code));
  data.set(
      "merged_url",
      web::text_or_false(f.merged_into ? "/feedback/cases/" + std::to_string(*f.merged_into) : ""));
  if (k.forwarded) {
    web::ViewData to;
    to.set("organisation", k.forwarded->organisation_name_th);
    to.set("url", track_url(k.forwarded->tracking_code));
    data.set("forwarded", to);
  } else {
    data.set("forwarded", false);
  }
  return views.page(request, "feedback/track",
                    t.format("feedback.track.title", {{"code", f.tracking_code}}), data, status);
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& config = context.site;
  const auto store = photo_store(config);
  install_manage(context);
  install_categories(context);
  install_reports(context);
  install_plan(context);
  install_handlers(context);
  install_open311(context);
  install_open311_clients(context);
  install_api(context);

  context.router.get("/organisations/{slug}/feedback", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    return db.read([&](storage::Connection& c) {
      const auto o = organisations::find_by_slug(c, std::string(request.path_param("slug")));
      if (!o) throw http::HttpError(404, "no_organisation");
      const auto list = categories(c, o->id, false);
      if (list.empty()) {
        return views.message(request, "feedback.report.closed_heading",
                             "feedback.report.closed_text", "/organisations/" + o->slug,
                             "feedback.report.back", 404);
      }
      const auto form = report_form(t, *o, list, "", {}, request.visitor.signed_in());
      return views.page(request, "feedback/report_form", t.text("feedback.report.heading"),
                        form.view());
    });
  });

  context.router.post("/feedback/reports", [&db, &views, store](http::Request& request) {
    const auto& t = views.messages(request);
    Problems problems;
    auto report = read_report(request, problems);
    const auto category_text = form_value(request, "category");
    const auto category_id = web::parse_id(category_text).value_or(0);
    for (const auto& problem : check_report(report)) {
      // A bad pin is found both when reading and when checking: say it once.
      if (std::find(problems.begin(), problems.end(), problem) == problems.end()) {
        problems.push_back(problem);
      }
    }
    auto photos_in = read_photos(request, problems);

    std::string code;
    // Files first, durably; a refused or failed write removes them again.
    std::vector<Photo> stored;
    const auto write = [&]() -> Reply {
      return db.write([&](storage::Connection& c) -> Reply {
        const auto o = organisations::find_by_slug(c, form_value(request, "organisation"));
        if (!o) throw http::HttpError(404, "no_organisation");
        const auto category = find_category(c, category_id);
        if (!category || category->organisation_id != o->id || !category->active) {
          problems.emplace_back("category", "feedback_category_unknown");
        }
        if (!problems.empty()) {
          auto form = report_form(t, *o, categories(c, o->id, false), category_text, report,
                                  request.visitor.signed_in(), form_value(request, "lat"),
                                  form_value(request, "lon"));
          form.errors(problems);
          return [&, form](storage::Connection&) {
            return views.page(request, "feedback/report_form", t.text("feedback.report.heading"),
                              form.view(), 422);
          };
        }
        // Anonymous reports from one network are limited (a signed-in
        // person is not): a mistaken script must not flood an agency. The
        // count is kept even when refused.
        if (!request.visitor.signed_in() &&
            !accounts::mail_allowed(c, "address:" + request.remote_address, "feedback_report",
                                    kAnonymousPerNetworkPerHour)) {
          return [&, slug = o->slug](storage::Connection&) {
            return views.message(request, "feedback.report.limit_heading",
                                 "feedback.report.limit_text", "/organisations/" + slug,
                                 "feedback.report.back", 429);
          };
        }
        NewCase n;
        n.category_id = category_id;
        n.report = report;
        if (request.visitor.signed_in()) n.reporter_id = request.visitor.user_id;
        const auto id = create(c, n);
        for (auto& p : stored) {
          p.case_id = id;
          add_photo(c, p);
        }
        code = find(c, id)->tracking_code;
        return std::nullopt;
      });
    };
    if (problems.empty()) stored = store_photos(*store, photos_in, "report");
    Reply refused;
    try {
      refused = write();
    } catch (...) {
      for (const auto& p : stored) store->remove(p.storage_key);
      throw;
    }
    if (refused) {
      for (const auto& p : stored) store->remove(p.storage_key);
      return db.read(*refused);
    }
    return web::redirect(track_url(code) + "?notice=received");
  });

  context.router.get("/feedback/track", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    const auto code = request.query_param("code");
    if (code) {
      if (const auto canonical = normalize_tracking_code(*code)) {
        return web::redirect(track_url(*canonical));
      }
    }
    web::ViewData data;
    data.set("invalid", code.has_value());
    data.set("code", std::string(code.value_or("")));
    return views.page(request, "feedback/find", t.text("feedback.track.find_heading"), data,
                      code ? 422 : 200);
  });

  context.router.get("/feedback/track/{code}", [&db, &views](http::Request& request) {
    return db.read(
        [&](storage::Connection& c) { return track_page(views, request, c, tracked(c, request)); });
  });

  context.router.post("/feedback/track/{code}/rating", [&db, &views](http::Request& request) {
    const auto stars_text = form_value(request, "stars");
    const int stars = stars_text.size() == 1 && stars_text[0] >= '1' && stars_text[0] <= '5'
                          ? stars_text[0] - '0'
                          : 0;
    const auto comment = form_value(request, "comment");
    std::string code;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto k = tracked(c, request);
          code = k.f.tracking_code;
          std::string problem;
          if (stars == 0) problem = "feedback_rating_invalid";
          if (core::character_count(comment) > 2000) problem = "feedback_comment_long";
          if (problem.empty() && !rate(c, k.f.id, stars, comment))
            problem = "feedback_rating_closed";
          if (!problem.empty()) {
            return [&, k, problem](storage::Connection& c) {
              return track_page(views, request, c, k, problem,
                                problem == "feedback_rating_closed" ? 409 : 422);
            };
          }
          return std::nullopt;
        },
        [&] { return web::redirect(track_url(code) + "?notice=rated"); });
  });

  context.router.post("/feedback/track/{code}/reopen", [&db, &views](http::Request& request) {
    const auto reason = form_value(request, "reason");
    std::string code;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto k = tracked(c, request);
          code = k.f.tracking_code;
          std::string problem;
          if (core::is_blank(reason)) problem = "feedback_reason_required";
          if (core::character_count(reason) > 2000) problem = "feedback_comment_long";
          const auto closed = k.f.closed_on();
          if (problem.empty() &&
              !(closed && may_reopen(k.f.status, *closed, core::today_in_thailand(),
                                     k.f.category.reopen_days))) {
            problem = "feedback_reopen_closed";
          }
          if (!problem.empty()) {
            return [&, k, problem](storage::Connection& c) {
              return track_page(views, request, c, k, problem,
                                problem == "feedback_reopen_closed" ? 409 : 422);
            };
          }
          reopen(c, k.f.id, reason);
          return std::nullopt;
        },
        [&] { return web::redirect(track_url(code) + "?notice=reopened"); });
  });

  context.router.get("/feedback/cases/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto& t = views.messages(request);
    return db.read([&](storage::Connection& c) {
      const auto f = find(c, id);
      if (!f) throw http::HttpError(404, "no_case");
      auto data = case_view(*f, t, core::today_in_thailand());
      data.set("timeline", timeline_view(timeline(c, f->id, false), t));
      data.set("photos", photos_view(photos(c, f->id)));
      return views.page(request, "feedback/case",
                        t.format("feedback.case.title", {{"id", std::to_string(f->id)}}), data);
    });
  });

  context.router.get("/feedback/photos/{id}", [&db, store](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto photo = db.read([&](storage::Connection& c) {
      const auto p = find_photo(c, id);
      if (!p) throw http::HttpError(404, "no_photo");
      return *p;
    });
    return photo_response(request, *store, photo);
  });
}

}  // namespace ruamkit::features::feedback
