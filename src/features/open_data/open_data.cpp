#include "features/open_data/open_data.h"

#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>

#include "core/fiscal_year.h"
#include "features/organisations/organisations.h"
#include "features/registry.h"
#include "features/search/index.h"
#include "http/error.h"
#include "http/url.h"
#include "web/escape.h"
#include "web/json_api.h"
#include "web/request.h"

namespace ruamkit::features::open_data {
namespace {

namespace json = boost::json;
using namespace web::api;

json::object organisation_json(const organisations::Organisation& o, bool full) {
  json::object item;
  item["id"] = o.id;
  item["slug"] = o.slug;
  item["kind"] = o.kind;
  item["name_th"] = o.name_th;
  item["name_en"] = o.name_en;
  item["parent_id"] = o.parent_id ? json::value(*o.parent_id) : json::value(nullptr);
  item["url"] = "/organisations/" + o.slug;
  item["email"] = text_or_null(o.email);
  item["phone"] = text_or_null(o.phone);
  item["website"] = text_or_null(o.website);
  item["address"] = text_or_null(o.address);
  if (full) {
    item["mission"] = text_or_null(o.mission);
    item["about"] = text_or_null(o.about);
    item["participation_channels"] = text_or_null(o.participation_channels);
  }
  return item;
}

// The organisation's participation evidence for fiscal year `fy` (BE).
json::object evidence_json(const Registry& registry, storage::Connection& c,
                           const organisations::Organisation& o, int fy) {
  const auto period = fiscal_period(fy);
  json::array items;
  for (const auto& e : registry.evidence(c, o.id, o.slug, period)) {
    items.push_back({{"component", e.component},
                     {"kind", e.kind},
                     {"level", e.level},
                     {"count", e.count},
                     {"url", text_or_null(e.url)}});
  }
  return {{"organisation_id", o.id},
          {"fiscal_year", fy},
          {"first_day", period.first_day},
          {"last_day", period.last_day},
          {"evidence", std::move(items)}};
}

// ?fy= as a Buddhist-Era fiscal year (2549, when the OPDC indicator began, to
// 2700); the current one when absent. Throws HttpError 400 otherwise.
int fiscal_year_param(const http::Request& request) {
  const auto text = request.query_param("fy");
  if (!text) return core::fiscal_year_be(core::today_in_thailand());
  int fy = 0;
  const auto [ptr, ec] = std::from_chars(text->data(), text->data() + text->size(), fy);
  if (ec != std::errc() || ptr != text->data() + text->size() || fy < 2549 || fy > 2700) {
    throw http::HttpError(400, "bad_fiscal_year");
  }
  return fy;
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;

  // sitemap.xml (sitemaps.org 0.9): every public page, with absolute URLs.
  context.router.get("/sitemap.xml", [&db, &config = context.site](http::Request& request) {
    const auto root = web::api::site_root(config.base_url, request);
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    auto add = [&](const std::string& path) {
      xml += "  <url><loc>" + web::escape_markup(root + path) + "</loc></url>\n";
    };
    for (const char* path : {"/", "/organisations", "/processes", "/committees", "/announcements",
                             "/search", "/privacy"}) {
      add(path);
    }
    db.read([&](storage::Connection& c) {
      for (const auto& o : organisations::tree(c)) add("/organisations/" + o.slug);
      // Public items are exactly what the search index holds.
      auto rows =
          c.query("SELECT url FROM search_entries WHERE kind <> 'organisation' ORDER BY kind, id");
      while (rows.next()) add(rows.text(0));
    });
    xml += "</urlset>\n";
    http::Response response;
    response.headers.set("Content-Type", "application/xml; charset=utf-8");
    response.body = std::move(xml);
    return response;
  });

  context.router.get("/robots.txt", [&config = context.site](http::Request& request) {
    return http::Response::text(
        "User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /manage\n"
        "Disallow: /dev/\nSitemap: " +
        web::api::site_root(config.base_url, request) + "/sitemap.xml\n");
  });

  // One document from the base and every component's fragment; a broken
  // fragment stops the server from starting.
  context.router.get("/api/v1/openapi.json", [document = json::serialize(context.registry.openapi(
                                                  context.site.share_dir))](http::Request&) {
    auto response = http::Response::json(document);
    response.headers.set("Access-Control-Allow-Origin", "*");
    return response;
  });

  context.router.get("/api/v1/organisations", [&db](http::Request& request) {
    const auto p = paging(request);
    json::array data;
    std::int64_t total = 0;
    db.read([&](storage::Connection& c) {
      const auto all = organisations::tree(c);  // stable order: the tree, Thai collation
      total = static_cast<std::int64_t>(all.size());
      const auto first =
          static_cast<std::size_t>(p.page - 1) * static_cast<std::size_t>(p.per_page);
      for (std::size_t i = first;
           i < all.size() && i < first + static_cast<std::size_t>(p.per_page); ++i) {
        data.push_back(organisation_json(all[i], false));
      }
    });
    json::object body;
    body["data"] = std::move(data);
    body["meta"] = page_meta("/api/v1/organisations", "", p, total);
    return reply(body);
  });

  context.router.get("/api/v1/organisations/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto o = db.read([&](storage::Connection& c) { return organisations::find(c, id); });
    if (!o) throw http::HttpError(404, "no_organisation");
    json::object body;
    body["data"] = organisation_json(*o, true);
    return reply(body);
  });

  // What each component shows of the organisation's participation in a
  // fiscal year: the evidence the OPDC indicator is computed from.
  context.router.get("/api/v1/organisations/{id}/evidence",
                     [&db, &registry = context.registry](http::Request& request) {
                       const auto id = web::id_param(request, "id");
                       const int fy = fiscal_year_param(request);
                       json::object body;
                       db.read([&](storage::Connection& c) {
                         const auto o = organisations::find(c, id);
                         if (!o) throw http::HttpError(404, "no_organisation");
                         body["data"] = evidence_json(registry, c, *o, fy);
                       });
                       return reply(body);
                     });

  context.router.get("/api/v1/search", [&db, &registry = context.registry](http::Request& request) {
    const auto p = paging(request);
    const std::string text(request.query_param("q").value_or(""));
    if (text.size() > 500) throw http::HttpError(400, "query_too_long");
    const std::string kind(request.query_param("kind").value_or(""));
    const auto kinds = registry.search_kinds();
    if (!kind.empty() && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      throw http::HttpError(400, "unknown_kind");
    }
    std::optional<std::int64_t> organisation_id;
    if (const auto o = request.query_param("organisation_id"); o && !o->empty()) {
      organisation_id = web::id_value(*o);
    }
    search::Query query{text, kind, organisation_id, p.per_page, (p.page - 1) * p.per_page};
    std::vector<search::Hit> hits;
    std::int64_t total = 0;
    db.read([&](storage::Connection& c) {
      hits = search::search(c, query);
      total = search::count(c, query);
    });
    json::array data;
    for (const auto& h : hits) {
      json::object item;
      item["kind"] = h.kind;
      item["id"] = h.ref;
      item["url"] = h.url;
      item["title_html"] = h.title_html;
      item["snippet_html"] = h.snippet_html;
      item["rank"] = h.rank;
      data.push_back(std::move(item));
    }
    json::object body;
    body["data"] = std::move(data);
    body["meta"] = page_meta(
        "/api/v1/search",
        "q=" + http::encode_query_value(text) + "&" +
            (kind.empty() ? "" : "kind=" + http::encode_query_value(kind) + "&") +
            (organisation_id ? "organisation_id=" + std::to_string(*organisation_id) + "&" : ""),
        p, total);
    return reply(body);
  });
}

}  // namespace ruamkit::features::open_data
