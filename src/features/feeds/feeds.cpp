#include "features/feeds/feeds.h"

#include "features/organisations/organisations.h"
#include "features/pages/pages.h"
#include "http/error.h"
#include "web/feed.h"
#include "web/json_api.h"
#include "web/markdown.h"

namespace ruamkit::features::feeds {
namespace {

constexpr int kEntries = 50;

enum class Format { atom, rss };

http::Response feed(storage::Database& db, const web::Views& views, const Site& config,
                    const http::Request& request, const std::string& slug, Format format) {
  const auto& t = views.messages(request);
  const auto root = web::api::site_root(config.base_url, request);
  web::FeedInfo info;
  std::vector<web::FeedEntry> entries;
  db.read([&](storage::Connection& c) {
    pages::Filter f;
    f.kind = "announcement";
    f.limit = kEntries;
    std::string site_path = "/announcements";
    std::string feed_path = "/feed";
    info.title = t.text("feeds.site_title");
    if (!slug.empty()) {
      const auto o = organisations::find_by_slug(c, slug);
      if (!o) throw http::HttpError(404, "no_organisation");
      f.organisation_id = o->id;
      site_path = "/announcements?organisation=" + slug;
      feed_path = "/organisations/" + slug + "/feed";
      info.title = t.format("feeds.organisation_title", {{"name", o->name(t.locale())}});
    }
    feed_path += format == Format::atom ? ".atom" : ".rss";
    info.id = root + feed_path;
    info.site_url = root + site_path;
    info.feed_url = root + feed_path;
    info.subtitle = t.text("feeds.subtitle");
    info.language = t.locale();
    for (const auto& p : pages::list(c, f)) {
      web::FeedEntry e;
      e.id = root + p.url();
      e.url = root + p.url();
      e.title = p.title;
      e.summary_html = web::render_markdown(p.body);
      e.author = p.organisation_name(t.locale());
      e.published = p.published_at;
      e.updated = p.updated_at;
      entries.push_back(std::move(e));
    }
  });
  http::Response response;
  response.body =
      format == Format::atom ? web::atom_feed(info, entries) : web::rss_feed(info, entries);
  response.headers.set("Content-Type", format == Format::atom
                                           ? "application/atom+xml; charset=utf-8"
                                           : "application/rss+xml; charset=utf-8");
  response.headers.set("Cache-Control", "public, max-age=300");
  response.headers.set("Vary", "Accept-Language, Cookie");
  return response;
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& config = context.site;
  for (const auto format : {Format::atom, Format::rss}) {
    const std::string ext = format == Format::atom ? ".atom" : ".rss";
    context.router.get("/feed" + ext, [&db, &views, &config, format](http::Request& request) {
      return feed(db, views, config, request, "", format);
    });
    context.router.get(
        "/organisations/{slug}/feed" + ext, [&db, &views, &config, format](http::Request& request) {
          return feed(db, views, config, request, std::string(request.path_param("slug")), format);
        });
  }
}

}  // namespace ruamkit::features::feeds
