// Public hearings on draft texts: sections, comments per section, the
// summary report with reasons, and the revised text.
#include "features/comments/comments.h"
#include "features/hearings/demo_data.h"
#include "features/hearings/hearings.h"
#include "features/hearings/module.h"

namespace ruamkit::features::hearings {
namespace {

// The organisation's published hearings open on some day of the period.
std::vector<std::int64_t> held(storage::Connection& c, std::int64_t organisation,
                               const FiscalPeriod& p) {
  std::vector<std::int64_t> ids;
  auto rows = c.query(
      "SELECT h.id FROM hearings h JOIN spaces s ON s.id = h.space_id WHERE s.organisation_id = ? "
      "AND h.status = 'published' AND s.status IN ('published', 'archived') AND h.opens_on <= ? "
      "AND h.closes_on >= ?",
      organisation, p.last_day, p.first_day);
  while (rows.next()) ids.push_back(rows.integer(0));
  return ids;
}

std::string processes_url(const std::string& slug, int) {
  return "/processes?organisation=" + slug + "&level=consult";
}

}  // namespace

Component component() {
  Component c;
  c.name = "hearings";
  c.install = install;
  c.settings = {{"hearing-min-days",
                 "Shortest public hearing period (days, both ends included) that may be published",
                 Setting::Type::integer, "15", 1, 365}};
  c.search_kinds = {"hearing"};
  c.demo_data = {{"a public hearing", load_demo_data}};
  c.jobs = {{"hearing closings", std::chrono::minutes(10), announce_closings}};
  c.personal_data = {
      {"hearings_created",
       {"hearings.created_by"},
       nullptr,
       nullptr,
       "an official act: who drafted a hearing stays on record; the account is anonymised"},
  };
  c.evidence = {
      {"hearing", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return static_cast<std::int64_t>(held(db, organisation, p).size());
       },
       processes_url},
      // People who commented on those hearings (counted once per hearing).
      {"hearing_participant", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         std::int64_t people = 0;
         for (const auto id : held(db, organisation, p)) {
           people += comments::count(db, comment_targets(db, id)).participants;
         }
         return people;
       },
       processes_url},
      // Reports that explain back what was heard and what was done with it.
      {"hearing_report", "consult",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         auto rows = db.query(
             "SELECT COUNT(*) FROM hearings h JOIN spaces s ON s.id = h.space_id WHERE "
             "s.organisation_id = ? AND h.status = 'published' AND h.summary_published_at >= ? "
             "AND h.summary_published_at < ?",
             organisation, p.from_utc, p.until_utc);
         rows.next();
         return rows.integer(0);
       },
       processes_url},
  };
  return c;
}

}  // namespace ruamkit::features::hearings
