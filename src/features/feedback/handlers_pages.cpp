// The organisation admins' page of case handlers:
// /manage/organisations/{id}/feedback/handlers, where they grant the
// case-handling role (every category, or one) to the organisation's officials
// and revoke it. Every change is audit-logged.
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "features/feedback/handlers.h"
#include "features/feedback/module.h"
#include "features/feedback/views.h"
#include "features/organisations/organisations.h"
#include "features/respond.h"
#include "http/error.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

using organisations::Action;

std::string handlers_url(std::int64_t organisation_id) {
  return "/manage/organisations/" + std::to_string(organisation_id) + "/feedback/handlers";
}

// The organisation's officials (and admins): those the role may go to.
std::vector<organisations::Member> officials(storage::Connection& c, std::int64_t organisation_id) {
  std::vector<organisations::Member> out;
  for (auto& m : organisations::members(c, organisation_id)) {
    if (m.role != organisations::Role::moderator) out.push_back(std::move(m));
  }
  return out;
}

web::Form grant_form(const web::Catalogue& t, storage::Connection& c,
                     std::int64_t organisation_id) {
  std::vector<std::pair<std::string, std::string>> people;
  for (const auto& m : officials(c, organisation_id)) {
    people.emplace_back(std::to_string(m.user_id), m.display_name);
  }
  auto kinds = category_options(categories(c, organisation_id, true), t.locale());
  kinds.insert(kinds.begin(), {"", t.text("feedback.handlers.every_category")});
  web::Form form(t, handlers_url(organisation_id), "feedback.handlers.grant_heading",
                 "feedback.handlers.grant");
  form.select("user", "feedback.handlers.official", people, "")
      .select("category", "feedback.handlers.category", kinds, "", false);
  return form;
}

http::Response handlers_page(const web::Views& views, const http::Request& request,
                             storage::Connection& c, std::int64_t organisation_id,
                             std::optional<web::Form> form = std::nullopt, int status = 200) {
  const auto& t = views.messages(request);
  const auto o = organisations::find(c, organisation_id);
  if (!o) throw http::HttpError(404, "no_organisation");
  web::ViewList items;
  for (const auto& h : handlers_of(c, organisation_id)) {
    web::ViewData item;
    item.set("id", std::to_string(h.id));
    item.set("name", h.name);
    item.set("category", h.category_id ? (t.locale() == "en" && !h.category_name_en.empty()
                                              ? h.category_name_en
                                              : h.category_name_th)
                                       : t.text("feedback.handlers.every_category"));
    items.push_back(item);
  }
  web::ViewData data;
  data.set("organisation", o->name(t.locale()));
  data.set("handlers", web::optional_items(items));
  data.set("grant_form", (form ? *form : grant_form(t, c, organisation_id)).view());
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  data.set("queue_url", "/manage/organisations/" + std::to_string(organisation_id) + "/feedback");
  return views.page(request, "feedback/handlers", t.text("feedback.handlers.heading"), data,
                    status);
}

}  // namespace

void install_handlers(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/manage/organisations/{id}/feedback/handlers", [&db, &views](
                                                                         http::Request& request) {
    const auto id = web::id_param(request, "id");
    admin::require(db, request, Action::manage_members, id);
    return db.read([&](storage::Connection& c) { return handlers_page(views, request, c, id); });
  });

  context.router.post("/manage/organisations/{id}/feedback/handlers", [&db, &views](
                                                                          http::Request& request) {
    const auto id = web::id_param(request, "id");
    admin::require(db, request, Action::manage_members, id);
    const auto& t = views.messages(request);
    const auto user = web::parse_id(web::form_value(request, "user"));
    const auto category_text = web::form_value(request, "category");
    const auto category = web::parse_id(category_text);
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          std::string problem;
          const auto list = officials(c, id);
          if (!user || std::none_of(list.begin(), list.end(),
                                    [&](const auto& m) { return m.user_id == *user; })) {
            problem = "assignee_not_official";
          }
          const auto k = category ? find_category(c, *category) : std::nullopt;
          if (!category_text.empty() && (!k || k->organisation_id != id)) {
            problem = "feedback_category_unknown";
          }
          if (problem.empty() && grant_handler(c, id, *user, category, request.visitor.user_id)) {
            audit::record(c, request,
                          {"feedback.handler_granted", "user", std::to_string(*user), id,
                           audit::details({{"category", category ? boost::json::value(*category)
                                                                 : boost::json::value(nullptr)}})});
          }
          if (problem.empty()) return std::nullopt;
          return [&, problem](storage::Connection& c) {
            auto form = grant_form(t, c, id);
            form.error(problem == "feedback_category_unknown" ? "category" : "user", problem);
            return handlers_page(views, request, c, id, form, 422);
          };
        },
        [&] { return web::redirect(handlers_url(id) + "?notice=saved"); });
  });

  context.router.post("/manage/feedback/handlers/{id}/revoke", [&db](http::Request& request) {
    const auto grant = web::id_param(request, "id");
    const auto organisation =
        db.read([&](storage::Connection& c) { return handler_organisation(c, grant); });
    if (!organisation) throw http::HttpError(404, "no_handler");
    admin::require(db, request, Action::manage_members, *organisation);
    db.write([&](storage::Connection& c) {
      if (revoke_handler(c, grant)) {
        audit::record(
            c, request,
            {"feedback.handler_revoked", "feedback_handler", std::to_string(grant), *organisation});
      }
    });
    return web::redirect(handlers_url(*organisation) + "?notice=saved");
  });
}

}  // namespace ruamkit::features::feedback
