// Pages and announcements: the public page with its documents and revision
// history, the site-wide list of announcements, and the officials' editor
// (every save is a revision; publishing and withdrawing are audit-logged).
#include "features/pages/module.h"

#include "features/audit/audit.h"
#include "features/documents/views.h"
#include "features/notifications/notifications.h"
#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/pages/views.h"
#include "features/spaces/module.h"
#include "http/error.h"
#include "http/url.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/json_api.h"
#include "web/markdown.h"
#include "web/paging.h"
#include "web/request.h"

namespace ruamkit::features::pages {
namespace {

using web::form_value;
using web::id_param;

constexpr int kPageSize = 20;

std::string manage_url(std::int64_t id) { return "/manage/pages/" + std::to_string(id); }

// Loads page `id` for reading: 404 when missing or not public, unless the
// visitor manages its organisation.
Page visible_page(storage::Connection& c, const http::Request& request, std::int64_t id) {
  auto p = find(c, id);
  if (!p) throw http::HttpError(404, "no_page");
  if (!p->is_public() && !organisations::may_manage(c, request, p->organisation_id)) {
    throw http::HttpError(404, "no_page");
  }
  return *p;
}

Page managed_page(storage::Connection& c, const http::Request& request, std::int64_t id) {
  auto p = find(c, id);
  if (!p) throw http::HttpError(404, "no_page");
  organisations::require_manage(c, request, p->organisation_id);
  return *p;
}

// Where a page sits, for breadcrumbs: the organisation and, if any, the space.
void set_context(web::ViewData& data, const Page& p, const web::Catalogue& t) {
  data.set("organisation_name", p.organisation_name(t.locale()));
  data.set("organisation_slug", p.organisation_slug);
  if (p.space_id) {
    web::ViewData space;
    space.set("title", p.space_title);
    space.set("url", (p.space_kind == "committee" ? "/committees/" : "/processes/") +
                         std::to_string(*p.space_id));
    data.set("space", space);
  } else {
    data.set("space", false);
  }
}

web::Form editor(const web::Catalogue& t, const std::string& action, const std::string& kind,
                 const std::string& title, const std::string& body, bool is_new) {
  web::Form form(t, action, is_new ? "pages.manage.new_" + kind : "pages.manage.edit_heading",
                 is_new ? "pages.manage.create" : "pages.manage.save");
  form.field("title", "pages.manage.title", "text", title)
      .textarea("body", "pages.manage.body", body, false, "pages.manage.markdown_hint")
      .field("note", "pages.manage.note", "text", "", "off", false, "pages.manage.note_hint");
  return form;
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  install_api(context);
  // Documents attached to a page are public exactly when the page is.
  documents::register_owner_kind(
      "page", {[](storage::Connection& c, std::int64_t id) -> std::optional<documents::OwnerState> {
                 const auto p = find(c, id);
                 if (!p) return std::nullopt;
                 return documents::OwnerState{p->organisation_id, p->is_public(),
                                              "/manage/pages/" + std::to_string(id)};
               },
               [](storage::Connection& c, std::int64_t id) { reindex(c, id); }});
  // Pages and announcements inside a process or committee show on its pages
  // and in its JSON, and follow its visibility.
  spaces::register_content(
      {"pages",
       [](storage::Connection& c, const spaces::Space& s, const web::Catalogue& t, bool manage) {
         return manage ? manage_list_view(c, s.organisation_id, s.id, t) : list_view(c, s.id, t);
       },
       [](storage::Connection& c, const spaces::Space& s) -> boost::json::value {
         Filter f;
         f.space_id = s.id;
         f.limit = 500;
         boost::json::array out;
         for (const auto& p : list(c, f)) {
           out.push_back({{"id", p.id},
                          {"kind", p.kind},
                          {"title", p.title},
                          {"url", p.url()},
                          {"published_at", web::api::text_or_null(p.published_at)}});
         }
         return out;
       },
       reindex_space});

  context.router.get("/pages/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto p = visible_page(c, request, id);
      title = p.title;
      data = card(p, t);
      set_context(data, p, t);
      data.set("body_html", web::text_or_false(web::render_markdown(p.body)));
      data.set("updated_display", web::format_iso_day(p.updated_at, t.locale()));
      data.set("updated_iso", web::iso_day_of(p.updated_at));
      data.set("revised", p.revision > 1);
      data.set("documents", documents::list_view(c, {"page", id}, t));
      data.set("can_manage", organisations::may_manage(c, request, p.organisation_id));
      data.set("manage_url", manage_url(id));
    });
    return views.page(request, "pages/show", title, data);
  });

  context.router.get("/pages/{id}/revisions", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto p = visible_page(c, request, id);
      title = p.title;
      data = card(p, t);
      web::ViewList list;
      const bool manager = organisations::may_manage(c, request, p.organisation_id);
      for (const auto& r : revisions(c, id, manager)) {
        web::ViewData item;
        item.set("number", std::to_string(r.number));
        item.set("url", p.url() + "/revisions/" + std::to_string(r.number));
        item.set("title", r.title);
        item.set("note", web::text_or_false(r.note));
        item.set("edited_display", web::format_iso_day(r.edited_at, t.locale()));
        item.set("edited_iso", web::iso_day_of(r.edited_at));
        item.set("current", r.number == p.revision);
        list.push_back(item);
      }
      data.set("revisions", list);
    });
    return views.page(request, "pages/revisions", title, data);
  });

  context.router.get("/pages/{id}/revisions/{number}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto number = id_param(request, "number");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto p = visible_page(c, request, id);
      const auto r = revision(c, id, static_cast<int>(std::min<std::int64_t>(number, 1'000'000)),
                              organisations::may_manage(c, request, p.organisation_id));
      if (!r) throw http::HttpError(404, "no_revision");
      title = r->title;
      data = card(p, t);
      set_context(data, p, t);
      data.set("title", r->title);
      data.set("number", std::to_string(r->number));
      data.set("current", r->number == p.revision);
      data.set("note", web::text_or_false(r->note));
      data.set("edited_display", web::format_iso_day(r->edited_at, t.locale()));
      data.set("body_html", web::text_or_false(web::render_markdown(r->body)));
    });
    return views.page(request, "pages/revision", title, data);
  });

  // Every public announcement, newest first; ?organisation= narrows it.
  context.router.get("/announcements", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const int page = web::page_number(request);
    const std::string slug(request.query_param("organisation").value_or(""));
    web::ViewData data;
    db.read([&](storage::Connection& c) {
      Filter f;
      f.kind = "announcement";
      f.limit = kPageSize;
      f.offset = (page - 1) * kPageSize;
      if (!slug.empty()) {
        const auto o = organisations::find_by_slug(c, slug);
        if (!o) throw http::HttpError(400, "unknown_organisation");
        f.organisation_id = o->id;
        data.set("organisation_name", o->name(t.locale()));
      } else {
        data.set("organisation_name", false);
      }
      web::ViewList items;
      for (const auto& p : list(c, f)) items.push_back(card(p, t));
      const auto total = count(c, f);
      data.set("announcements", items);
      data.set("none", items.empty());
      data.set(
          "pager",
          web::pager(
              "/announcements?" +
                  (slug.empty() ? "" : "organisation=" + http::encode_query_value(slug) + "&") +
                  "page=",
              page, kPageSize, total));
    });
    data.set("feed_atom", slug.empty() ? "/feed.atom" : "/organisations/" + slug + "/feed.atom");
    data.set("feed_rss", slug.empty() ? "/feed.rss" : "/organisations/" + slug + "/feed.rss");
    return views.page(request, "pages/announcements", t.text("pages.announcements_heading"), data);
  });

  context.router.get("/manage/organisations/{id}/pages/new", [&db, &views](http::Request& request) {
    const auto organisation_id = id_param(request, "id");
    const auto& t = views.messages(request);
    const std::string kind(request.query_param("kind").value_or("page"));
    if (kind != "page" && kind != "announcement") throw http::HttpError(400, "unknown_kind");
    const std::string space(request.query_param("space").value_or(""));
    db.read([&](storage::Connection& c) {
      organisations::require_manage(c, request, organisation_id);
      if (!space.empty()) {
        const auto space_id = web::parse_id(space);
        const auto s = space_id ? spaces::find(c, *space_id) : std::nullopt;
        if (!s || s->organisation_id != organisation_id) throw http::HttpError(400, "bad_space");
      }
    });
    auto form = editor(t, "/manage/organisations/" + std::to_string(organisation_id) + "/pages",
                       kind, "", "", true);
    form.hidden("kind", kind).hidden("space_id", space);
    return views.page(request, "form", t.text("pages.manage.new_" + kind), form.view());
  });

  context.router.post("/manage/organisations/{id}/pages", [&db, &views](http::Request& request) {
    const auto organisation_id = id_param(request, "id");
    const auto& t = views.messages(request);
    Draft d;
    d.organisation_id = organisation_id;
    d.kind = form_value(request, "kind");
    d.title = form_value(request, "title");
    d.body = form_value(request, "body");
    d.note = form_value(request, "note");
    const auto space = form_value(request, "space_id");
    std::optional<web::Form> invalid;
    std::int64_t id = 0;
    db.write([&](storage::Connection& c) {
      organisations::require_manage(c, request, organisation_id);
      if (!space.empty()) {
        d.space_id = web::parse_id(space);
        const auto s = d.space_id ? spaces::find(c, *d.space_id) : std::nullopt;
        if (!s || s->organisation_id != organisation_id) throw http::HttpError(400, "bad_space");
      }
      const auto found = problems(d.kind, d.title, d.body, d.note);
      if (!found.empty()) {
        if (d.kind != "page" && d.kind != "announcement")
          throw http::HttpError(400, "unknown_kind");
        invalid.emplace(
            editor(t, "/manage/organisations/" + std::to_string(organisation_id) + "/pages", d.kind,
                   d.title, d.body, true));
        invalid->hidden("kind", d.kind).hidden("space_id", space);
        invalid->errors(found);
        return;
      }
      id = create(c, d, "draft", request.visitor.user_id);
      audit::record(c, request, {d.kind + ".created", "page", std::to_string(id), organisation_id});
    });
    if (invalid) {
      return views.page(request, "form", t.text("pages.manage.new_" + d.kind), invalid->view(),
                        422);
    }
    return web::redirect(manage_url(id) + "?notice=created");
  });

  context.router.get("/manage/pages/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto p = managed_page(c, request, id);
      title = p.title;
      data = card(p, t);
      set_context(data, p, t);
      auto form = editor(t, manage_url(id), p.kind, p.title, p.body, false);
      form.notice(web::notice(t, request, "workspace.notices."));
      data.set("form", form.view());
      data.set("to_status", p.status == "draft" ? "published" : "draft");
      data.set("status_label", t.text(p.status == "draft" ? "pages.publish" : "pages.withdraw"));
      data.set("space_hidden", p.space_id && !p.is_public() && p.status == "published");
      data.set("documents", documents::manage_list_view(c, {"page", id}, t));
      data.set("upload_form", documents::upload_form(t, {"page", id}).view());
      data.set("back_url", p.space_id
                               ? "/manage/spaces/" + std::to_string(*p.space_id)
                               : "/manage/organisations/" + std::to_string(p.organisation_id));
    });
    return views.page(request, "pages/manage", title, data);
  });

  context.router.post("/manage/pages/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto title = form_value(request, "title");
    const auto body = form_value(request, "body");
    const auto note = form_value(request, "note");
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto p = managed_page(c, request, id);
      const auto found = problems(p.kind, title, body, note);
      if (!found.empty()) {
        invalid.emplace(editor(t, manage_url(id), p.kind, title, body, false));
        invalid->errors(found);
        return;
      }
      revise(c, id, title, body, note, request.visitor.user_id);
      audit::record(c, request,
                    {p.kind + ".revised", "page", std::to_string(id), p.organisation_id});
    });
    if (invalid) {
      return views.page(request, "form", t.text("pages.manage.edit_heading"), invalid->view(), 422);
    }
    return web::redirect(manage_url(id) + "?notice=saved");
  });

  context.router.post(
      "/manage/pages/{id}/status",
      [&db, &views, &config = context.site, wake = context.wake_mail](http::Request& request) {
        const auto id = id_param(request, "id");
        const auto to = form_value(request, "status");
        if (to != "published" && to != "draft") throw http::HttpError(400, "unknown_status");
        bool news = false;
        db.write([&](storage::Connection& c) {
          const auto p = managed_page(c, request, id);
          if (p.status == to) return;
          set_status(c, id, to);
          audit::record(c, request,
                        {p.kind + (to == "published" ? ".published" : ".withdrawn"), "page",
                         std::to_string(id), p.organisation_id});
          // The first publication of an announcement in a public space is news
          // for the space's followers.
          const auto now = find(c, id);
          if (to == "published" && p.published_at.empty() && p.kind == "announcement" && now &&
              now->is_public() && p.space_id) {
            notifications::notify(c, views, config.base_url,
                                  notifications::followers(c, *p.space_id),
                                  {"space_news",
                                   notifications::Category::news,
                                   {{"space", p.space_title}, {"title", p.title}},
                                   p.url()});
            news = true;
          }
        });
        if (news && wake) wake();
        return web::redirect(manage_url(id) + "?notice=" + to);
      });
}

}  // namespace ruamkit::features::pages
