#include "features/comments/views.h"

#include <set>

#include "core/clock.h"
#include "features/organisations/permissions.h"
#include "http/url.h"
#include "web/dates.h"
#include "web/markdown.h"

namespace ruamkit::features::comments {
namespace {

std::vector<std::pair<std::string, std::string>> stance_choices(const web::Catalogue& t) {
  return {{"", t.text("comments.stances.none")},
          {"agree", t.text("comments.stances.agree")},
          {"disagree", t.text("comments.stances.disagree")},
          {"neutral", t.text("comments.stances.neutral")}};
}

}  // namespace

Order order_from(const http::Request& request) {
  const auto sort = request.query_param("sort").value_or("");
  if (sort == "newest") return Order::newest;
  if (sort == "supported") return Order::supported;
  return Order::oldest;
}

web::Form comment_form(const web::Catalogue& t, const std::string& kind, std::int64_t id,
                       std::optional<std::int64_t> parent_id, bool anonymous_allowed,
                       const Typed& typed, const std::string& id_prefix) {
  web::Form form(t, "/comments", parent_id ? "comments.reply_heading" : "comments.form_heading",
                 "comments.submit");
  form.id_prefix(id_prefix)
      .hidden("target_kind", kind)
      .hidden("target_id", std::to_string(id))
      .hidden("parent_id", parent_id ? std::to_string(*parent_id) : "")
      .textarea("body", "comments.body", typed.body, true, "comments.body_hint")
      .select("stance", "comments.stance", stance_choices(t), typed.stance, false);
  if (anonymous_allowed) {
    form.checkbox("anonymous", "comments.anonymous", typed.anonymous);
  } else {
    form.notice(t.text("comments.named_only"));
  }
  return form;
}

web::ViewData thread_view(storage::Connection& c, const web::Catalogue& t,
                          const http::Request& request, const std::string& kind, std::int64_t id,
                          const Target& target, const std::string& id_prefix) {
  const auto& visitor = request.visitor;
  const auto grants = organisations::load_grants(c, visitor.user_id);
  const bool moderator =
      organisations::allowed(grants, organisations::Action::moderate, target.organisation_id);
  std::set<std::int64_t> mine;
  if (visitor.signed_in()) {
    auto rows = c.query(
        "SELECT s.comment_id FROM comment_supports s JOIN comments m ON m.id = s.comment_id "
        "WHERE s.user_id = ? AND m.target_kind = ? AND m.target_id = ?",
        visitor.user_id, kind, id);
    while (rows.next()) mine.insert(rows.integer(0));
  }
  const auto now = std::chrono::system_clock::now();
  web::ViewList list;
  std::int64_t shown = 0;
  for (const auto& m : thread(c, kind, id, order_from(request))) {
    web::ViewData item;
    const auto cid = std::to_string(m.id);
    item.set("id", cid);
    item.set("anchor", "comment-" + cid);
    item.set("author", m.anonymous             ? t.text("comments.anonymous_author")
                       : m.author_name.empty() ? t.text("comments.deleted_author")
                                               : m.author_name);
    item.set("anonymous", m.anonymous);
    item.set("stance", m.stance);
    item.set("stance_name",
             web::text_or_false(m.stance.empty() ? "" : t.text("comments.stances." + m.stance)));
    const bool show_text = !m.hidden() || moderator;
    item.set("show_text", show_text);
    item.set("body_html",
             show_text ? web::ViewData(web::render_markdown(m.body, 3)) : web::ViewData(false));
    item.set("hidden", m.hidden());
    item.set("hidden_reason", web::text_or_false(m.hidden_reason));
    item.set("created_display",
             web::format_date_time(*core::parse_iso_timestamp(m.created_at), t.locale()));
    item.set("created_iso", m.created_at);
    item.set("edited", !m.edited_at.empty());
    item.set("history_url", "/comments/" + cid + "/history");
    item.set("supports", std::to_string(m.supports));
    item.set("supported_by_me", mine.contains(m.id));
    item.set("depth", std::to_string(m.depth));
    item.set("reply", m.depth > 0);
    const bool can_act = visitor.signed_in() && !m.hidden();
    item.set("reply_url", web::text_or_false(
                              can_act && target.open
                                  ? "/comments/new?target_kind=" + http::encode_query_value(kind) +
                                        "&target_id=" + std::to_string(id) + "&parent=" + cid
                                  : ""));
    item.set("can_edit",
             can_act && m.author_id == visitor.user_id && target.open && editable(m, now));
    item.set("edit_url", "/comments/" + cid + "/edit");
    item.set("report_url", web::text_or_false(can_act && m.author_id != visitor.user_id
                                                  ? "/comments/" + cid + "/report"
                                                  : ""));
    item.set("support_url", web::text_or_false(can_act ? "/comments/" + cid + "/support" : ""));
    item.set("can_moderate", moderator);
    item.set("hide_url", "/comments/" + cid + "/hide");
    item.set("restore_url", "/comments/" + cid + "/restore");
    if (!m.hidden()) ++shown;
    list.push_back(item);
  }
  web::ViewData data;
  data.set("comments", list);
  data.set("any", !list.empty());
  data.set("count_text", t.format("comments.count", {{"count", shown}}));
  const auto base = target.url + (target.url.find('?') == std::string::npos ? "?" : "&") + "sort=";
  data.set("sort_oldest", base + "oldest#" + id_prefix + "thread");
  data.set("sort_newest", base + "newest#" + id_prefix + "thread");
  data.set("sort_supported", base + "supported#" + id_prefix + "thread");
  data.set("thread_id", id_prefix + "thread");
  if (target.open && visitor.signed_in()) {
    data.set(
        "form",
        comment_form(t, kind, id, std::nullopt, target.anonymous_allowed, {}, id_prefix).view());
  } else {
    data.set("form", false);
  }
  data.set("open", target.open);
  data.set("sign_in_url",
           web::text_or_false(target.open && !visitor.signed_in()
                                  ? "/login?return=" + http::encode_query_value(target.url)
                                  : ""));
  return data;
}

}  // namespace ruamkit::features::comments
