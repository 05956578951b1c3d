// Notifications: the inbox, mail (each, daily digest or none) and follows.
#include "features/notifications/module.h"
#include "features/personal_data.h"

namespace ruamkit::features::notifications {

Component component() {
  Component c;
  c.name = "notifications";
  c.install = install;
  c.jobs = {{"notification digest", std::chrono::hours(24), send_digests}};
  c.personal_data = {
      {"notifications",
       {"notifications.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(db.query("SELECT kind, args, url, created_at FROM notifications "
                                      "WHERE user_id = ? ORDER BY id",
                                      p.user_id),
                             {"kind", "details", "link", "at"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM notifications WHERE user_id = ?", p.user_id);
       }},
      {"notification_settings",
       {"notification_settings.user_id", "notification_settings.email"},
       [](storage::Connection& db, const Person& p) {
         return row_as_json(
             db.query("SELECT email, replies, results, news FROM notification_settings "
                      "WHERE user_id = ?",
                      p.user_id),
             {"mail", "replies", "results", "news"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM notification_settings WHERE user_id = ?", p.user_id);
       }},
      {"following",
       {"follows.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT space_id, created_at FROM follows WHERE user_id = ?", p.user_id),
             {"space", "since"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM follows WHERE user_id = ?", p.user_id);
       }},
  };
  return c;
}

}  // namespace ruamkit::features::notifications
