// Feedback cases: the suggestion box and complaint channel, with Open311.
#include "features/feedback/demo_data.h"
#include "features/feedback/module.h"
#include "features/personal_data.h"

namespace ruamkit::features::feedback {
namespace {

std::int64_t count_of(storage::Rows rows) {
  rows.next();
  return rows.integer(0);
}

std::string report_url(const std::string& slug, int fiscal_year) {
  return "/organisations/" + slug + "/feedback/report?fy=" + std::to_string(fiscal_year);
}

constexpr const char* kOfficialAct =
    "an official act: who handled a case stays on record; the account is anonymised";

}  // namespace

Component component() {
  Component c;
  c.name = "feedback";
  c.install = install;
  c.upload_paths = {"/feedback/reports", "/manage/feedback/photos"};
  // Open311 clients authenticate with an API key in the body, never with the
  // session: a forged cross-site request carries no authority there.
  c.csrf_exempt_paths = {"/open311/"};
  c.demo_data = {{"feedback categories, cases and an improvement plan", load_demo_data}};
  c.personal_data = {
      {"feedback_cases",
       {"feedback_cases.reporter_id", "feedback_cases.contact_name", "feedback_cases.contact_email",
        "feedback_cases.contact_phone", "feedback_cases.address"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT id, tracking_code, description, address, contact_name, "
                      "contact_email, contact_phone, status, received_at FROM feedback_cases "
                      "WHERE reporter_id = ? ORDER BY id",
                      p.user_id),
             {"case", "tracking_code", "description", "address", "contact_name", "contact_email",
              "contact_phone", "status", "reported_at"});
       },
       // Reports stay (the agency must still handle them), without who sent them.
       [](storage::Connection& db, const Person& p) {
         db.execute(
             "UPDATE feedback_cases SET reporter_id = NULL, contact_name = '', "
             "contact_email = '', contact_phone = '' WHERE reporter_id = ?",
             p.user_id);
       }},
      {"case_handler_roles",
       {"feedback_handlers.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT o.name_th, o.name_en, COALESCE(k.name_th, ''), h.created_at "
                      "FROM feedback_handlers h JOIN organisations o ON o.id = h.organisation_id "
                      "LEFT JOIN feedback_categories k ON k.id = h.category_id "
                      "WHERE h.user_id = ? ORDER BY h.id",
                      p.user_id),
             {"organisation_th", "organisation_en", "category", "since"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM feedback_handlers WHERE user_id = ?", p.user_id);
       }},
      {"feedback_handling",
       {"feedback_cases.assignee_id", "feedback_cases.assigned_by", "feedback_events.actor_id",
        "improvement_items.owner_id", "open311_clients.created_by", "feedback_handlers.granted_by"},
       nullptr,
       nullptr,
       kOfficialAct},
  };
  c.evidence = {
      {"feedback_received", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM feedback_cases WHERE organisation_id = ? AND received_on "
             "BETWEEN ? AND ?",
             organisation, p.first_day, p.last_day));
       },
       report_url},
      // Cases closed with a reply or a reason given back to the reporter.
      {"feedback_answered", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(
             db.query("SELECT COUNT(*) FROM feedback_cases WHERE organisation_id = ? AND status IN "
                      "('resolved', 'not_relevant') AND closed_at >= ? AND closed_at < ?",
                      organisation, p.from_utc, p.until_utc));
       },
       report_url},
      // What the reports changed: the year's improvement plan.
      {"improvement_item", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM improvement_items WHERE organisation_id = ? AND fiscal_year = ?",
             organisation, p.year_be));
       },
       [](const std::string& slug, int) { return "/organisations/" + slug + "/improvement-plan"; }},
  };
  return c;
}

}  // namespace ruamkit::features::feedback
