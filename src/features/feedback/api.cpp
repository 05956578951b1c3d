// Feedback as open data under /api/v1/: categories, public cases with their
// public timeline (never the reporter, the contact or internal notes), the
// report of an organisation for a fiscal year, and its improvement plan.
#include <boost/json/value.hpp>

#include "core/clock.h"
#include "core/fiscal_year.h"
#include "features/feedback/cases.h"
#include "features/feedback/module.h"
#include "features/feedback/plan.h"
#include "features/feedback/reports.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/json_api.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

namespace json = boost::json;

json::value optional_number(const std::optional<double>& v) {
  return v ? json::value(*v) : json::value(nullptr);
}

json::object category_json(const Category& k) {
  return {{"id", k.id},
          {"organisation_id", k.organisation_id},
          {"code", k.code},
          {"name_th", k.name_th},
          {"name_en", web::api::text_or_null(k.name_en)},
          {"description", k.description},
          {"target_days", k.target_days},
          {"reopen_days", k.reopen_days}};
}

json::object case_json(const Case& f) {
  const auto today = core::today_in_thailand();
  return {{"id", f.id},
          {"url", f.url()},
          {"organisation", {{"id", f.organisation_id}, {"slug", f.organisation_slug}}},
          {"category",
           {{"id", f.category.id}, {"code", f.category.code}, {"name_th", f.category.name_th}}},
          {"description", f.description},
          {"address", web::api::text_or_null(f.address)},
          {"lat", optional_number(f.lat)},
          {"lon", optional_number(f.lon)},
          {"status", status_name(f.status)},
          {"stage", web::api::text_or_null(f.stage)},
          {"received_at", f.received_at},
          {"due_on", f.due_on},
          {"accepted_at", web::api::text_or_null(f.accepted_at)},
          {"closed_at", web::api::text_or_null(f.closed_at)},
          {"overdue", f.overdue(today)},
          {"rating", f.rating ? json::value(*f.rating) : json::value(nullptr)},
          {"reopened", f.reopen_count},
          {"forwarded_to", f.forwarded_to ? json::value(*f.forwarded_to) : json::value(nullptr)},
          {"merged_into", f.merged_into ? json::value(*f.merged_into) : json::value(nullptr)}};
}

organisations::Organisation organisation_of(storage::Connection& c, const http::Request& request) {
  const auto o = organisations::find(c, web::id_param(request, "id"));
  if (!o) throw http::HttpError(404, "no_organisation");
  return *o;
}

}  // namespace

void install_api(Context& context) {
  auto& db = context.database;

  context.router.get("/api/v1/feedback/categories", [&db](http::Request& request) {
    std::optional<std::int64_t> organisation;
    if (const auto o = request.query_param("organisation_id"); o && !o->empty()) {
      organisation = web::id_value(*o);
    }
    json::array data;
    db.read([&](storage::Connection& c) {
      for (const auto& k : all_active_categories(c)) {
        if (!organisation || k.organisation_id == *organisation) data.push_back(category_json(k));
      }
    });
    return web::api::reply(json::object{{"data", std::move(data)}});
  });

  context.router.get("/api/v1/feedback/cases", [&db](http::Request& request) {
    const auto p = web::api::paging(request);
    PublicFilter f;
    std::string extra;
    if (const auto o = request.query_param("organisation_id"); o && !o->empty()) {
      f.organisation_id = web::id_value(*o);
      extra += "organisation_id=" + std::to_string(*f.organisation_id) + "&";
    }
    if (const auto s = request.query_param("status"); s && !s->empty()) {
      if (*s != "open" && *s != "closed") throw http::HttpError(400, "status_unknown");
      f.open311_status = std::string(*s);
      extra += "status=" + f.open311_status + "&";
    }
    f.limit = p.per_page;
    f.offset = p.offset();
    json::array data;
    std::int64_t total = 0;
    db.read([&](storage::Connection& c) {
      for (const auto& k : public_cases(c, f)) data.push_back(case_json(k));
      auto rows = c.query(
          "SELECT COUNT(*) FROM feedback_cases WHERE (?1 = 0 OR organisation_id = ?1) "
          "AND (?2 = '' OR is_open = CASE WHEN ?2 = 'open' THEN 1 ELSE 0 END)",
          f.organisation_id.value_or(0), f.open311_status);
      rows.next();
      total = rows.integer(0);
    });
    return web::api::reply(
        json::object{{"data", std::move(data)},
                     {"meta", web::api::page_meta("/api/v1/feedback/cases", extra, p, total)}});
  });

  context.router.get("/api/v1/feedback/cases/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto f = find(c, id);
      if (!f) throw http::HttpError(404, "no_case");
      auto o = case_json(*f);
      json::array events;
      for (const auto& e : timeline(c, id, false)) {
        json::object item{{"at", e.at}, {"kind", e.kind}};
        if (!e.status.empty()) item["status"] = e.status;
        if (e.kind == "rated") {
          item["stars"] = std::stoi(e.stage);
        } else if (!e.stage.empty()) {
          item["stage"] = e.stage;
        }
        if (!e.note.empty()) item["note"] = e.note;
        events.push_back(std::move(item));
      }
      o["timeline"] = std::move(events);
      json::array pictures;
      for (const auto& p : photos(c, id)) {
        pictures.push_back(json::object{{"url", "/feedback/photos/" + std::to_string(p.id)},
                                        {"kind", p.kind},
                                        {"content_type", p.content_type}});
      }
      o["photos"] = std::move(pictures);
      body["data"] = std::move(o);
    });
    return web::api::reply(body);
  });

  context.router.get("/api/v1/organisations/{id}/feedback/report", [&db](http::Request& request) {
    const auto period = read_period(request);
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto o = organisation_of(c, request);
      const auto s = load_report(c, o.id, period, "th").summary;
      json::object by_status;
      for (const auto& [status, count] : s.by_status) by_status[status] = count;
      json::array lines;
      for (const auto& l : s.categories) {
        lines.push_back(
            json::object{{"category_id", l.category_id},
                         {"name", l.name},
                         {"received", l.received},
                         {"open", l.open},
                         {"resolved", l.resolved},
                         {"not_relevant", l.not_relevant},
                         {"forwarded", l.forwarded},
                         {"merged", l.merged},
                         {"overdue", l.overdue},
                         {"median_days_to_accept", optional_number(l.median_days_to_accept)},
                         {"median_days_to_resolve", optional_number(l.median_days_to_resolve)},
                         {"average_rating", optional_number(l.average_rating)}});
      }
      json::array stars;
      for (const auto n : s.stars) stars.push_back(n);
      json::array places;
      for (const auto& [place, count] : s.top_places) {
        places.push_back(json::object{{"place", place}, {"cases", count}});
      }
      body["data"] =
          json::object{{"organisation_id", o.id},
                       {"fiscal_year", period.fiscal_year},
                       {"from", period.first},
                       {"to", period.last},
                       {"received", s.received},
                       {"open", s.open},
                       {"closed", s.closed},
                       {"overdue", s.overdue},
                       {"by_status", std::move(by_status)},
                       {"categories", std::move(lines)},
                       {"median_days_to_accept", optional_number(s.median_days_to_accept)},
                       {"median_days_to_resolve", optional_number(s.median_days_to_resolve)},
                       {"rated", s.rated},
                       {"average_rating", optional_number(s.average_rating)},
                       {"stars", std::move(stars)},
                       {"top_places", std::move(places)}};
    });
    return web::api::reply(body);
  });

  context.router.get("/api/v1/organisations/{id}/improvement-plan", [&db](http::Request& request) {
    const auto period = read_period(request);
    json::array data;
    db.read([&](storage::Connection& c) {
      const auto o = organisation_of(c, request);
      for (const auto& p : plan(c, o.id, period.fiscal_year)) {
        data.push_back(json::object{{"id", p.id},
                                    {"fiscal_year", p.fiscal_year},
                                    {"title", p.title},
                                    {"finding", p.finding},
                                    {"action", p.action},
                                    {"owner", web::api::text_or_null(p.owner_name)},
                                    {"due_on", web::api::text_or_null(p.due_on)},
                                    {"status", p.status},
                                    {"done_note", web::api::text_or_null(p.done_note)},
                                    {"updated_at", p.updated_at}});
      }
    });
    return web::api::reply(json::object{{"data", std::move(data)}});
  });
}

}  // namespace ruamkit::features::feedback
