// The categories of an organisation's feedback (each an Open311 service):
// name, target days for the service level, and the reporter's reopening
// window. Officials of the organisation add and edit them; a category with
// cases is switched off rather than deleted.
#include "features/audit/audit.h"
#include "features/feedback/cases.h"
#include "features/feedback/module.h"
#include "features/organisations/organisations.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "http/error.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::feedback {
namespace {

using web::form_value;

std::string list_url(std::int64_t organisation_id) {
  return "/manage/organisations/" + std::to_string(organisation_id) + "/feedback/categories";
}

int number(const http::Request& request, const char* name, int fallback) {
  const auto text = form_value(request, name);
  if (text.empty()) return fallback;
  try {
    std::size_t used = 0;
    const int value = std::stoi(text, &used);
    return used == text.size() ? value : -1;
  } catch (const std::exception&) {
    return -1;  // reported by check_category
  }
}

Category read_category(const http::Request& request) {
  Category k;
  k.code = form_value(request, "code");
  k.name_th = form_value(request, "name_th");
  k.name_en = form_value(request, "name_en");
  k.description = form_value(request, "description");
  k.target_days = number(request, "target_days", 15);
  k.reopen_days = number(request, "reopen_days", 14);
  k.active = form_value(request, "active") == "yes";
  return k;
}

web::Form category_form(const web::Catalogue& t, const std::string& action, const Category& k,
                        bool is_new) {
  web::Form form(t, action, is_new ? "feedback.categories.new" : "feedback.categories.edit",
                 is_new ? "feedback.categories.create" : "feedback.categories.save");
  form.id_prefix(is_new ? "new-" : "category-" + std::to_string(k.id) + "-")
      .field("name_th", "feedback.categories.name_th", "text", k.name_th)
      .field("name_en", "feedback.categories.name_en", "text", k.name_en, "off", false)
      .field("code", "feedback.categories.code", "text", k.code, "off", true,
             "feedback.categories.code_hint")
      .textarea("description", "feedback.categories.description", k.description)
      .field("target_days", "feedback.categories.target_days", "number",
             std::to_string(k.target_days), "off", true, "feedback.categories.target_hint")
      .field("reopen_days", "feedback.categories.reopen_days", "number",
             std::to_string(k.reopen_days), "off", true, "feedback.categories.reopen_hint")
      .checkbox("active", "feedback.categories.active", k.active);
  return form;
}

http::Response list_page(const web::Views& views, const http::Request& request,
                         storage::Connection& c, std::int64_t organisation_id,
                         std::optional<web::Form> new_form, int status = 200) {
  const auto& t = views.messages(request);
  const auto o = organisations::find(c, organisation_id);
  if (!o) throw http::HttpError(404, "no_organisation");
  web::ViewList list;
  for (const auto& k : categories(c, organisation_id, true)) {
    web::ViewData item;
    item.set("name", k.name(t.locale()));
    item.set("code", k.code);
    item.set("target",
             t.format("feedback.categories.target_short", {{"days", std::int64_t{k.target_days}}}));
    item.set("active", k.active);
    item.set(
        "form",
        category_form(t, "/manage/feedback/categories/" + std::to_string(k.id), k, false).view());
    list.push_back(item);
  }
  web::ViewData data;
  data.set("organisation", o->name(t.locale()));
  data.set("categories", web::optional_items(list));
  Category blank;
  blank.active = true;
  data.set("new_form", new_form ? new_form->view()
                                : category_form(t, list_url(organisation_id), blank, true).view());
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  data.set("queue_url", "/manage/organisations/" + std::to_string(organisation_id) + "/feedback");
  return views.page(request, "feedback/categories", t.text("feedback.categories.heading"), data,
                    status);
}

}  // namespace

void install_categories(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/manage/organisations/{id}/feedback/categories",
                     [&db, &views](http::Request& request) {
                       const auto organisation_id = web::id_param(request, "id");
                       return db.read([&](storage::Connection& c) {
                         organisations::require_manage(c, request, organisation_id);
                         return list_page(views, request, c, organisation_id, std::nullopt);
                       });
                     });

  context.router.post(
      "/manage/organisations/{id}/feedback/categories", [&db, &views](http::Request& request) {
        const auto organisation_id = web::id_param(request, "id");
        const auto& t = views.messages(request);
        auto k = read_category(request);
        k.organisation_id = organisation_id;
        return write_then_respond(
            db,
            [&](storage::Connection& c) -> Reply {
              organisations::require_manage(c, request, organisation_id);
              auto problems = check_category(k);
              if (problems.empty() && !save_category(c, k))
                problems.emplace_back("code", "feedback_category_code_taken");
              if (!problems.empty()) {
                auto form = category_form(t, list_url(organisation_id), k, true);
                form.errors(problems);
                return [&, form](storage::Connection& c) {
                  return list_page(views, request, c, organisation_id, form, 422);
                };
              }
              audit::record(c, request,
                            {"feedback.category_created", "feedback_category", std::to_string(k.id),
                             organisation_id});
              return std::nullopt;
            },
            [&] { return web::redirect(list_url(organisation_id) + "?notice=created"); });
      });

  context.router.post("/manage/feedback/categories/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    auto k = read_category(request);
    std::int64_t organisation_id = 0;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto old = find_category(c, id);
          if (!old) throw http::HttpError(404, "no_category");
          organisation_id = old->organisation_id;
          organisations::require_manage(c, request, organisation_id);
          k.id = id;
          k.organisation_id = organisation_id;
          auto problems = check_category(k);
          if (problems.empty() && !save_category(c, k))
            problems.emplace_back("code", "feedback_category_code_taken");
          if (!problems.empty()) {
            // The edit forms are all on the list page; the error is shown there.
            const auto& t = views.messages(request);
            auto form =
                category_form(t, "/manage/feedback/categories/" + std::to_string(id), k, false);
            form.errors(problems);
            return [&, form](storage::Connection&) {
              return views.page(request, "form", t.text("feedback.categories.edit"), form.view(),
                                422);
            };
          }
          audit::record(c, request,
                        {"feedback.category_changed", "feedback_category", std::to_string(id),
                         organisation_id});
          return std::nullopt;
        },
        [&] { return web::redirect(list_url(organisation_id) + "?notice=saved"); });
  });
}

}  // namespace ruamkit::features::feedback
