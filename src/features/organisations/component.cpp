// Organisations: the tree of agencies and provinces, people's roles in them,
// and the demo organisations and accounts.
#include "features/component.h"
#include "features/organisations/demo_data.h"
#include "features/personal_data.h"

namespace ruamkit::features::organisations {

Component component() {
  Component c;
  c.name = "organisations";
  c.search_kinds = {"organisation"};
  c.demo_data = {{"organisations and people",
                  [](DemoContext& d) { return load_demo_data(d.connection); },
                  demo_accounts_summary}};
  c.personal_data = {
      {"roles",
       {"memberships.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT o.name_th, o.name_en, m.role, m.created_at FROM memberships m "
                      "JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ? "
                      "ORDER BY m.id",
                      p.user_id),
             {"organisation_th", "organisation_en", "role", "since"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM memberships WHERE user_id = ?", p.user_id);
       }},
      {"roles_granted",
       {"memberships.granted_by"},
       nullptr,
       nullptr,
       "an official act: who granted a role stays on record; the account is anonymised"},
  };
  c.not_personal = {
      {"organisations.email", "an organisation's public contact address"},
      {"organisations.phone", "an organisation's public telephone number"},
      {"organisations.address", "an organisation's public postal address"},
  };
  return c;
}

}  // namespace ruamkit::features::organisations
