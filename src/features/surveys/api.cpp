// Surveys as open data: /api/v1/surveys and one survey with its questions
// and aggregated results (counts per option or scale value; free-text answers
// are never published, only how many there are).
#include <boost/json/value.hpp>

#include "core/fiscal_year.h"
#include "features/surveys/module.h"
#include "features/surveys/surveys.h"
#include "http/error.h"
#include "web/json_api.h"
#include "web/request.h"

namespace ruamkit::features::surveys {
namespace {

namespace json = boost::json;

json::object survey_json(storage::Connection& c, const Survey& v) {
  const auto today = core::today_in_thailand();
  return {{"id", v.id},
          {"url", v.url()},
          {"title", v.title},
          {"process_id", v.space_id},
          {"organisation", {{"id", v.organisation_id}, {"slug", v.organisation_slug}}},
          {"opens_on", v.opens_on},
          {"closes_on", v.closes_on},
          {"state", std::string(consultation::state_name(v.state(today)))},
          {"anonymous_allowed", v.anonymous_allowed},
          {"responses", response_count(c, v.id)},
          {"published_at", web::api::text_or_null(v.published_at)}};
}

}  // namespace

void install_api(Context& context) {
  auto& db = context.database;

  context.router.get("/api/v1/surveys", [&db](http::Request& request) {
    const auto p = web::api::paging(request);
    std::optional<std::int64_t> space;
    if (const auto s = request.query_param("process_id"); s && !s->empty()) {
      space = web::id_value(*s);
    }
    json::array data;
    std::int64_t total = 0;
    db.read([&](storage::Connection& c) {
      auto rows = c.query(
          "SELECT v.id FROM surveys v JOIN spaces s ON s.id = v.space_id "
          "WHERE v.status = 'published' AND s.status IN ('published', 'archived') "
          "AND (CAST(? AS BIGINT) IS NULL OR v.space_id = ?) ORDER BY v.opens_on DESC, v.id DESC",
          space, space);
      std::vector<std::int64_t> ids;
      while (rows.next()) ids.push_back(rows.integer(0));
      total = static_cast<std::int64_t>(ids.size());
      for (std::size_t i = static_cast<std::size_t>(p.offset());
           i < ids.size() && i < static_cast<std::size_t>(p.offset() + p.per_page); ++i) {
        if (const auto v = find(c, ids[i])) data.push_back(survey_json(c, *v));
      }
    });
    json::object body;
    body["data"] = std::move(data);
    body["meta"] = web::api::page_meta(
        "/api/v1/surveys", space ? "process_id=" + std::to_string(*space) + "&" : "", p, total);
    return web::api::reply(body);
  });

  context.router.get("/api/v1/surveys/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto v = find(c, id);
      if (!v || !v->is_public()) throw http::HttpError(404, "no_survey");
      auto o = survey_json(c, *v);
      o["intro_markdown"] = v->intro;
      const auto all = answers(c, id);
      json::array qs;
      for (const auto& q : questions(c, id)) {
        const auto it = all.find(q.id);
        const auto counted = tally(q, it == all.end() ? std::vector<Answer>{} : it->second);
        json::object item{{"id", q.id},
                          {"position", q.position},
                          {"section", web::api::text_or_null(q.section)},
                          {"kind", q.kind},
                          {"prompt", q.prompt},
                          {"required", q.required},
                          {"answered", counted.answered}};
        if (q.is_choice()) {
          json::array options, counts;
          for (const auto& option : q.options) options.emplace_back(option);
          for (const auto n : counted.counts) counts.emplace_back(n);
          item["options"] = std::move(options);
          item["counts"] = std::move(counts);
        } else if (q.kind == "scale") {
          json::array counts;
          for (const auto n : counted.counts) counts.emplace_back(n);
          item["scale"] = {{"min", q.scale_min},
                           {"max", q.scale_max},
                           {"min_label", q.scale_min_label},
                           {"max_label", q.scale_max_label}};
          item["counts"] = std::move(counts);
        }
        qs.push_back(std::move(item));
      }
      o["questions"] = std::move(qs);
      body["data"] = std::move(o);
    });
    return web::api::reply(body);
  });
}

}  // namespace ruamkit::features::surveys
