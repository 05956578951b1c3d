// Public pages of spaces: /processes and /committees (filtered, paged), one
// process with its phases, one committee with its members and meetings, one
// meeting record. Drafts are 404 to everyone but the owning organisation's
// officials, who see them with a "draft" banner.
#include "core/fiscal_year.h"
#include "features/documents/views.h"
#include "features/notifications/notifications.h"
#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/spaces/module.h"
#include "features/spaces/views.h"
#include "http/error.h"
#include "http/url.h"
#include "web/dates.h"
#include "web/markdown.h"
#include "web/paging.h"
#include "web/request.h"

namespace ruamkit::features::spaces {
namespace {

using organisations::may_manage;

constexpr int kPageSize = 20;

// Reads the filter of a public list from the query. Unknown codes are a 400:
// they come from a hand-made link, not from the form.
Filter read_filter(storage::Connection& c, const http::Request& request, const std::string& kind,
                   std::string& organisation_slug) {
  Filter f;
  f.kind = kind;
  auto param = [&](std::string_view name) {
    return std::string(request.query_param(name).value_or(""));
  };
  organisation_slug = param("organisation");
  if (!organisation_slug.empty()) {
    const auto o = organisations::find_by_slug(c, organisation_slug);
    if (!o) throw http::HttpError(400, "unknown_organisation");
    f.organisation_id = o->id;
  }
  f.province_code = param("province");
  if (!f.province_code.empty() && !province_exists(c, f.province_code)) {
    throw http::HttpError(400, "unknown_province");
  }
  f.level = param("level");
  f.stage = param("stage");
  f.topic = param("topic");
  f.status = param("status");
  if ((!f.level.empty() && !is_one_of(levels(), f.level)) ||
      (!f.stage.empty() && !is_one_of(stages(), f.stage)) ||
      (!f.topic.empty() && !is_one_of(topics(), f.topic)) ||
      (!f.status.empty() && f.status != "published" && f.status != "archived")) {
    throw http::HttpError(400, "unknown_filter");
  }
  return f;
}

// The query string of `f` without the page, ending in "&" when not empty.
std::string filter_query(const Filter& f, const std::string& organisation_slug) {
  std::string q;
  auto add = [&](const char* name, const std::string& value) {
    if (!value.empty()) q += std::string(name) + "=" + http::encode_query_value(value) + "&";
  };
  add("organisation", organisation_slug);
  add("province", f.province_code);
  add("level", f.level);
  add("stage", f.stage);
  add("topic", f.topic);
  add("status", f.status);
  return q;
}

// Loads space `id` of `kind` for the public page: 404 when it is missing or
// a draft the visitor may not see.
Space visible_space(storage::Connection& c, const http::Request& request, std::int64_t id,
                    const std::string& kind) {
  auto s = find(c, id);
  if (!s || s->kind != kind) throw http::HttpError(404, "no_space");
  if (!s->is_public() && !may_manage(c, request, s->organisation_id)) {
    throw http::HttpError(404, "no_space");
  }
  return *s;
}

// Whether the signed-in visitor follows the (public) space, for the follow button.
void set_following(storage::Connection& c, const http::Request& request, const Space& s,
                   web::ViewData& data) {
  const bool can = request.visitor.signed_in() && s.is_public();
  data.set("can_follow", can);
  data.set("following", can && notifications::follows(c, request.visitor.user_id, s.id));
}

http::Response list_page(storage::Database& db, const web::Views& views, http::Request& request,
                         const std::string& kind) {
  const auto& t = views.messages(request);
  const int page = web::page_number(request);
  web::ViewData data;
  db.read([&](storage::Connection& c) {
    std::string organisation_slug;
    auto f = read_filter(c, request, kind, organisation_slug);
    f.limit = kPageSize;
    f.offset = (page - 1) * kPageSize;
    web::ViewList items;
    for (const auto& s : list(c, f)) items.push_back(card(s, t));
    const auto total = count(c, f);
    data.set("spaces", items);
    data.set("none", items.empty());
    data.set("count_text", t.format("spaces.count", {{"count", total}}));
    data.set("pager", web::pager("/" + kind + (kind == "process" ? "es" : "s") + "?" +
                                     filter_query(f, organisation_slug) + "page=",
                                 page, kPageSize, total));
    // The filter form, with the current choices selected.
    auto options = [&](const std::vector<std::pair<std::string, std::string>>& pairs,
                       const std::string& selected) {
      web::ViewList list;
      for (const auto& [value, label] : pairs) {
        web::ViewData o;
        o.set("value", value);
        o.set("label", label);
        o.set("selected", value == selected);
        list.push_back(o);
      }
      return list;
    };
    std::vector<std::pair<std::string, std::string>> orgs = {{"", t.text("spaces.filter.any")}};
    for (const auto& o : organisations::tree(c)) {
      std::string prefix;
      for (int i = 0; i < o.depth; ++i) prefix += "— ";
      orgs.emplace_back(o.slug, prefix + o.name(t.locale()));
    }
    std::vector<std::pair<std::string, std::string>> province_choices = {
        {"", t.text("spaces.filter.any")}};
    for (const auto& p : provinces(c)) {
      province_choices.emplace_back(p.code, t.locale() == "en" ? p.name_en : p.name_th);
    }
    data.set("organisation_options", options(orgs, organisation_slug));
    data.set("province_options", options(province_choices, f.province_code));
    data.set("level_options",
             options(choices(levels(), "levels.", t, "spaces.filter.any"), f.level));
    data.set("stage_options",
             options(choices(stages(), "stages.", t, "spaces.filter.any"), f.stage));
    data.set("topic_options",
             options(choices(topics(), "spaces.topics.", t, "spaces.filter.any"), f.topic));
    data.set("status_options", options({{"", t.text("spaces.filter.any")},
                                        {"published", t.text("spaces.statuses.published")},
                                        {"archived", t.text("spaces.statuses.archived")}},
                                       f.status));
  });
  data.set("is_process", kind == "process");
  data.set("action", kind == "process" ? "/processes" : "/committees");
  const auto heading =
      t.text(kind == "process" ? "spaces.processes_heading" : "spaces.committees_heading");
  data.set("heading", heading);
  data.set("intro",
           t.text(kind == "process" ? "spaces.processes_intro" : "spaces.committees_intro"));
  return views.page(request, "spaces/index", heading, data);
}

}  // namespace

void install_public(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/processes", [&db, &views](http::Request& request) {
    return list_page(db, views, request, "process");
  });
  context.router.get("/committees", [&db, &views](http::Request& request) {
    return list_page(db, views, request, "committee");
  });

  context.router.get("/processes/{id}", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const auto id = web::id_param(request, "id");
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto s = visible_space(c, request, id, "process");
      title = s.title;
      data = detail(s, t);
      const auto list = phases(c, id);
      data.set("phases", phase_list(list, core::today_in_thailand(), t));
      data.set("components", components_view(c, s, t, false));
      data.set("documents", documents::list_view(c, {"space", id}, t));
      set_contents(data, c, s, t, false);
      data.set("can_manage", may_manage(c, request, s.organisation_id));
      set_following(c, request, s, data);
    });
    return views.page(request, "spaces/process", title, data);
  });

  context.router.get("/committees/{id}", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const auto id = web::id_param(request, "id");
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto s = visible_space(c, request, id, "committee");
      title = s.title;
      data = detail(s, t);
      data.set("membership", member_list(members(c, id), core::today_in_thailand(), t));
      data.set("meetings", meeting_list(s, meetings(c, id), t));
      data.set("components", components_view(c, s, t, false));
      data.set("documents", documents::list_view(c, {"space", id}, t));
      set_contents(data, c, s, t, false);
      data.set("can_manage", may_manage(c, request, s.organisation_id));
      set_following(c, request, s, data);
    });
    return views.page(request, "spaces/committee", title, data);
  });

  context.router.get("/committees/{id}/meetings/{meeting}", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const auto id = web::id_param(request, "id");
    const auto meeting_id = web::id_param(request, "meeting");
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto s = visible_space(c, request, id, "committee");
      const auto m = find_meeting(c, meeting_id);
      if (!m || m->space_id != id) throw http::HttpError(404, "no_meeting");
      title = m->title;
      data.set("committee", card(s, t));
      data.set("title", m->title);
      data.set("held_on", m->held_on);
      data.set("held_display", web::format_iso_day(m->held_on, t.locale()));
      data.set("location", web::text_or_false(m->location));
      data.set("agenda_html", web::text_or_false(web::render_markdown(m->agenda, 2)));
      data.set("minutes_html", web::text_or_false(web::render_markdown(m->minutes, 2)));
      data.set("documents", documents::list_view(c, {"meeting", meeting_id}, t));
      data.set("can_manage", may_manage(c, request, s.organisation_id));
      data.set("manage_url", "/manage/meetings/" + std::to_string(meeting_id));
    });
    return views.page(request, "spaces/meeting", title, data);
  });

  // Follow a public process or committee: its news reaches the inbox.
  context.router.post("/spaces/{id}/follow", [&db](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto id = web::id_param(request, "id");
    std::string back;
    db.write([&](storage::Connection& c) {
      const auto s = find(c, id);
      if (!s || !s->is_public()) throw http::HttpError(404, "no_space");
      notifications::toggle_follow(c, user_id, id);
      back = s->url();
    });
    return web::redirect(back);
  });
}

}  // namespace ruamkit::features::spaces
