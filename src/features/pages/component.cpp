// Pages and announcements: an organisation's published information (the
// inform level), with every revision kept.
#include "features/pages/demo_data.h"
#include "features/pages/module.h"

namespace ruamkit::features::pages {
namespace {

std::int64_t count_of(storage::Rows rows) {
  rows.next();
  return rows.integer(0);
}

}  // namespace

Component component() {
  Component c;
  c.name = "pages";
  c.install = install;
  c.search_kinds = {"page", "announcement"};
  c.demo_data = {{"OPDC's published pages and an announcement", load_demo_data}};
  c.personal_data = {
      {"pages_written",
       {"pages.created_by", "page_revisions.edited_by"},
       nullptr,
       nullptr,
       "an official act: who wrote each revision of published information stays on record; "
       "the account is anonymised"},
  };
  c.evidence = {
      {"announcement", "inform",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(db.query(
             "SELECT COUNT(*) FROM pages WHERE organisation_id = ? AND kind = 'announcement' AND "
             "status = 'published' AND published_at >= ? AND published_at < ?",
             organisation, p.from_utc, p.until_utc));
       },
       [](const std::string& slug, int) { return "/announcements?organisation=" + slug; }},
      // Standing information published by the end of the period.
      {"information_page", "inform",
       [](storage::Connection& db, std::int64_t organisation, const FiscalPeriod& p) {
         return count_of(
             db.query("SELECT COUNT(*) FROM pages WHERE organisation_id = ? AND kind = 'page' AND "
                      "status = 'published' AND published_at < ?",
                      organisation, p.until_utc));
       },
       [](const std::string& slug, int) { return "/organisations/" + slug; }},
  };
  return c;
}

}  // namespace ruamkit::features::pages
