// Comment routes shared by every component: post (and reply), edit within
// the window, history, report, support, and moderation (hide, restore, the
// organisation's queue of reported comments). Every write checks the target
// through its component's resolver: it must exist, be public and, for new
// comments and edits, be open.
#include "features/comments/module.h"
#include "features/respond.h"

#include "core/utf8.h"
#include "features/admin/admin.h"
#include "features/audit/audit.h"
#include "features/comments/comments.h"
#include "features/comments/views.h"
#include "features/notifications/notifications.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/dates.h"
#include "web/markdown.h"
#include "web/request.h"

namespace ruamkit::features::comments {
namespace {

using web::form_value;
using web::id_param;

// The target of a comment route: 404 when missing or not public (nobody
// comments on, or reads comments of, what they cannot see).
Target visible_target(storage::Connection& c, const std::string& kind, std::int64_t id) {
  const auto target = resolve(c, kind, id);
  if (!target || !target->visible) throw http::HttpError(404, "no_target");
  return *target;
}

bool may_moderate(storage::Connection& c, const http::Request& request, const Target& target) {
  if (!request.visitor.signed_in()) return false;
  return organisations::allowed(organisations::load_grants(c, request.visitor.user_id),
                                organisations::Action::moderate, target.organisation_id);
}

http::Response form_page(const web::Views& views, const http::Request& request,
                         const std::string& heading_key, web::Form& form, int status = 200) {
  const auto& t = views.messages(request);
  return views.page(request, "form", t.text(heading_key), form.view(), status);
}

Comment existing(storage::Connection& c, std::int64_t id) {
  const auto m = find(c, id);
  if (!m) throw http::HttpError(404, "no_comment");
  return *m;
}

}  // namespace

void install(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& config = context.site;

  // A comment form of its own: for replies, and for people without JavaScript
  // who follow "reply".
  context.router.get("/comments/new", [&db, &views](http::Request& request) {
    web::require_signed_in(request);
    const auto& t = views.messages(request);
    const std::string kind(request.query_param("target_kind").value_or(""));
    const auto id = web::parse_id(request.query_param("target_id").value_or("")).value_or(0);
    std::optional<std::int64_t> parent;
    if (const auto p = request.query_param("parent")) parent = web::parse_id(*p);
    auto form = db.read([&](storage::Connection& c) {
      const auto target = visible_target(c, kind, id);
      if (!target.open) throw http::HttpError(403, "comments_closed");
      if (parent) {
        const auto p = find(c, *parent);
        if (!p || p->target_kind != kind || p->target_id != id) {
          throw http::HttpError(404, "no_parent");
        }
      }
      auto f = comment_form(t, kind, id, parent, target.anonymous_allowed, {}, "");
      f.link(target.url, "comments.back");
      return f;
    });
    return form_page(views, request, parent ? "comments.reply_heading" : "comments.form_heading",
                     form);
  });

  context.router.post("/comments", [&db, &views, &config,
                                    wake = context.wake_mail](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    const auto kind = form_value(request, "target_kind");
    const auto id = web::parse_id(form_value(request, "target_id")).value_or(0);
    const auto parent_text = form_value(request, "parent_id");
    std::optional<std::int64_t> parent;
    if (!parent_text.empty()) {
      parent = web::parse_id(parent_text);
      if (!parent) throw http::HttpError(400, "bad_parent");
    }
    Typed typed{std::string(http::find_param(request.form(), "body").value_or("")),
                form_value(request, "stance"), form_value(request, "anonymous") == "yes"};
    std::string location;
    bool notified = false;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto target = visible_target(c, kind, id);
          auto refuse = [&](const std::string& key, int status) {
            auto form = comment_form(t, kind, id, parent, target.anonymous_allowed, typed, "");
            form.error("body", key).link(target.url, "comments.back");
            return [&, form, status](storage::Connection&) mutable {
              return form_page(views, request, "comments.form_heading", form, status);
            };
          };
          if (!target.open) return refuse("comments_closed", 409);
          if (typed.anonymous && !target.anonymous_allowed)
            return refuse("comment_named_only", 422);
          if (const auto key = problem(typed.body, typed.stance); !key.empty()) {
            return refuse(key, 422);
          }
          if (!within_rate_limit(c, user_id)) return refuse("comment_rate_limit", 429);
          std::optional<Comment> parent_comment;
          if (parent) {
            parent_comment = find(c, *parent);
            if (!parent_comment || parent_comment->target_kind != kind ||
                parent_comment->target_id != id || parent_comment->hidden()) {
              throw http::HttpError(404, "no_parent");
            }
          }
          const auto comment_id =
              add(c, {kind, id, parent, user_id, typed.anonymous, typed.stance, typed.body});
          location = target.url + "#comment-" + std::to_string(comment_id);
          if (parent_comment && parent_comment->author_id != user_id) {
            notifications::notify(c, views, config.base_url, {parent_comment->author_id},
                                  {"comment_reply",
                                   notifications::Category::replies,
                                   {{"name", typed.anonymous ? t.text("comments.anonymous_author")
                                                             : request.visitor.display_name},
                                    {"title", target.title}},
                                   location});
            notified = true;
          }
          return std::nullopt;
        },
        [&] {
          if (notified && wake) wake();
          return web::redirect(location);
        });
  });

  context.router.get("/comments/{id}/edit", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto id = id_param(request, "id");
    auto form = db.read([&](storage::Connection& c) {
      const auto m = existing(c, id);
      const auto target = visible_target(c, m.target_kind, m.target_id);
      if (m.author_id != user_id) throw http::HttpError(403, "not_author");
      if (!target.open || !editable(m, std::chrono::system_clock::now())) {
        throw http::HttpError(403, "edit_window_over");
      }
      web::Form f(views.messages(request), "/comments/" + std::to_string(id) + "/edit",
                  "comments.edit_heading", "comments.save");
      f.intro("comments.edit_intro")
          .textarea("body", "comments.body", m.body, true, "comments.body_hint")
          .select("stance", "comments.stance",
                  {{"", views.messages(request).text("comments.stances.none")},
                   {"agree", views.messages(request).text("comments.stances.agree")},
                   {"disagree", views.messages(request).text("comments.stances.disagree")},
                   {"neutral", views.messages(request).text("comments.stances.neutral")}},
                  m.stance, false)
          .link(target.url + "#comment-" + std::to_string(id), "comments.back");
      return f;
    });
    return form_page(views, request, "comments.edit_heading", form);
  });

  context.router.post("/comments/{id}/edit", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto id = id_param(request, "id");
    const std::string body(http::find_param(request.form(), "body").value_or(""));
    const auto stance = form_value(request, "stance");
    std::string location;
    return write_then_respond(
        db,
        [&](storage::Connection& c) -> Reply {
          const auto m = existing(c, id);
          const auto target = visible_target(c, m.target_kind, m.target_id);
          if (m.author_id != user_id) throw http::HttpError(403, "not_author");
          if (!target.open || !editable(m, std::chrono::system_clock::now())) {
            throw http::HttpError(403, "edit_window_over");
          }
          if (const auto key = problem(body, stance); !key.empty()) {
            web::Form f(views.messages(request), "/comments/" + std::to_string(id) + "/edit",
                        "comments.edit_heading", "comments.save");
            f.textarea("body", "comments.body", body, true, "comments.body_hint")
                .hidden("stance", stance)
                .error("body", key);
            return [&, f](storage::Connection&) mutable {
              return form_page(views, request, "comments.edit_heading", f, 422);
            };
          }
          edit(c, m, body, stance);
          location = target.url + "#comment-" + std::to_string(id);
          return std::nullopt;
        },
        [&] { return web::redirect(location); });
  });

  // Earlier wordings of an edited comment: public like the comment itself.
  context.router.get("/comments/{id}/history", [&db, &views](http::Request& request) {
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    web::ViewData data;
    db.read([&](storage::Connection& c) {
      const auto m = existing(c, id);
      const auto target = visible_target(c, m.target_kind, m.target_id);
      const bool text_visible = !m.hidden() || may_moderate(c, request, target);
      web::ViewList list;
      if (text_visible) {
        for (const auto& e : history(c, id)) {
          web::ViewData item;
          item.set("body_html", web::render_markdown(e.body, 3));
          item.set(
              "stance_name",
              web::text_or_false(e.stance.empty() ? "" : t.text("comments.stances." + e.stance)));
          item.set("replaced_display",
                   web::format_date_time(*core::parse_iso_timestamp(e.replaced_at), t.locale()));
          list.push_back(item);
        }
      }
      data.set("versions", list);
      data.set("current_html", text_visible ? web::ViewData(web::render_markdown(m.body, 3))
                                            : web::ViewData(false));
      data.set("back_url", target.url + "#comment-" + std::to_string(id));
    });
    return views.page(request, "comments/history", t.text("comments.history_heading"), data);
  });

  context.router.get("/comments/{id}/report", [&db, &views](http::Request& request) {
    web::require_signed_in(request);
    const auto id = id_param(request, "id");
    const auto& t = views.messages(request);
    auto form = db.read([&](storage::Connection& c) {
      const auto m = existing(c, id);
      const auto target = visible_target(c, m.target_kind, m.target_id);
      web::Form f(t, "/comments/" + std::to_string(id) + "/report", "comments.report_heading",
                  "comments.report_submit");
      f.intro("comments.report_intro")
          .select("reason", "comments.report_reason",
                  {{"spam", t.text("comments.reasons.spam")},
                   {"abuse", t.text("comments.reasons.abuse")},
                   {"personal_data", t.text("comments.reasons.personal_data")},
                   {"off_topic", t.text("comments.reasons.off_topic")},
                   {"other", t.text("comments.reasons.other")}},
                  "spam")
          .textarea("note", "comments.report_note", "", false)
          .link(target.url + "#comment-" + std::to_string(id), "comments.back");
      return f;
    });
    return form_page(views, request, "comments.report_heading", form);
  });

  context.router.post("/comments/{id}/report", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto id = id_param(request, "id");
    const auto reason = form_value(request, "reason");
    const auto note = form_value(request, "note");
    if (!is_report_reason(reason) || core::character_count(note) > 1000) {
      throw http::HttpError(400, "bad_report");
    }
    std::string back;
    db.write([&](storage::Connection& c) {
      const auto m = existing(c, id);
      const auto target = visible_target(c, m.target_kind, m.target_id);
      report(c, id, user_id, reason, note);  // a second report by the same person changes nothing
      back = target.url + "#comment-" + std::to_string(id);
    });
    return views.message(request, "comments.reported_heading", "comments.reported_text", back,
                         "comments.back");
  });

  context.router.post("/comments/{id}/support", [&db](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto id = id_param(request, "id");
    std::string back;
    db.write([&](storage::Connection& c) {
      const auto m = existing(c, id);
      const auto target = visible_target(c, m.target_kind, m.target_id);
      if (m.hidden()) throw http::HttpError(403, "comment_hidden");
      toggle_support(c, id, user_id);
      back = target.url + "#comment-" + std::to_string(id);
    });
    return web::redirect(back);
  });

  for (const bool hiding : {true, false}) {
    context.router.post(
        hiding ? "/comments/{id}/hide" : "/comments/{id}/restore",
        [&db, hiding](http::Request& request) {
          const auto user_id = web::require_signed_in(request);
          const auto id = id_param(request, "id");
          const auto reason = form_value(request, "reason");
          if (hiding && (reason.empty() || core::character_count(reason) > 300)) {
            throw http::HttpError(400, "hide_reason_required");
          }
          std::string back;
          db.write([&](storage::Connection& c) {
            const auto m = existing(c, id);
            const auto target = resolve(c, m.target_kind, m.target_id);
            if (!target) throw http::HttpError(404, "no_target");
            if (!may_moderate(c, request, *target)) {
              throw http::HttpError(403, "not_moderator");
            }
            if (hiding) {
              hide(c, id, user_id, reason);
            } else {
              restore(c, id, user_id);
            }
            audit::record(c, request,
                          {hiding ? "comment.hidden" : "comment.restored", "comment",
                           std::to_string(id), target->organisation_id,
                           hiding ? audit::details({{"reason_length", reason.size()}}) : "{}"});
            back = target->url + "#comment-" + std::to_string(id);
          });
          return web::redirect(back);
        });
  }

  // The moderators' queue: reported comments on the organisation's objects.
  context.router.get("/manage/organisations/{id}/moderation", [&db,
                                                               &views](http::Request& request) {
    const auto organisation_id = id_param(request, "id");
    admin::require(db, request, organisations::Action::moderate, organisation_id);
    const auto& t = views.messages(request);
    web::ViewData data;
    db.read([&](storage::Connection& c) {
      const auto o = organisations::find(c, organisation_id);
      if (!o) throw http::HttpError(404, "no_organisation");
      data.set("name", o->name(t.locale()));
      web::ViewList list;
      for (const auto& r : open_reports(c, organisation_id)) {
        web::ViewData item;
        item.set("id", std::to_string(r.comment.id));
        item.set("url", r.target.url + "#comment-" + std::to_string(r.comment.id));
        item.set("title", r.target.title);
        item.set("body_html", web::render_markdown(r.comment.body, 3));
        item.set("hidden", r.comment.hidden());
        item.set("reports", std::to_string(r.reports));
        std::string reasons;
        for (const auto& reason : r.reasons) {
          if (!reasons.empty()) reasons += ", ";
          reasons += t.text("comments.reasons." + reason);
        }
        item.set("reasons", reasons);
        list.push_back(item);
      }
      data.set("reports", list);
      data.set("none", list.empty());
    });
    return views.page(request, "comments/moderation", t.text("comments.moderation_heading"), data);
  });
}

}  // namespace ruamkit::features::comments
