#include "features/pages/views.h"

#include "web/dates.h"
#include "web/markdown.h"

namespace ruamkit::features::pages {
namespace {

web::ViewData cards(const std::vector<Page>& list, const web::Catalogue& t, bool manage) {
  web::ViewList items;
  for (const auto& p : list) {
    auto item = card(p, t);
    if (manage) item.set("manage_url", "/manage/pages/" + std::to_string(p.id));
    items.push_back(item);
  }
  return web::optional_items(items);
}

}  // namespace

web::ViewData card(const Page& p, const web::Catalogue& t) {
  web::ViewData v;
  v.set("id", std::to_string(p.id));
  v.set("url", p.url());
  v.set("manage_url", false);  // the workspace sets it; never inherited from the page
  v.set("kind", p.kind);
  v.set("kind_name", t.text("pages.kinds." + p.kind));
  v.set("title", p.title);
  v.set("excerpt", web::text_or_false(web::markdown_excerpt(p.body, 200)));
  v.set("status", p.status);
  v.set("status_name", t.text("pages.statuses." + p.status));
  // Not public yet: a draft, or published inside a space that is not public.
  v.set("is_draft", !p.is_public());
  v.set("organisation_name", p.organisation_name(t.locale()));
  v.set("organisation_slug", p.organisation_slug);
  v.set("published_display", web::text_or_false(web::format_iso_day(p.published_at, t.locale())));
  v.set("published_iso", web::iso_day_of(p.published_at));
  v.set("revision", std::to_string(p.revision));
  return v;
}

web::ViewData list_view(storage::Connection& c, std::int64_t space_id, const web::Catalogue& t) {
  Filter f;
  f.space_id = space_id;
  f.limit = 100;
  return cards(list(c, f), t, false);
}

web::ViewData manage_list_view(storage::Connection& c, std::int64_t organisation_id,
                               std::optional<std::int64_t> space_id, const web::Catalogue& t) {
  Filter f;
  f.organisation_id = organisation_id;
  f.space_id = space_id;
  f.only_outside_spaces = !space_id;
  f.drafts = true;
  f.limit = 500;
  return cards(list(c, f), t, true);
}

}  // namespace ruamkit::features::pages
