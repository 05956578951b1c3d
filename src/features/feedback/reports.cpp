// The public feedback report of an organisation for a fiscal year (or any
// period): a page with charts and tables, and the same tables as CSV and
// XLSX. Only aggregates: no case text, no reporter.
#include <cmath>
#include <cstdio>

#include "core/clock.h"
#include "core/day.h"
#include "core/fiscal_year.h"
#include "features/feedback/cases.h"
#include "features/feedback/module.h"
#include "features/feedback/report.h"
#include "features/feedback/reports.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/bar_chart.h"
#include "web/dates.h"
#include "web/spreadsheet.h"

namespace ruamkit::features::feedback {
namespace {

std::string one_decimal(const std::optional<double>& value) {
  if (!value) return "–";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", *value);
  return text;
}

std::vector<web::Row> report_rows(const Summary& s, const web::Catalogue& t) {
  std::vector<web::Row> rows;
  rows.push_back({t.text("feedback.report_page.category"), t.text("feedback.report_page.received"),
                  t.text("feedback.statuses.resolved"), t.text("feedback.statuses.not_relevant"),
                  t.text("feedback.statuses.forwarded"), t.text("feedback.statuses.merged"),
                  t.text("feedback.report_page.open"), t.text("feedback.report_page.overdue"),
                  t.text("feedback.report_page.days_to_accept"),
                  t.text("feedback.report_page.days_to_resolve"),
                  t.text("feedback.report_page.rating")});
  for (const auto& l : s.categories) {
    rows.push_back({l.name, std::to_string(l.received), std::to_string(l.resolved),
                    std::to_string(l.not_relevant), std::to_string(l.forwarded),
                    std::to_string(l.merged), std::to_string(l.open), std::to_string(l.overdue),
                    one_decimal(l.median_days_to_accept), one_decimal(l.median_days_to_resolve),
                    one_decimal(l.average_rating)});
  }
  rows.push_back(
      {t.text("feedback.report_page.total"), std::to_string(s.received),
       std::to_string(s.by_status.at("resolved")), std::to_string(s.by_status.at("not_relevant")),
       std::to_string(s.by_status.at("forwarded")), std::to_string(s.by_status.at("merged")),
       std::to_string(s.open), std::to_string(s.overdue), one_decimal(s.median_days_to_accept),
       one_decimal(s.median_days_to_resolve), one_decimal(s.average_rating)});
  return rows;
}

}  // namespace

Period read_period(const http::Request& request) {
  const auto today = core::today_in_thailand();
  int fy = core::fiscal_year_be(today);
  if (const auto text = request.query_param("fy"); text && !text->empty()) {
    try {
      std::size_t used = 0;
      fy = std::stoi(std::string(*text), &used);
      if (used != text->size()) fy = 0;
    } catch (const std::exception&) {
      fy = 0;
    }
    if (fy < 2500 || fy > 2700) throw http::HttpError(400, "fiscal_year_invalid");
  }
  const auto range = core::fiscal_year_range(fy);
  return {fy, core::iso_date(range.first), core::iso_date(range.last)};
}

LoadedReport load_report(storage::Connection& c, std::int64_t organisation_id, const Period& period,
                         const std::string& locale) {
  std::vector<CaseFacts> facts;
  auto rows = c.query(
      "SELECT category_id, status, received_at, COALESCE(accepted_at, ''), "
      "COALESCE(closed_at, ''), due_on, address, lat, lon, rating FROM feedback_cases "
      "WHERE organisation_id = ? AND received_on BETWEEN ? AND ?",
      organisation_id, period.first, period.last);
  while (rows.next()) {
    CaseFacts f;
    f.category_id = rows.integer(0);
    f.status = stored_status(rows.text(1));
    f.received_at = rows.text(2);
    f.accepted_at = rows.text(3);
    f.closed_at = rows.text(4);
    f.due_on = rows.text(5);
    f.address = rows.text(6);
    if (!rows.is_null(7) && !rows.is_null(8)) {
      f.lat = rows.real(7);
      f.lon = rows.real(8);
    }
    if (!rows.is_null(9)) f.rating = static_cast<int>(rows.integer(9));
    facts.push_back(std::move(f));
  }
  std::vector<std::pair<std::int64_t, std::string>> names;
  for (const auto& k : categories(c, organisation_id, true))
    names.emplace_back(k.id, k.name(locale));
  return {summarise(facts, names, core::today_in_thailand())};
}

void install_reports(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  auto report = [&db, &views](http::Request& request, const std::string& format) {
    const auto& t = views.messages(request);
    const auto period = read_period(request);
    std::optional<organisations::Organisation> o;
    LoadedReport loaded;
    db.read([&](storage::Connection& c) {
      o = organisations::find_by_slug(c, std::string(request.path_param("slug")));
      if (!o) throw http::HttpError(404, "no_organisation");
      loaded = load_report(c, o->id, period, t.locale());
    });
    const auto& s = loaded.summary;
    if (!format.empty()) {
      return web::table_download(report_rows(s, t), t.text("feedback.report_page.sheet"),
                                 "feedback-" + o->slug + "-" + std::to_string(period.fiscal_year),
                                 format == "xlsx", true);
    }
    web::ViewData data;
    data.set("organisation", o->name(t.locale()));
    data.set("organisation_url", "/organisations/" + o->slug);
    data.set("fiscal_year", std::to_string(period.fiscal_year));
    data.set("period", web::format_iso_day(period.first, t.locale()) + " – " +
                           web::format_iso_day(period.last, t.locale()));
    data.set("previous_url", "?fy=" + std::to_string(period.fiscal_year - 1));
    data.set("next_url", "?fy=" + std::to_string(period.fiscal_year + 1));
    const auto base = "/organisations/" + o->slug + "/feedback/report";
    data.set("csv_url", base + ".csv?fy=" + std::to_string(period.fiscal_year));
    data.set("xlsx_url", base + ".xlsx?fy=" + std::to_string(period.fiscal_year));
    data.set("plan_url", "/organisations/" + o->slug +
                             "/improvement-plan?fy=" + std::to_string(period.fiscal_year));
    data.set("received", std::to_string(s.received));
    data.set("open", std::to_string(s.open));
    data.set("closed", std::to_string(s.closed));
    data.set("overdue", std::to_string(s.overdue));
    data.set("days_to_accept", one_decimal(s.median_days_to_accept));
    data.set("days_to_resolve", one_decimal(s.median_days_to_resolve));
    data.set("rating", one_decimal(s.average_rating));
    data.set("rated", std::to_string(s.rated));
    data.set("any", s.received > 0);

    const web::ChartHeadings counts{"", t.text("feedback.report_page.what"),
                                    t.text("feedback.report_page.cases"),
                                    t.text("surveys.percent")};
    std::vector<std::pair<std::string, std::int64_t>> by_status;
    for (const auto status : kStatuses) {
      const std::string name(status_name(status));
      by_status.emplace_back(t.text("feedback.statuses." + name), s.by_status.at(name));
    }
    auto heading = counts;
    heading.caption = t.text("feedback.report_page.by_status");
    data.set("status_chart", web::bar_chart(by_status, s.received, heading));
    std::vector<std::pair<std::string, std::int64_t>> by_category;
    for (const auto& l : s.categories) by_category.emplace_back(l.name, l.received);
    heading.caption = t.text("feedback.report_page.by_category");
    data.set("category_chart", web::bar_chart(by_category, s.received, heading));
    std::vector<std::pair<std::string, std::int64_t>> stars;
    for (int i = 5; i >= 1; --i) {
      stars.emplace_back(t.format("feedback.report_page.stars", {{"count", std::int64_t{i}}}),
                         s.stars[static_cast<std::size_t>(i - 1)]);
    }
    heading.caption = t.text("feedback.report_page.satisfaction");
    data.set("stars_chart", web::bar_chart(stars, s.rated, heading));
    heading.caption = t.text("feedback.report_page.places");
    data.set("places_chart", s.top_places.empty()
                                 ? web::ViewData(false)
                                 : web::bar_chart(s.top_places, s.received, heading));
    const auto rows = report_rows(s, t);
    web::ViewList header;
    for (const auto& cell : rows.front()) header.push_back(web::ViewData(cell));
    web::ViewList body;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      web::ViewData row;
      row.set("name", rows[i].front());
      web::ViewList cells;
      for (std::size_t j = 1; j < rows[i].size(); ++j) cells.push_back(web::ViewData(rows[i][j]));
      row.set("cells", cells);
      row.set("total", i + 1 == rows.size());
      body.push_back(row);
    }
    data.set("table_header", header);
    data.set("table_rows", body);
    return views.page(
        request, "feedback/report",
        t.format("feedback.report_page.title", {{"organisation", o->name(t.locale())},
                                                {"year", std::to_string(period.fiscal_year)}}),
        data);
  };
  context.router.get("/organisations/{slug}/feedback/report",
                     [report](http::Request& request) { return report(request, ""); });
  context.router.get("/organisations/{slug}/feedback/report.csv",
                     [report](http::Request& request) { return report(request, "csv"); });
  context.router.get("/organisations/{slug}/feedback/report.xlsx",
                     [report](http::Request& request) { return report(request, "xlsx"); });
}

}  // namespace ruamkit::features::feedback
