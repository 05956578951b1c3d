#include "features/directory/directory.h"

#include "features/organisations/organisations.h"
#include "features/search/index.h"
#include "http/error.h"
#include "http/url.h"

namespace ruamkit::features::directory {
namespace {

// Plain text → paragraphs (blank lines separate them), each escaped by the template.
web::ViewList paragraphs(const std::string& text) {
  web::ViewList out;
  std::string current;
  std::size_t start = 0;
  auto flush = [&] {
    while (!current.empty() &&
           (current.back() == '\n' || current.back() == '\r' || current.back() == ' ')) {
      current.pop_back();
    }
    if (!current.empty()) out.push_back(web::ViewData(current));
    current.clear();
  };
  while (start <= text.size()) {
    const auto end = text.find('\n', start);
    std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) {
      flush();
    } else {
      if (!current.empty()) current += '\n';
      current += line;
    }
    if (end == std::string::npos) break;
    start = end + 1;
  }
  flush();
  return out;
}

web::ViewData optional_list(const web::ViewList& list) {
  return list.empty() ? web::ViewData(false) : web::ViewData(list);
}

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
      data.set("children", optional_list(children));
      data.set("mission", optional_list(paragraphs(o->mission)));
      data.set("about", optional_list(paragraphs(o->about)));
      data.set("channels", optional_list(paragraphs(o->participation_channels)));
      data.set("email", web::text_or_false(o->email));
      data.set("phone", web::text_or_false(o->phone));
      data.set("website", web::text_or_false(o->website));
      data.set("address", web::text_or_false(o->address));
      data.set("has_contacts",
               !(o->email.empty() && o->phone.empty() && o->website.empty() && o->address.empty()));
    });
    return views.page(request, "organisations/show", title, data);
  });

  context.router.get("/search", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string text(request.query_param("q").value_or(""));
    if (text.size() > 500) throw http::HttpError(400, "query_too_long");
    std::string kind(request.query_param("kind").value_or(""));
    if (kind != "" && kind != "organisation") kind.clear();
    int page = 1;
    if (const auto p = request.query_param("page")) {
      try {
        page = std::clamp(std::stoi(std::string(*p)), 1, 500);
      } catch (const std::exception&) {
        throw http::HttpError(400, "bad_page");
      }
    }
    web::ViewData data;
    data.set("q", text);
    data.set("kind_all", kind.empty());
    data.set("kind_organisation", kind == "organisation");
    const bool searched = !search::match_expression(text).empty();
    data.set("searched", searched);
    if (searched) {
      search::Query query{text, kind, std::nullopt, kPageSize, (page - 1) * kPageSize};
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
      const std::string base = "/search?q=" + http::encode_query_value(text) +
                               (kind.empty() ? "" : "&kind=" + kind) + "&page=";
      data.set("previous", web::text_or_false(page > 1 ? base + std::to_string(page - 1) : ""));
      data.set("next", web::text_or_false(static_cast<std::int64_t>(page) * kPageSize < total
                                              ? base + std::to_string(page + 1)
                                              : ""));
    }
    return views.page(request, "search/results", t.text("search.heading"), data);
  });
}

}  // namespace ruamkit::features::directory
