// The comments of a hearing as CSV and XLSX, for the officials who write the
// summary report: one row per comment with where it was made (the whole draft
// or a section), the thread it answers, stance, supports and whether a
// moderator hid it. Authors appear as they do in public (display name, or
// anonymous); no e-mail addresses.
#include <map>

#include "core/fiscal_year.h"
#include "features/comments/comments.h"
#include "features/hearings/hearings.h"
#include "features/hearings/module.h"
#include "features/organisations/permissions.h"
#include "http/error.h"
#include "web/request.h"
#include "web/spreadsheet.h"

namespace ruamkit::features::hearings {
namespace {

std::vector<web::Row> comment_rows(storage::Connection& c, const Hearing& h,
                                   const web::Catalogue& t) {
  std::vector<web::Row> rows = {{t.text("hearings.export.id"), t.text("hearings.export.created"),
                                 t.text("hearings.export.where"),
                                 t.text("hearings.export.reply_to"),
                                 t.text("hearings.export.author"), t.text("hearings.export.stance"),
                                 t.text("hearings.export.supports"),
                                 t.text("hearings.export.hidden"), t.text("hearings.export.text")}};
  std::map<std::int64_t, std::string> headings;
  for (const auto& v : versions(c, h.id)) {
    if (v.number != 1) continue;
    for (const auto& s : v.sections) headings[s.id] = s.heading;
  }
  for (const auto& [kind, id] : comment_targets(c, h.id)) {
    const auto where = kind == "hearing" ? t.text("hearings.export.whole") : headings[id];
    for (const auto& m : comments::on_targets(c, kind, {id})) {
      rows.push_back({std::to_string(m.id), m.created_at, where,
                      m.parent_id ? std::to_string(*m.parent_id) : "",
                      m.anonymous             ? t.text("comments.anonymous_author")
                      : m.author_name.empty() ? t.text("comments.deleted_author")
                                              : m.author_name,
                      m.stance.empty() ? "" : t.text("comments.stances." + m.stance),
                      std::to_string(m.supports), m.hidden() ? t.text("hearings.export.yes") : "",
                      m.body});
    }
  }
  return rows;
}

}  // namespace

void install_exports(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  for (const bool xlsx : {false, true}) {
    context.router.get(
        xlsx ? "/manage/hearings/{id}/comments.xlsx" : "/manage/hearings/{id}/comments.csv",
        [&db, &views, xlsx](http::Request& request) {
          const auto id = web::id_param(request, "id");
          const auto& t = views.messages(request);
          std::vector<web::Row> rows;
          db.read([&](storage::Connection& c) {
            const auto h = find(c, id);
            if (!h) throw http::HttpError(404, "no_hearing");
            organisations::require_manage(c, request, h->organisation_id);
            rows = comment_rows(c, *h, t);
          });
          return web::table_download(rows, t.text("hearings.export.sheet"),
                                     "hearing-" + std::to_string(id) + "-comments", xlsx);
        });
  }
}

}  // namespace ruamkit::features::hearings
