// Comments: threads, stances, supports, reports and moderation, shared by the
// components that take comments (hearings).
#include "features/comments/module.h"
#include "features/personal_data.h"

namespace ruamkit::features::comments {

Component component() {
  Component c;
  c.name = "comments";
  c.install = install;
  c.personal_data = {
      // What I said (opinions on public matters: sensitive data).
      {"comments",
       {"comments.author_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT id, target_kind, target_id, COALESCE(stance, ''), body, "
                      "created_at, CASE anonymous WHEN 1 THEN 'yes' ELSE 'no' END FROM comments "
                      "WHERE author_id = ? ORDER BY id",
                      p.user_id),
             {"id", "on", "on_id", "stance", "text", "posted_at", "anonymous"});
       },
       nullptr,
       "public contributions to a consultation stay, shown as by a deleted account (the person "
       "may delete or edit them before deleting the account)"},
      {"comment_supports",
       {"comment_supports.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(db.query("SELECT comment_id, created_at FROM comment_supports "
                                      "WHERE user_id = ? ORDER BY created_at",
                                      p.user_id),
                             {"comment", "at"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute(
             "UPDATE comments SET supports = supports - 1 WHERE id IN "
             "(SELECT comment_id FROM comment_supports WHERE user_id = ?)",
             p.user_id);
         db.execute("DELETE FROM comment_supports WHERE user_id = ?", p.user_id);
       }},
      {"comment_reports",
       {"comment_reports.reporter_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(db.query("SELECT comment_id, reason, note, created_at FROM "
                                      "comment_reports WHERE reporter_id = ? ORDER BY id",
                                      p.user_id),
                             {"comment", "reason", "note", "at"});
       },
       nullptr,
       "reports stay so moderators can still act on them; they lead to no one once the account "
       "is anonymised"},
      {"moderation",
       {"comments.hidden_by", "comment_reports.resolved_by"},
       nullptr,
       nullptr,
       "an official act: who hid a comment or settled a report stays on record"},
  };
  return c;
}

}  // namespace ruamkit::features::comments
