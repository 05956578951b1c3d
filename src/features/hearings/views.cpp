#include "features/hearings/views.h"

#include <map>

#include "analysis/diff.h"
#include "features/comments/comments.h"
#include "features/spaces/rules.h"
#include "web/dates.h"
#include "web/markdown.h"

namespace ruamkit::features::hearings {

std::string period_text(const Hearing& h, const web::Catalogue& t) {
  return t.format("hearings.period", {{"from", web::format_iso_day(h.opens_on, t.locale())},
                                      {"to", web::format_iso_day(h.closes_on, t.locale())}});
}

web::ViewData hearing_view(storage::Connection& c, const Hearing& h, const web::Catalogue& t,
                           std::chrono::year_month_day today) {
  web::ViewData v;
  const auto state = h.state(today);
  v.set("id", std::to_string(h.id));
  v.set("url", h.url());
  v.set("title", h.title);
  v.set("draft_kind_name", t.text("hearings.kinds." + h.draft_kind));
  v.set("state", std::string(state_name(state)));
  v.set("state_name", t.text("hearings.states." + std::string(state_name(state))));
  v.set("is_open", state == State::open);
  v.set("is_draft", state == State::draft);
  v.set("period", period_text(h, t));
  v.set("opens_on", h.opens_on);
  v.set("closes_on", h.closes_on);
  v.set("days",
        t.format("hearings.days",
                 {{"count", static_cast<std::int64_t>(period_days(h.opens_on, h.closes_on))}}));
  v.set("note_html", web::text_or_false(web::render_markdown(h.explanatory_note, 2)));
  web::ViewData space;
  space.set("title", h.space_title);
  space.set("url", "/processes/" + std::to_string(h.space_id));
  v.set("space", space);
  v.set("organisation_name", h.organisation_name(t.locale()));
  v.set("organisation_slug", h.organisation_slug);
  const auto counts = comments::count(c, comment_targets(c, h.id));
  v.set("counts_text", t.format("hearings.counts", {{"participants", counts.participants},
                                                    {"comments", counts.comments}}));
  v.set("anonymous_allowed", h.anonymous_allowed);
  return v;
}

web::ViewData report_view(storage::Connection& c, const Hearing& h, const web::Catalogue& t,
                          const http::Request& request) {
  web::ViewData v;
  v.set("summary_html", web::text_or_false(web::render_markdown(h.summary, 2)));
  v.set("published_display", web::format_iso_day(h.summary_published_at, t.locale()));
  std::map<std::int64_t, comments::Comment> by_id;
  std::vector<std::int64_t> section_ids;
  for (const auto& [kind, id] : comment_targets(c, h.id)) {
    const auto list = kind == "hearing" ? comments::thread(c, kind, id, comments::Order::oldest)
                                        : comments::on_targets(c, kind, {id});
    for (const auto& m : list) by_id[m.id] = m;
  }
  web::ViewList issue_list;
  for (const auto& issue : issues(c, h.id)) {
    web::ViewData item;
    item.set("title", issue.title);
    item.set("outcome", issue.outcome);
    item.set("outcome_name", t.text("hearings.outcomes." + issue.outcome));
    item.set("response_html", web::render_markdown(issue.response, 3));
    item.set("reasons_html", web::text_or_false(web::render_markdown(issue.reasons, 3)));
    web::ViewList linked;
    bool has_mine = false;
    for (const auto id : issue.comment_ids) {
      const auto it = by_id.find(id);
      if (it == by_id.end() || it->second.hidden()) continue;
      const auto& m = it->second;
      web::ViewData cv;
      cv.set("author", m.anonymous             ? t.text("comments.anonymous_author")
                       : m.author_name.empty() ? t.text("comments.deleted_author")
                                               : m.author_name);
      cv.set("excerpt", web::markdown_excerpt(m.body, 160));
      cv.set("url", h.url() + "#comment-" + std::to_string(m.id));
      const bool mine = request.visitor.signed_in() && m.author_id == request.visitor.user_id;
      has_mine = has_mine || mine;
      cv.set("mine", mine);
      linked.push_back(cv);
    }
    item.set("comments", linked);
    item.set("any_comments", !linked.empty());
    item.set("has_mine", has_mine);  // the person finds the response to their comment open
    issue_list.push_back(item);
  }
  v.set("issues", issue_list);
  v.set("any_issues", !issue_list.empty());
  return v;
}

web::ViewData changes_view(const Version& from, const Version& to, const web::Catalogue& t) {
  web::ViewList sections;
  const auto n = std::max(from.sections.size(), to.sections.size());
  for (std::size_t i = 0; i < n; ++i) {
    const Section* a = i < from.sections.size() ? &from.sections[i] : nullptr;
    const Section* b = i < to.sections.size() ? &to.sections[i] : nullptr;
    // The heading joins the comparison only when it changed.
    const bool same_heading = a && b && a->heading == b->heading;
    const std::string before = a ? (same_heading ? "" : a->heading + "\n\n") + a->body : "";
    const std::string after = b ? (same_heading ? "" : b->heading + "\n\n") + b->body : "";
    web::ViewData item;
    item.set("heading", b ? b->heading : a->heading);
    const char* state = !a ? "added" : !b ? "removed" : before == after ? "same" : "changed";
    item.set("state", state);
    item.set("state_name", t.text(std::string("hearings.section_states.") + state));
    web::ViewList runs;
    for (const auto& run : analysis::diff(diff_tokens(before), diff_tokens(after))) {
      web::ViewData r;
      r.set("kept", run.change == analysis::Change::kept);
      r.set("removed", run.change == analysis::Change::removed);
      r.set("added", run.change == analysis::Change::added);
      r.set("text", run.text);
      runs.push_back(r);
    }
    item.set("runs", runs);
    sections.push_back(item);
  }
  return web::ViewData(sections);
}

}  // namespace ruamkit::features::hearings
