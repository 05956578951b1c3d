#include "features/open_data/open_data.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/config.h"
#include "features/feeds/feeds.h"
#include "features/open_data/json_api.h"
#include "features/organisations/organisations.h"
#include "features/search/index.h"
#include "http/error.h"
#include "http/url.h"
#include "web/escape.h"

namespace ruamkit::features::open_data {
namespace {

namespace json = boost::json;
using namespace api;

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

std::string load_openapi(const std::string& share_dir) {
  const auto path = std::filesystem::path(share_dir) / "api" / "openapi.json";
  std::ifstream in(path);
  if (!in) throw std::runtime_error("OpenAPI document not found: " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  boost::system::error_code ec;
  json::parse(text.str(), ec);  // refuse to start with a broken document
  if (ec) throw std::runtime_error("OpenAPI document is not valid JSON: " + path.string());
  return text.str();
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;

  // sitemap.xml (sitemaps.org 0.9): every public page, with absolute URLs.
  context.router.get("/sitemap.xml", [&db, &config = context.config](http::Request& request) {
    const auto root = feeds::site_root(config, request);
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

  context.router.get("/robots.txt", [&config = context.config](http::Request& request) {
    return http::Response::text(
        "User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /manage\n"
        "Disallow: /dev/\nSitemap: " +
        feeds::site_root(config, request) + "/sitemap.xml\n");
  });

  context.router.get("/api/v1/openapi.json",
                     [document = load_openapi(context.config.share_dir)](http::Request&) {
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
    const auto id = api::id_param(request, "id");
    const auto o = db.read([&](storage::Connection& c) { return organisations::find(c, id); });
    if (!o) throw http::HttpError(404, "no_organisation");
    json::object body;
    body["data"] = organisation_json(*o, true);
    return reply(body);
  });

  context.router.get("/api/v1/search", [&db](http::Request& request) {
    const auto p = paging(request);
    const std::string text(request.query_param("q").value_or(""));
    if (text.size() > 500) throw http::HttpError(400, "query_too_long");
    const std::string kind(request.query_param("kind").value_or(""));
    std::optional<std::int64_t> organisation_id;
    if (const auto o = request.query_param("organisation_id"); o && !o->empty()) {
      organisation_id = api::id_value(*o);
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
