// Spaces as open data: /api/v1/processes, /api/v1/committees (filtered and
// paged like the pages), one process with its phases, one committee with its
// members and meetings, one meeting record. Public spaces only: a draft is
// 404 here whoever asks.
#include <boost/json/value.hpp>

#include "core/fiscal_year.h"
#include "features/documents/json.h"
#include "features/spaces/module.h"
#include "features/spaces/spaces.h"
#include "http/error.h"
#include "http/url.h"
#include "web/dates.h"
#include "web/json_api.h"
#include "web/request.h"

namespace ruamkit::features::spaces {
namespace {

namespace json = boost::json;

json::array strings(const std::vector<std::string>& list) {
  json::array out;
  for (const auto& s : list) out.emplace_back(s);
  return out;
}

json::object space_json(const Space& s) {
  json::object o;
  o["id"] = s.id;
  o["kind"] = s.kind;
  o["url"] = s.url();
  o["title"] = s.title;
  o["summary"] = s.summary;
  o["organisation"] = {{"id", s.organisation_id},
                       {"slug", s.organisation_slug},
                       {"name_th", s.organisation_name_th},
                       {"name_en", s.organisation_name_en}};
  o["scope"] = s.scope;
  o["province"] = s.province_code.empty() ? json::value(nullptr)
                                          : json::value({{"code", s.province_code},
                                                         {"name_th", s.province_name_th},
                                                         {"name_en", s.province_name_en}});
  o["level"] = s.level;
  o["stages"] = strings(s.stages);
  o["topics"] = strings(s.topics);
  o["status"] = s.status;
  o["published_at"] = web::api::text_or_null(s.published_at);
  o["updated_at"] = s.updated_at;
  return o;
}

Space public_space(storage::Connection& c, std::int64_t id, const std::string& kind) {
  auto s = find(c, id);
  if (!s || s->kind != kind || !s->is_public()) throw http::HttpError(404, "no_space");
  return *s;
}

http::Response list_endpoint(storage::Database& db, const http::Request& request,
                             const std::string& kind) {
  const auto p = web::api::paging(request);
  Filter f;
  f.kind = kind;
  f.limit = p.per_page;
  f.offset = p.offset();
  std::string extra;
  auto param = [&](const char* name, std::string& into) {
    into = std::string(request.query_param(name).value_or(""));
    if (!into.empty()) extra += std::string(name) + "=" + http::encode_query_value(into) + "&";
  };
  std::string organisation;
  param("organisation_id", organisation);
  param("province", f.province_code);
  param("level", f.level);
  param("stage", f.stage);
  param("topic", f.topic);
  param("status", f.status);
  if (!organisation.empty()) f.organisation_id = web::id_value(organisation);
  if (!f.province_code.empty() &&
      !db.read([&](storage::Connection& c) { return province_exists(c, f.province_code); })) {
    throw http::HttpError(400, "unknown_province");
  }
  if ((!f.level.empty() && !is_one_of(levels(), f.level)) ||
      (!f.stage.empty() && !is_one_of(stages(), f.stage)) ||
      (!f.topic.empty() && !is_one_of(topics(), f.topic)) ||
      (!f.status.empty() && f.status != "published" && f.status != "archived")) {
    throw http::HttpError(400, "unknown_filter");
  }
  json::array data;
  std::int64_t total = 0;
  db.read([&](storage::Connection& c) {
    for (const auto& s : list(c, f)) data.push_back(space_json(s));
    total = count(c, f);
  });
  json::object body;
  body["data"] = std::move(data);
  body["meta"] =
      web::api::page_meta("/api/v1/" + kind + (kind == "process" ? "es" : "s"), extra, p, total);
  return web::api::reply(body);
}

}  // namespace

void install_api(Context& context) {
  auto& db = context.database;

  context.router.get("/api/v1/processes", [&db](http::Request& request) {
    return list_endpoint(db, request, "process");
  });
  context.router.get("/api/v1/committees", [&db](http::Request& request) {
    return list_endpoint(db, request, "committee");
  });

  context.router.get("/api/v1/processes/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto s = public_space(c, id, "process");
      auto o = space_json(s);
      o["body_markdown"] = s.body;
      const auto today = core::today_in_thailand();
      json::array list;
      for (const auto& ph : phases(c, id)) {
        list.push_back({{"id", ph.id},
                        {"title", ph.title},
                        {"description", ph.description},
                        {"starts_on", ph.starts_on},
                        {"ends_on", ph.ends_on},
                        {"state", phase_state({ph.starts_on, ph.ends_on}, today)}});
      }
      o["phases"] = std::move(list);
      o["documents"] = documents::to_json(c, {"space", id});
      set_contents_json(o, c, s);
      body["data"] = std::move(o);
    });
    return web::api::reply(body);
  });

  context.router.get("/api/v1/committees/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto s = public_space(c, id, "committee");
      auto o = space_json(s);
      o["body_markdown"] = s.body;
      json::array member_list;
      for (const auto& m : members(c, id)) {
        member_list.push_back({{"id", m.id},
                               {"name", m.name},
                               {"affiliation", m.affiliation},
                               {"sector", m.sector},
                               {"position", m.position},
                               {"term_start", m.term_start},
                               {"term_end", web::api::text_or_null(m.term_end)}});
      }
      o["members"] = std::move(member_list);
      json::array meeting_list;
      for (const auto& m : meetings(c, id)) {
        meeting_list.push_back({{"id", m.id},
                                {"title", m.title},
                                {"held_on", m.held_on},
                                {"url", s.url() + "/meetings/" + std::to_string(m.id)},
                                {"api", "/api/v1/meetings/" + std::to_string(m.id)}});
      }
      o["meetings"] = std::move(meeting_list);
      o["documents"] = documents::to_json(c, {"space", id});
      set_contents_json(o, c, s);
      body["data"] = std::move(o);
    });
    return web::api::reply(body);
  });

  context.router.get("/api/v1/meetings/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto m = find_meeting(c, id);
      if (!m) throw http::HttpError(404, "no_meeting");
      const auto s = public_space(c, m->space_id, "committee");
      body["data"] = {{"id", m->id},
                      {"committee_id", s.id},
                      {"title", m->title},
                      {"held_on", m->held_on},
                      {"location", m->location},
                      {"agenda_markdown", m->agenda},
                      {"minutes_markdown", m->minutes},
                      {"url", s.url() + "/meetings/" + std::to_string(m->id)},
                      {"documents", documents::to_json(c, {"meeting", id})}};
    });
    return web::api::reply(body);
  });
}

}  // namespace ruamkit::features::spaces
