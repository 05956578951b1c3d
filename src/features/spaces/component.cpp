// Spaces: participatory processes (with phases) and standing committees
// (members by sector, meetings with agendas and minutes).
#include "features/personal_data.h"
#include "features/spaces/demo_data.h"
#include "features/spaces/module.h"

namespace ruamkit::features::spaces {
namespace {

std::int64_t count_of(storage::Rows rows) {
  rows.next();
  return rows.integer(0);
}

// Public processes at `level` that were published in the period or had a
// phase in it.
EvidenceSource processes_at(const std::string& level) {
  return {"process", level,
          [level](storage::Connection& c, std::int64_t organisation, const FiscalPeriod& p) {
            return count_of(c.query(
                "SELECT COUNT(*) FROM spaces s WHERE s.kind = 'process' AND s.organisation_id = ? "
                "AND s.level = ? AND s.status IN ('published', 'archived') AND "
                "((s.published_at >= ? AND s.published_at < ?) OR EXISTS (SELECT 1 FROM phases f "
                "WHERE f.space_id = s.id AND f.starts_on <= ? AND f.ends_on >= ?))",
                organisation, level, p.from_utc, p.until_utc, p.last_day, p.first_day));
          },
          [level](const std::string& slug, int) {
            return "/processes?organisation=" + slug + "&level=" + level;
          }};
}

}  // namespace

Component component() {
  Component c;
  c.name = "spaces";
  c.install = install;
  c.search_kinds = {"process", "committee", "meeting"};
  c.demo_data = {{"OPDC's subcommittee and a provincial process", load_demo_data}};
  c.personal_data = {
      {"spaces_created",
       {"spaces.created_by"},
       nullptr,
       nullptr,
       "an official act: who created a process or committee stays on record; the account is "
       "anonymised"},
  };
  for (const char* level : {"inform", "consult", "involve", "collaborate", "empower"}) {
    c.evidence.push_back(processes_at(level));
  }
  // Joint bodies of government and civil society sitting in the period.
  c.evidence.push_back(
      {"committee_with_civil_society", "collaborate",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM spaces s WHERE s.kind = 'committee' AND s.organisation_id = ? "
             "AND s.status IN ('published', 'archived') AND EXISTS (SELECT 1 FROM "
             "committee_members m WHERE m.space_id = s.id AND m.sector <> 'government' AND "
             "m.term_start <= ? AND (m.term_end IS NULL OR m.term_end >= ?))",
             organisation, p.last_day, p.first_day));
       },
       [](const std::string& slug, int) { return "/committees?organisation=" + slug; }});
  c.evidence.push_back(
      {"committee_meeting", "collaborate",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM meetings m JOIN spaces s ON s.id = m.space_id WHERE "
             "s.organisation_id = ? AND s.status IN ('published', 'archived') AND m.held_on "
             "BETWEEN ? AND ?",
             organisation, p.first_day, p.last_day));
       },
       [](const std::string& slug, int) { return "/committees?organisation=" + slug; }});
  return c;
}

}  // namespace ruamkit::features::spaces
