// The audit log as personal data: what a person did, and what officials did
// about their account, are in their download; the entries themselves stay.
#include "features/component.h"
#include "features/audit/audit.h"
#include "features/personal_data.h"

namespace ruamkit::features::audit {
namespace {

constexpr const char* kKept =
    "a security record (OWASP ASVS 7.1): entries stay, and lead to no name or address once the "
    "account is anonymised";

}  // namespace

Component component() {
  Component c;
  c.name = "audit";
  c.personal_data = {
      {"activity",
       {"audit_log.actor_user_id", "audit_log.ip"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(db.query("SELECT at, action, object_type, object_id, ip FROM "
                                      "audit_log WHERE actor_user_id = ? ORDER BY id",
                                      p.user_id),
                             {"at", "action", "object_type", "object_id", "ip"});
       },
       nullptr,
       kKept},
      {"actions_about_me",
       {"audit_log.actor_user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT at, action, ip FROM audit_log WHERE object_type = 'user' AND "
                      "object_id = ? AND (actor_user_id IS NULL OR actor_user_id <> ?) "
                      "ORDER BY id",
                      std::to_string(p.user_id), p.user_id),
             {"at", "action", "by_address"});
       },
       nullptr,
       kKept},
  };
  return c;
}

}  // namespace ruamkit::features::audit
