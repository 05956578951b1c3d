// The officials' side of surveys: create a draft in a process, build it from
// questions (single and multiple choice, scales, short and long text, in
// sections, required or not), publish it, and export every response as CSV
// or XLSX (free-text answers included: the export is the organisation's).
#include "core/day.h"
#include "core/fiscal_year.h"
#include "features/audit/audit.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "features/spaces/module.h"
#include "features/surveys/module.h"
#include "features/surveys/surveys.h"
#include "features/surveys/views.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/form.h"
#include "web/request.h"
#include "web/spreadsheet.h"

namespace ruamkit::features::surveys {
namespace {

using web::form_value;
using web::id_param;

std::string manage_url(std::int64_t id) { return "/manage/surveys/" + std::to_string(id); }

Survey managed(storage::Connection& c, const http::Request& request, std::int64_t id) {
  const auto v = find(c, id);
  if (!v) throw http::HttpError(404, "no_survey");
  organisations::require_manage(c, request, v->organisation_id);
  return *v;
}

void audit_entry(storage::Connection& c, const http::Request& request, const Survey& v,
                 const std::string& action) {
  audit::record(c, request,
                {action, "survey", std::to_string(v.id), v.organisation_id,
                 spaces::audit_details(v.space_id)});
}

Details read_details(const http::Request& request) {
  return {form_value(request, "title"), form_value(request, "intro"),
          form_value(request, "opens_on"), form_value(request, "closes_on"),
          form_value(request, "anonymous_allowed") == "yes"};
}

web::Form details_form(const web::Catalogue& t, const std::string& action, const Details& d,
                       bool is_new) {
  web::Form form(t, action, is_new ? "surveys.new" : "surveys.manage.details",
                 is_new ? "surveys.manage.create" : "surveys.manage.save");
  form.id_prefix("survey-")
      .field("title", "surveys.manage.title", "text", d.title)
      .textarea("intro", "surveys.manage.intro", d.intro, false, "hearings.manage.note_hint")
      .field("opens_on", "surveys.manage.opens_on", "date", d.opens_on)
      .field("closes_on", "surveys.manage.closes_on", "date", d.closes_on)
      .checkbox("anonymous_allowed", "surveys.manage.anonymous_allowed", d.anonymous_allowed);
  return form;
}

Question read_question(const http::Request& request) {
  Question q;
  q.section = form_value(request, "section");
  q.kind = form_value(request, "kind");
  q.prompt = form_value(request, "prompt");
  q.help = form_value(request, "help");
  q.required = form_value(request, "required") == "yes";
  q.options = parse_options(form_value(request, "options"));
  auto number = [&](const char* name, int fallback) {
    const auto text = form_value(request, name);
    try {
      return text.empty() ? fallback : std::stoi(text);
    } catch (const std::exception&) {
      return -1;  // reported by check_question
    }
  };
  q.scale_min = number("scale_min", 1);
  q.scale_max = number("scale_max", 5);
  q.scale_min_label = form_value(request, "scale_min_label");
  q.scale_max_label = form_value(request, "scale_max_label");
  return q;
}

web::Form question_form(const web::Catalogue& t, std::int64_t id, const Question& q) {
  std::vector<std::pair<std::string, std::string>> kinds;
  for (const auto& k : question_kinds()) kinds.emplace_back(k, t.text("surveys.kinds." + k));
  std::string options;
  for (const auto& o : q.options) {
    if (!options.empty()) options += '\n';
    options += o;
  }
  web::Form form(t, manage_url(id) + "/questions", "surveys.manage.add_question",
                 "surveys.manage.add_question");
  form.id_prefix("question-")
      .field("section", "surveys.manage.section", "text", q.section, "off", false,
             "surveys.manage.section_hint")
      .field("prompt", "surveys.manage.prompt", "text", q.prompt)
      .field("help", "surveys.manage.help", "text", q.help, "off", false)
      .select("kind", "surveys.manage.kind", kinds, q.kind.empty() ? "single" : q.kind)
      .checkbox("required", "surveys.manage.required", q.required)
      .textarea("options", "surveys.manage.options", options, false, "surveys.manage.options_hint")
      .field("scale_min", "surveys.manage.scale_min", "number", std::to_string(q.scale_min), "off",
             false)
      .field("scale_max", "surveys.manage.scale_max", "number", std::to_string(q.scale_max), "off",
             false)
      .field("scale_min_label", "surveys.manage.scale_min_label", "text", q.scale_min_label, "off",
             false)
      .field("scale_max_label", "surveys.manage.scale_max_label", "text", q.scale_max_label, "off",
             false);
  return form;
}

http::Response overview(const web::Views& views, const http::Request& request,
                        storage::Connection& c, const Survey& v, int status = 200,
                        std::optional<web::Form> question_errors = std::nullopt,
                        const std::string& problem_key = "") {
  const auto& t = views.messages(request);
  auto data = survey_view(v, t, core::today_in_thailand(), response_count(c, v.id));
  data.set("manage_url", manage_url(v.id));
  data.set("back_url", spaces::manage_url(v.space_id));
  data.set("notice", web::text_or_false(web::notice(t, request, "workspace.notices.")));
  data.set("problem",
           web::text_or_false(problem_key.empty() ? "" : t.text("errors.form." + problem_key)));
  data.set(
      "details_form",
      v.published()
          ? web::ViewData(false)
          : details_form(t, manage_url(v.id),
                         {v.title, v.intro, v.opens_on, v.closes_on, v.anonymous_allowed}, false)
                .view());
  web::ViewList list;
  for (const auto& q : questions(c, v.id)) {
    web::ViewData item;
    item.set("id", std::to_string(q.id));
    item.set("section", web::text_or_false(q.section));
    item.set("prompt", q.prompt);
    item.set("kind_name", t.text("surveys.kinds." + q.kind));
    item.set("required", q.required);
    item.set("delete_url", manage_url(v.id) + "/questions/" + std::to_string(q.id) + "/delete");
    list.push_back(item);
  }
  data.set("question_list", web::optional_items(list));
  data.set("editable", !v.published());
  data.set("question_form", v.published() ? web::ViewData(false)
                                          : (question_errors ? question_errors->view()
                                                             : question_form(t, v.id, {}).view()));
  data.set("can_publish", !v.published());
  return views.page(request, "surveys/manage", v.title, data, status);
}

}  // namespace

void install_manage(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/manage/spaces/{id}/surveys/new", [&db, &views](http::Request& request) {
    const auto space_id = id_param(request, "id");
    const auto& t = views.messages(request);
    db.read([&](storage::Connection& c) {
      if (spaces::managed_space(c, request, space_id).kind != "process") {
        throw http::HttpError(404, "not_a_process");
      }
    });
    Details blank{"", "", web::iso_day_from_today(0), web::iso_day_from_today(29), false};
    auto form =
        details_form(t, "/manage/spaces/" + std::to_string(space_id) + "/surveys", blank, true);
    form.link(spaces::manage_url(space_id), "surveys.back");
    return views.page(request, "form", t.text("surveys.new"), form.view());
  });

  context.router.post("/manage/spaces/{id}/surveys", [&db, &views](http::Request& request) {
    const auto space_id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto d = read_details(request);
    std::optional<web::Form> invalid;
    std::int64_t id = 0;
    db.write([&](storage::Connection& c) {
      if (spaces::managed_space(c, request, space_id).kind != "process") {
        throw http::HttpError(404, "not_a_process");
      }
      const auto found = check_details(d);
      if (!found.empty()) {
        invalid.emplace(
            details_form(t, "/manage/spaces/" + std::to_string(space_id) + "/surveys", d, true));
        invalid->errors(found);
        return;
      }
      id = create(c, space_id, d, request.visitor.user_id);
      audit_entry(c, request, *find(c, id), "survey.created");
    });
    if (invalid) return views.page(request, "form", t.text("surveys.new"), invalid->view(), 422);
    return web::redirect(manage_url(id) + "?notice=created");
  });

  context.router.get("/manage/surveys/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    return db.read([&](storage::Connection& c) {
      return overview(views, request, c, managed(c, request, id));
    });
  });

  context.router.post("/manage/surveys/{id}", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto d = read_details(request);
    std::optional<web::Form> invalid;
    db.write([&](storage::Connection& c) {
      const auto v = managed(c, request, id);
      if (v.published()) throw http::HttpError(403, "survey_published");
      const auto found = check_details(d);
      if (!found.empty()) {
        invalid.emplace(details_form(t, manage_url(id), d, false));
        invalid->errors(found);
        return;
      }
      update(c, id, d);
      audit_entry(c, request, v, "survey.updated");
    });
    if (invalid) {
      return views.page(request, "form", t.text("surveys.manage.details"), invalid->view(), 422);
    }
    return web::redirect(manage_url(id) + "?notice=saved");
  });

  context.router.post("/manage/surveys/{id}/questions", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    const auto q = read_question(request);
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto v = managed(c, request, id);
          // Questions are fixed once people may answer: results stay comparable.
          if (v.published()) throw http::HttpError(403, "survey_published");
          const auto found = check_question(q);
          if (!found.empty()) {
            auto form = question_form(t, id, q);
            form.errors(found);
            return [&, form, v](storage::Connection& c) {
              return overview(views, request, c, v, 422, form);
            };
          }
          add_question(c, id, q);
          audit_entry(c, request, v, "survey.question_added");
          return std::nullopt;
        },
        [&] { return web::redirect(manage_url(id) + "?notice=saved#questions"); });
  });

  context.router.post("/manage/surveys/{id}/questions/{question}/delete",
                      [&db](http::Request& request) {
                        const auto id = id_param(request, "id");
                        const auto question_id = id_param(request, "question");
                        db.write([&](storage::Connection& c) {
                          const auto v = managed(c, request, id);
                          if (v.published()) throw http::HttpError(403, "survey_published");
                          if (!remove_question(c, id, question_id)) {
                            throw http::HttpError(404, "no_question");
                          }
                          audit_entry(c, request, v, "survey.question_removed");
                        });
                        return web::redirect(manage_url(id) + "?notice=deleted#questions");
                      });

  context.router.post("/manage/surveys/{id}/publish", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto v = managed(c, request, id);
          if (v.published()) return std::nullopt;
          std::string key;
          if (questions(c, id).empty()) key = "survey_no_questions";
          const auto close = core::parse_day(v.closes_on);
          if (key.empty() && close &&
              std::chrono::sys_days(*close) < std::chrono::sys_days(core::today_in_thailand())) {
            key = "hearing_closes_in_past";
          }
          if (!key.empty()) {
            return [&, key, v](storage::Connection& c) {
              return overview(views, request, c, v, 422, std::nullopt, key);
            };
          }
          publish(c, id);
          audit_entry(c, request, v, "survey.published");
          return std::nullopt;
        },
        [&] { return web::redirect(manage_url(id) + "?notice=published"); });
  });

  for (const bool xlsx : {false, true}) {
    context.router.get(
        xlsx ? "/manage/surveys/{id}/responses.xlsx" : "/manage/surveys/{id}/responses.csv",
        [&db, &views, xlsx](http::Request& request) {
          const auto id = id_param(request, "id");
          const auto& t = views.messages(request);
          std::vector<web::Row> rows;
          db.read([&](storage::Connection& c) {
            const auto v = managed(c, request, id);
            const auto qs = questions(c, id);
            web::Row header = {t.text("surveys.export.response"), t.text("surveys.export.created"),
                               t.text("surveys.export.anonymous")};
            for (const auto& q : qs) header.push_back(q.prompt);
            rows.push_back(header);
            for (const auto& r : responses(c, id)) {
              web::Row row = {std::to_string(r.id), r.created_at,
                              r.anonymous ? t.text("hearings.export.yes") : ""};
              for (const auto& q : qs) {
                const auto it = r.answers.find(q.id);
                std::string cell;
                if (it != r.answers.end()) {
                  cell = it->second.text;
                  for (const int choice : it->second.choices) {
                    if (!cell.empty()) cell += "; ";
                    cell += q.kind == "scale" ? std::to_string(choice)
                                              : q.options.at(static_cast<std::size_t>(choice));
                  }
                }
                row.push_back(cell);
              }
              rows.push_back(row);
            }
            (void)v;
          });
          return web::table_download(rows, t.text("surveys.export.sheet"),
                                     "survey-" + std::to_string(id) + "-responses", xlsx);
        });
  }
}

}  // namespace ruamkit::features::surveys
