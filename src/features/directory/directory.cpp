#include "features/directory/directory.h"

#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/pages/views.h"
#include "features/registry.h"
#include "features/search/index.h"
#include "features/spaces/views.h"
#include "http/error.h"
#include "http/url.h"
#include "web/markdown.h"
#include "web/paging.h"

namespace ruamkit::features::directory {
namespace {

constexpr int kPageSize = 20;

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/organisations", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    web::ViewList items;
    db.read([&](storage::Connection& c) {
      for (const auto& o : organisations::tree(c)) {
        web::ViewData item;
        item.set("slug", o.slug);
        item.set("name", o.name(t.locale()));
        item.set("kind", t.text("organisations.kinds." + o.kind));
        item.set("depth", std::to_string(std::min(o.depth, 4)));
        items.push_back(item);
      }
    });
    web::ViewData data;
    data.set("organisations", items);
    data.set("empty", items.empty());
    return views.page(request, "organisations/index", t.text("directory.heading"), data);
  });

  context.router.get("/organisations/{slug}", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string slug(request.path_param("slug"));
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto o = organisations::find_by_slug(c, slug);
      if (!o) throw http::HttpError(404, "no_organisation");
      title = o->name(t.locale());
      data.set("name", title);
      data.set("slug", o->slug);
      data.set("other_name", t.locale() == "en" ? o->name_th : o->name_en);
      data.set("kind", t.text("organisations.kinds." + o->kind));
      if (o->parent_id) {
        if (const auto parent = organisations::find(c, *o->parent_id)) {
          web::ViewData p;
          p.set("slug", parent->slug);
          p.set("name", parent->name(t.locale()));
          data.set("parent", p);
        }
      } else {
        data.set("parent", false);
      }
      web::ViewList children;
      for (const auto& child : organisations::children(c, o->id)) {
        web::ViewData item;
        item.set("slug", child.slug);
        item.set("name", child.name(t.locale()));
        children.push_back(item);
      }
      data.set("children", web::optional_items(children));
      // Organisation texts are Markdown, rendered safely (no raw HTML).
      data.set("mission_html", web::text_or_false(web::render_markdown(o->mission, 2)));
      data.set("about_html", web::text_or_false(web::render_markdown(o->about, 2)));
      data.set("channels_html",
               web::text_or_false(web::render_markdown(o->participation_channels, 2)));
      // Everything the organisation has published.
      for (const std::string kind : {"process", "committee"}) {
        spaces::Filter f;
        f.kind = kind;
        f.organisation_id = o->id;
        f.limit = 10;
        web::ViewList items;
        for (const auto& s : spaces::list(c, f)) items.push_back(spaces::card(s, t));
        data.set(kind == "process" ? "processes" : "committees", web::optional_items(items));
        data.set(kind == "process" ? "more_processes" : "more_committees",
                 spaces::count(c, f) > 10);
      }
      for (const std::string kind : {"page", "announcement"}) {
        pages::Filter f;
        f.kind = kind;
        f.organisation_id = o->id;
        f.only_outside_spaces = kind == "page";
        f.limit = 10;
        web::ViewList items;
        for (const auto& p : pages::list(c, f)) items.push_back(pages::card(p, t));
        data.set(kind == "page" ? "pages" : "announcements", web::optional_items(items));
      }
      data.set("can_manage", organisations::may_manage(c, request, o->id));
      data.set("manage_url", "/manage/organisations/" + std::to_string(o->id));
      data.set("email", web::text_or_false(o->email));
      data.set("phone", web::text_or_false(o->phone));
      data.set("website", web::text_or_false(o->website));
      data.set("address", web::text_or_false(o->address));
      data.set("has_contacts",
               !(o->email.empty() && o->phone.empty() && o->website.empty() && o->address.empty()));
    });
    return views.page(request, "organisations/show", title, data);
  });

  // The kinds to filter by: every component's (organisation first).
  context.router.get("/search", [&db, &views,
                                 kinds = context.registry.search_kinds()](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string text(request.query_param("q").value_or(""));
    if (text.size() > 500) throw http::HttpError(400, "query_too_long");
    std::string kind(request.query_param("kind").value_or(""));
    if (!kind.empty() && std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) {
      kind.clear();
    }
    const std::string organisation(request.query_param("organisation").value_or(""));
    const int page = web::page_number(request, 500);
    web::ViewData data;
    data.set("q", text);
    web::ViewList kind_options;
    const auto add_option = [&](const std::string& value) {
      web::ViewData o;
      o.set("value", value);
      o.set("label", t.text("search.kinds." + (value.empty() ? std::string("all") : value)));
      o.set("selected", kind == value);
      kind_options.push_back(o);
    };
    add_option("");
    for (const auto& k : kinds) add_option(k);
    data.set("kind_options", kind_options);
    std::optional<std::int64_t> organisation_id;
    web::ViewList organisation_options;
    db.read([&](storage::Connection& c) {
      web::ViewData any;
      any.set("value", std::string());
      any.set("label", t.text("search.any_organisation"));
      any.set("selected", organisation.empty());
      organisation_options.push_back(any);
      for (const auto& o : organisations::tree(c)) {
        std::string prefix;
        for (int i = 0; i < o.depth; ++i) prefix += "— ";
        web::ViewData item;
        item.set("value", o.slug);
        item.set("label", prefix + o.name(t.locale()));
        item.set("selected", o.slug == organisation);
        organisation_options.push_back(item);
        if (o.slug == organisation) organisation_id = o.id;
      }
    });
    data.set("organisation_options", organisation_options);
    const bool searched = !search::match_expression(text).empty();
    data.set("searched", searched);
    if (searched) {
      search::Query query{text, kind, organisation_id, kPageSize, (page - 1) * kPageSize};
      std::vector<search::Hit> hits;
      std::int64_t total = 0;
      db.read([&](storage::Connection& c) {
        hits = search::search(c, query);
        total = search::count(c, query);
      });
      web::ViewList list;
      for (const auto& h : hits) {
        web::ViewData item;
        item.set("url", h.url);
        item.set("title_html", h.title_html);  // escaped by the index; only <mark> added
        item.set("snippet_html", h.snippet_html);
        item.set("kind", t.text("search.kinds." + h.kind));
        list.push_back(item);
      }
      data.set("results", list);
      data.set("none", hits.empty());
      data.set("count_text", t.format("search.count", {{"count", total}}));
      const std::string base =
          "/search?q=" + http::encode_query_value(text) + (kind.empty() ? "" : "&kind=" + kind) +
          (organisation_id ? "&organisation=" + http::encode_query_value(organisation) : "") +
          "&page=";
      data.set("pager", web::pager(base, page, kPageSize, total));
    }
    return views.page(request, "search/results", t.text("search.heading"), data);
  });
}

}  // namespace ruamkit::features::directory
