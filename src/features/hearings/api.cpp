// Hearings as open data: /api/v1/hearings (paged, by process or
// organisation), one hearing with its draft by section, the public comments,
// and, once reported, the summary with the issues, responses and the revised
// text. Public hearings only; hidden comments appear without their text and
// anonymous ones without a name, as on the page.
#include <boost/json/value.hpp>

#include "core/fiscal_year.h"
#include "features/comments/comments.h"
#include "features/documents/json.h"
#include "features/hearings/hearings.h"
#include "features/hearings/module.h"
#include "http/error.h"
#include "web/json_api.h"
#include "web/request.h"

namespace ruamkit::features::hearings {
namespace {

namespace json = boost::json;

json::object summary_json(storage::Connection& c, const Hearing& h) {
  const auto counts = comments::count(c, comment_targets(c, h.id));
  return {{"id", h.id},
          {"url", h.url()},
          {"title", h.title},
          {"draft_kind", h.draft_kind},
          {"process_id", h.space_id},
          {"organisation", {{"id", h.organisation_id}, {"slug", h.organisation_slug}}},
          {"opens_on", h.opens_on},
          {"closes_on", h.closes_on},
          {"state", std::string(state_name(h.state(core::today_in_thailand())))},
          {"anonymous_allowed", h.anonymous_allowed},
          {"participants", counts.participants},
          {"comments", counts.comments},
          {"published_at", web::api::text_or_null(h.published_at)},
          {"summary_published_at", web::api::text_or_null(h.summary_published_at)}};
}

json::array comments_json(storage::Connection& c, const std::string& kind, std::int64_t id) {
  json::array out;
  for (const auto& m : comments::thread(c, kind, id, comments::Order::oldest)) {
    out.push_back({{"id", m.id},
                   {"parent_id", m.parent_id ? json::value(*m.parent_id) : json::value(nullptr)},
                   {"author", m.anonymous || m.author_name.empty() ? json::value(nullptr)
                                                                   : json::value(m.author_name)},
                   {"stance", web::api::text_or_null(m.stance)},
                   {"body", m.hidden() ? json::value(nullptr) : json::value(m.body)},
                   {"hidden", m.hidden()},
                   {"supports", m.supports},
                   {"created_at", m.created_at}});
  }
  return out;
}

json::array sections_json(storage::Connection& c, const Version& v, bool with_comments) {
  json::array out;
  for (const auto& s : v.sections) {
    json::object o{
        {"id", s.id}, {"position", s.position}, {"heading", s.heading}, {"body", s.body}};
    if (with_comments) o["comments"] = comments_json(c, "hearing_section", s.id);
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

void install_api(Context& context) {
  auto& db = context.database;

  context.router.get("/api/v1/hearings", [&db](http::Request& request) {
    const auto p = web::api::paging(request);
    std::optional<std::int64_t> space, organisation;
    if (const auto s = request.query_param("process_id"); s && !s->empty()) {
      space = web::id_value(*s);
    }
    if (const auto o = request.query_param("organisation_id"); o && !o->empty()) {
      organisation = web::id_value(*o);
    }
    json::array data;
    std::int64_t total = 0;
    db.read([&](storage::Connection& c) {
      auto rows = c.query(
          "SELECT h.id FROM hearings h JOIN spaces s ON s.id = h.space_id "
          "WHERE h.status = 'published' AND s.status IN ('published', 'archived') "
          "AND (CAST(? AS BIGINT) IS NULL OR h.space_id = ?) AND (CAST(? AS BIGINT) IS NULL OR "
          "s.organisation_id = ?) "
          "ORDER BY h.opens_on DESC, h.id DESC",
          space, space, organisation, organisation);
      std::vector<std::int64_t> ids;
      while (rows.next()) ids.push_back(rows.integer(0));
      total = static_cast<std::int64_t>(ids.size());
      for (std::size_t i = static_cast<std::size_t>(p.offset());
           i < ids.size() && i < static_cast<std::size_t>(p.offset() + p.per_page); ++i) {
        if (const auto h = find(c, ids[i])) data.push_back(summary_json(c, *h));
      }
    });
    std::string extra;
    if (space) extra += "process_id=" + std::to_string(*space) + "&";
    if (organisation) extra += "organisation_id=" + std::to_string(*organisation) + "&";
    json::object body;
    body["data"] = std::move(data);
    body["meta"] = web::api::page_meta("/api/v1/hearings", extra, p, total);
    return web::api::reply(body);
  });

  context.router.get("/api/v1/hearings/{id}", [&db](http::Request& request) {
    const auto id = web::id_param(request, "id");
    json::object body;
    db.read([&](storage::Connection& c) {
      const auto h = find(c, id);
      if (!h || !h->is_public()) throw http::HttpError(404, "no_hearing");
      auto o = summary_json(c, *h);
      o["explanatory_note_markdown"] = h->explanatory_note;
      const auto all = versions(c, id);
      o["draft"] = all.empty() ? json::array() : sections_json(c, all.front(), true);
      o["comments_on_the_whole"] = comments_json(c, "hearing", id);
      o["documents"] = documents::to_json(c, {"hearing", id});
      if (h->reported()) {
        json::array issue_list;
        for (const auto& issue : issues(c, id)) {
          json::array ids;
          for (const auto cid : issue.comment_ids) ids.emplace_back(cid);
          issue_list.push_back({{"title", issue.title},
                                {"response", issue.response},
                                {"reasons", issue.reasons},
                                {"outcome", issue.outcome},
                                {"comment_ids", std::move(ids)}});
        }
        o["summary"] = {
            {"text_markdown", h->summary},
            {"issues", std::move(issue_list)},
            {"revised_note", all.size() > 1 ? json::value(all.back().note) : json::value(nullptr)},
            {"revised_text", all.size() > 1 ? json::value(sections_json(c, all.back(), false))
                                            : json::value(nullptr)}};
      } else {
        o["summary"] = nullptr;
      }
      body["data"] = std::move(o);
    });
    return web::api::reply(body);
  });
}

}  // namespace ruamkit::features::hearings
