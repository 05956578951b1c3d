// Surveys: a builder with choices, scales and text, one response per account
// by constraint, results as charts with tables.
#include "features/personal_data.h"
#include "features/surveys/demo_data.h"
#include "features/surveys/module.h"

namespace ruamkit::features::surveys {
namespace {

std::int64_t count_of(storage::Rows rows) {
  rows.next();
  return rows.integer(0);
}

std::string processes_url(const std::string& slug, int) {
  return "/processes?organisation=" + slug + "&level=consult";
}

}  // namespace

Component component() {
  Component c;
  c.name = "surveys";
  c.install = install;
  c.search_kinds = {"survey"};
  c.demo_data = {{"a survey", load_demo_data}};
  c.jobs = {{"survey closings", std::chrono::minutes(10), announce_closings}};
  c.personal_data = {
      // What I answered (opinions on public matters: sensitive data).
      {"survey_answers",
       {"survey_responses.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT r.survey_id, q.prompt, COALESCE(CAST(a.choice AS TEXT), ''), "
                      "COALESCE(a.text, ''), r.created_at FROM survey_responses r "
                      "JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q "
                      "ON q.id = a.question_id WHERE r.user_id = ? ORDER BY r.id, q.position",
                      p.user_id),
             {"survey", "question", "choice", "text", "answered_at"});
       },
       // The answers stay in the results, no longer linked to anyone.
       [](storage::Connection& db, const Person& p) {
         db.execute("UPDATE survey_responses SET user_id = NULL WHERE user_id = ?", p.user_id);
       }},
      {"surveys_created",
       {"surveys.created_by"},
       nullptr,
       nullptr,
       "an official act: who built a survey stays on record; the account is anonymised"},
  };
  c.not_personal = {
      {"survey_responses.address_digest",
       "a keyed digest of the network an anonymous answer came from, to limit answers per "
       "network; it names no one and is never linked to an account"},
  };
  c.evidence = {
      {"survey", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM surveys v JOIN spaces s ON s.id = v.space_id WHERE "
             "s.organisation_id = ? AND v.status = 'published' AND s.status IN ('published', "
             "'archived') AND v.opens_on <= ? AND v.closes_on >= ?",
             organisation, p.last_day, p.first_day));
       },
       processes_url},
      {"survey_response", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM survey_responses r JOIN surveys v ON v.id = r.survey_id "
             "JOIN spaces s ON s.id = v.space_id WHERE s.organisation_id = ? AND "
             "v.status = 'published' AND r.created_at >= ? AND r.created_at < ?",
             organisation, p.from_utc, p.until_utc));
       },
       processes_url},
  };
  return c;
}

}  // namespace ruamkit::features::surveys
