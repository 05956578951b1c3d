// Pages and announcements as open data: /api/v1/pages (filter by kind,
// organisation, space; paged), one page with its Markdown, rendered HTML and
// documents, and its revisions. Public pages only.
#include <boost/json/value.hpp>

#include "features/documents/json.h"
#include "features/pages/module.h"
#include "features/pages/pages.h"
#include "http/error.h"
#include "http/url.h"
#include "web/json_api.h"
#include "web/markdown.h"
#include "web/request.h"

namespace ruamkit::features::pages {
namespace {

namespace json = boost::json;

json::object page_json(const Page& p) {
  json::object o;
  o["id"] = p.id;
  o["kind"] = p.kind;
  o["url"] = p.url();
  o["title"] = p.title;
  o["organisation"] = {{"id", p.organisation_id},
                       {"slug", p.organisation_slug},
                       {"name_th", p.organisation_name_th},
                       {"name_en", p.organisation_name_en}};
  o["space_id"] = p.space_id ? json::value(*p.space_id) : json::value(nullptr);
  o["revision"] = p.revision;
  o["published_at"] = web::api::text_or_null(p.published_at);
  o["updated_at"] = p.updated_at;
  return o;
}

std::optional<std::int64_t> id_query(const http::Request& request, std::string_view name) {
  const auto text = request.query_param(name);
  if (!text || text->empty()) return std::nullopt;
  return web::id_value(*text);
}

Page public_page(storage::Connection& c, std::int64_t id) {
  auto p = find(c, id);
  if (!p || !p->is_public()) throw http::HttpError(404, "no_page");
  return *p;
}

}  // namespace

void install_api(Context& context) {
  auto& db = context.database;

  context.router.get("/api/v1/pages", [&db](http::Request& request) {
    const auto paging = web::api::paging(request);
    Filter f;
    f.kind = std::string(request.query_param("kind").value_or(""));
    if (!f.kind.empty() && f.kind != "page" && f.kind != "announcement") {
      throw http::HttpError(400, "unknown_kind");
    }
    f.organisation_id = id_query(request, "organisation_id");
    f.space_id = id_query(request, "space_id");
    f.limit = paging.per_page;
    f.offset = paging.offset();
    std::string extra;
    if (!f.kind.empty()) extra += "kind=" + f.kind + "&";
    if (f.organisation_id) extra += "organisation_id=" + std::to_string(*f.organisation_id) + "&";
    if (f.space_id) extra += "space_id=" + std::to_string(*f.space_id) + "&";
    json::array data;
    std::int64_t total = 0;
    db.read([&](storage::Connection& c) {
      for (const auto& p : list(c, f)) data.push_back(page_json(p));
      total = count(c, f);
    });
    json::object body;
    body["data"] = std::move(data);
    body["meta"] = web::api::page_meta("/api/v1/pages", extra, paging, total);
    return web::api::reply(body);
  });

  context.router.get("/api/v1/pages/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto p = public_page(c, id);
      auto o = page_json(p);
      o["body_markdown"] = p.body;
      o["body_html"] = web::render_markdown(p.body);
      o["documents"] = documents::to_json(c, {"page", id});
      body["data"] = std::move(o);
    });
    return web::api::reply(body);
  });

  context.router.get("/api/v1/pages/{id}/revisions", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::array data;
    db.read([&](storage::Connection& c) {
      public_page(c, id);
      for (const auto& r : revisions(c, id, false)) {
        // Who edited is the organisation's business; what changed and when is public.
        data.push_back({{"number", r.number},
                        {"title", r.title},
                        {"body_markdown", r.body},
                        {"note", r.note},
                        {"edited_at", r.edited_at}});
      }
    });
    json::object body;
    body["data"] = std::move(data);
    return web::api::reply(body);
  });
}

}  // namespace ruamkit::features::pages
