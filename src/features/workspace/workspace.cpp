#include "features/workspace/workspace.h"

#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/pages/views.h"
#include "features/spaces/views.h"
#include "http/error.h"
#include "web/request.h"

namespace ruamkit::features::workspace {

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  // The organisations the visitor publishes for.
  context.router.get("/manage", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    web::ViewList list;
    db.read([&](storage::Connection& c) {
      const auto grants = organisations::load_grants(c, user_id);
      for (const auto& o : organisations::tree(c)) {
        if (!organisations::allowed(grants, organisations::Action::publish, o.id)) continue;
        web::ViewData item;
        item.set("id", std::to_string(o.id));
        item.set("name", o.name(t.locale()));
        item.set("kind", t.text("organisations.kinds." + o.kind));
        list.push_back(item);
      }
    });
    if (list.empty()) throw http::HttpError(403, "not_an_official");
    web::ViewData data;
    data.set("organisations", list);
    return views.page(request, "workspace/index", t.text("workspace.heading"), data);
  });

  // One organisation's spaces and pages, drafts included.
  context.router.get("/manage/organisations/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      organisations::require_manage(c, request, id);
      const auto o = organisations::find(c, id);
      if (!o) throw http::HttpError(404, "no_organisation");
      title = o->name(t.locale());
      data.set("name", title);
      data.set("id", std::to_string(id));
      data.set("slug", o->slug);
      for (const std::string kind : {"process", "committee"}) {
        spaces::Filter f;
        f.kind = kind;
        f.organisation_id = id;
        f.drafts = true;
        f.limit = 200;
        web::ViewList items;
        for (const auto& s : spaces::list(c, f)) {
          auto item = spaces::card(s, t);
          item.set("manage_url", "/manage/spaces/" + std::to_string(s.id));
          items.push_back(item);
        }
        data.set(kind == "process" ? "processes" : "committees", web::optional_items(items));
      }
      data.set("pages", pages::manage_list_view(c, id, std::nullopt, t));
    });
    data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
    return views.page(request, "workspace/organisation", title, data);
  });
}

}  // namespace ruamkit::features::workspace
