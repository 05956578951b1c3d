// Surveys as a component of a process: the public survey (answered once per
// account, or anonymously where allowed, within a limit per network), the
// results as charts with a table beside each (free-text answers for the
// organisation's officials only), and the registrations with spaces and the
// closing notice job.
#include "features/surveys/module.h"

#include "core/day.h"
#include "core/fiscal_year.h"
#include "core/security.h"
#include "features/accounts/sessions.h"
#include "features/notifications/notifications.h"
#include "features/organisations/permissions.h"
#include "features/respond.h"
#include "features/spaces/module.h"
#include "features/surveys/surveys.h"
#include "features/surveys/views.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/markdown.h"
#include "web/request.h"

namespace ruamkit::features::surveys {
namespace {

constexpr int kAnonymousPerNetworkPerDay = 20;

Survey visible(storage::Connection& c, const http::Request& request, std::int64_t id) {
  const auto v = find(c, id);
  if (!v) throw http::HttpError(404, "no_survey");
  if (!v->is_public() && !organisations::may_manage(c, request, v->organisation_id)) {
    throw http::HttpError(404, "no_survey");
  }
  return *v;
}

http::Response survey_page(const web::Views& views, const http::Request& request,
                           storage::Connection& c, const Survey& v,
                           const std::map<std::int64_t, Answer>& typed, const Problems& problems,
                           int status = 200) {
  const auto& t = views.messages(request);
  auto data = survey_view(v, t, core::today_in_thailand(), response_count(c, v.id));
  const bool open = v.is_public() && v.state(core::today_in_thailand()) == State::open;
  const bool answered =
      request.visitor.signed_in() && has_responded(c, v.id, request.visitor.user_id);
  const bool may_answer = open && !answered && (request.visitor.signed_in() || v.anonymous_allowed);
  data.set("answered", answered);
  data.set("may_answer", may_answer);
  data.set("sign_in_url",
           web::text_or_false(open && !answered && !may_answer ? "/login?return=" + v.url() : ""));
  data.set("questions", questions_view(questions(c, v.id), typed, problems, t));
  data.set("has_errors", !problems.empty());
  web::ViewList errors;
  for (const auto& [field, key] : problems) {
    web::ViewData e;
    e.set("field", field);
    e.set("text", t.text("errors.form." + key));
    errors.push_back(e);
  }
  data.set("errors", errors);
  data.set("can_manage", organisations::may_manage(c, request, v.organisation_id));
  data.set("manage_url", "/manage/surveys/" + std::to_string(v.id));
  return views.page(request, "surveys/show", v.title, data, status);
}

void register_with_others() { consultation::register_section(kTable, read, period_text, reindex); }

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  register_with_others();
  install_manage(context);
  install_api(context);
  // Anonymous responses are counted per network by a keyed digest of the
  // address: the address itself is never stored.
  const auto key = accounts::site_secret(db, "survey_network_key");

  context.router.get("/surveys/{id}", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    return db.read([&](storage::Connection& c) {
      return survey_page(views, request, c, visible(c, request, id), {}, {});
    });
  });

  context.router.post("/surveys/{id}/responses", [&db, &views, key](http::Request& request) {
    const auto id = web::id_param(request, "id");
    std::string survey_url;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto v = visible(c, request, id);
          survey_url = v.url();
          if (!v.is_public() || v.state(core::today_in_thailand()) != State::open) {
            throw http::HttpError(403, "survey_closed");
          }
          const bool signed_in = request.visitor.signed_in();
          if (!signed_in && !v.anonymous_allowed) web::require_signed_in(request);
          const auto qs = questions(c, id);
          std::map<std::int64_t, Answer> answers;
          const auto problems = read_answers(
              qs, [&](const std::string& name) { return http::find_params(request.form(), name); },
              answers);
          if (!problems.empty()) {
            return [&, v, answers, problems](storage::Connection& c) {
              return survey_page(views, request, c, v, answers, problems, 422);
            };
          }
          const auto network = core::hmac_hex(key, request.remote_address);
          // A refusal needs nothing more from the database.
          const auto refuse = [&](const char* heading, const char* text, int status) {
            return [&, heading, text, status](storage::Connection&) {
              return views.message(request, heading, text, survey_url, "surveys.back", status);
            };
          };
          if (!signed_in && recent_anonymous(c, id, network) >= kAnonymousPerNetworkPerDay) {
            return refuse("surveys.limit_heading", "surveys.limit_text", 429);
          }
          if (!respond(c, id, signed_in ? std::optional(request.visitor.user_id) : std::nullopt,
                       network, answers)) {
            return refuse("surveys.already_heading", "surveys.already_text", 409);
          }
          return std::nullopt;
        },
        [&] {
          return views.message(request, "surveys.thanks_heading", "surveys.thanks_text",
                               survey_url + "/results", "surveys.see_results");
        });
  });

  context.router.get("/surveys/{id}/results", [&db, &views](http::Request& request) {
    const auto id = web::id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    std::string title;
    db.read([&](storage::Connection& c) {
      const auto v = visible(c, request, id);
      const bool official = organisations::may_manage(c, request, v.organisation_id);
      title = v.title;
      data = survey_view(v, t, core::today_in_thailand(), response_count(c, id));
      data.set("results", results_view(questions(c, id), answers(c, id), official, t));
      data.set("official", official);
    });
    return views.page(request, "surveys/results", title, data);
  });
}

void announce_closings(const JobContext& job) {
  consultation::announce_closings(
      job, kTable, read, "survey_closed",
      [](storage::Connection& c, const Survey& v) { return respondents(c, v.id); },
      [](const Survey& v) { return v.url() + "/results"; });
}

}  // namespace ruamkit::features::surveys
