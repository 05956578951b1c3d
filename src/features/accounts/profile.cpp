// The account page, change of e-mail address, the privacy notice, and the
// PDPA rights: download my data, delete my account.
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>

#include "core/clock.h"
#include "core/security.h"
#include "features/accounts/accounts.h"
#include "features/accounts/support.h"
#include "features/audit/audit.h"
#include "features/organisations/organisations.h"
#include "http/error.h"
#include "web/form.h"

namespace ruamkit::features::accounts {
namespace {

struct Profile {
  std::string email, display_name, phone, password_hash, verified_at, created_at;
  bool two_factor = false;
};

Profile load_profile(storage::Connection& c, std::int64_t user_id) {
  auto rows = c.query(
      "SELECT email, display_name, COALESCE(phone, ''), password_hash, "
      "COALESCE(email_verified_at, ''), created_at, totp_enabled_at IS NOT NULL "
      "FROM users WHERE id = ? AND deleted_at IS NULL",
      user_id);
  if (!rows.next()) throw http::HttpError(404, "no_user");
  return {rows.text(0), rows.text(1), rows.text(2),        rows.text(3),
          rows.text(4), rows.text(5), rows.integer(6) != 0};
}

web::Form email_form(const web::Catalogue& t, const std::string& email) {
  web::Form form(t, "/account/email", "accounts.change_email.heading",
                 "accounts.change_email.submit");
  form.intro("accounts.change_email.intro")
      .field("email", "accounts.fields.new_email", "email", email, "email")
      .field("current_password", "accounts.fields.current_password", "password", "",
             "current-password")
      .link("/account", "accounts.account.back");
  return form;
}

web::Form delete_form(const web::Catalogue& t) {
  web::Form form(t, "/account/delete", "accounts.delete.heading", "accounts.delete.submit");
  form.intro("accounts.delete.intro")
      .field("current_password", "accounts.fields.current_password", "password", "",
             "current-password")
      .checkbox("confirm", "accounts.delete.confirm", false)
      .link("/account", "accounts.account.back");
  return form;
}

std::string profile_email(storage::Connection& c, std::int64_t user_id) {
  auto rows = c.query("SELECT COALESCE(email, '') FROM users WHERE id = ?", user_id);
  return rows.next() ? rows.text(0) : std::string();
}

boost::json::array rows_as_json(storage::Rows rows, std::initializer_list<const char*> names) {
  boost::json::array out;
  while (rows.next()) {
    boost::json::object item;
    int i = 0;
    for (const char* name : names) {
      if (rows.is_null(i)) {
        item[name] = nullptr;
      } else {
        item[name] = rows.text(i);
      }
      ++i;
    }
    out.push_back(std::move(item));
  }
  return out;
}

http::Response email_change_result(const web::Views& views, http::Request& request, bool changed) {
  const std::string key = changed ? "accounts.change_email.done" : "accounts.change_email.failed";
  return views.message(request, key + "_heading", key + "_text", "/account",
                       "accounts.account.heading", changed ? 200 : 400);
}

}  // namespace

void install_profile(Context& context) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& sessions = context.sessions;

  context.router.get("/account", [&db, &views](http::Request& request) {
    const auto user_id = require_signed_in(request);
    const auto& t = views.messages(request);
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    web::ViewData data;
    web::ViewList memberships;
    bool can_admin = false;
    db.read([&](storage::Connection& c) {
      const auto grants = organisations::load_grants(c, user_id);
      can_admin =
          organisations::allowed(grants, organisations::Action::enter_admin_area, std::nullopt);
      for (const auto& m : grants.memberships) {
        const auto o = organisations::find(c, m.organisation_id);
        if (!o) continue;
        web::ViewData item;
        item.set("organisation", o->name(t.locale()));
        item.set("role",
                 t.text("organisations.roles." + std::string(organisations::role_name(m.role))));
        memberships.push_back(item);
      }
    });
    data.set("has_memberships", !memberships.empty());
    data.set("memberships", memberships);
    data.set("can_admin", can_admin);
    data.set("display_name", profile.display_name);
    data.set("email", profile.email);
    data.set("phone", web::text_or_false(profile.phone));
    data.set("two_factor", profile.two_factor);
    std::string notice;
    if (const auto key = request.query_param("notice")) {
      const std::string full = "accounts.notice." + std::string(*key);
      if (t.has(full)) notice = t.text(full);
    }
    data.set("notice", web::text_or_false(notice));
    return views.page(request, "accounts/account", t.text("accounts.account.heading"), data);
  });

  context.router.get("/account/email", [&db, &views](http::Request& request) {
    const auto user_id = require_signed_in(request);
    const auto& t = views.messages(request);
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    return views.page(request, "form", t.text("accounts.change_email.heading"),
                      email_form(t, profile.email).view());
  });

  context.router.post("/account/email", [&db, &views, context](http::Request& request) {
    const auto user_id = require_signed_in(request);
    const auto& t = views.messages(request);
    const auto raw = form_value(request, "email");
    const auto current =
        std::string(http::find_param(request.form(), "current_password").value_or(""));
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    web::Form form = email_form(t, raw);
    const auto email = normalize_email(raw);
    if (!core::verify_password(profile.password_hash, current)) {
      form.error("current_password", "current_password_wrong");
    }
    if (!email) form.error("email", "email_invalid");
    if (!form.has_errors()) {
      const bool allowed = db.write(
          [&](storage::Connection& c) { return mail_allowed(c, *email, "change_email", 3); });
      if (!allowed) form.error("email", "too_many_mails");
    }
    if (form.has_errors()) {
      return views.page(request, "form", t.text("accounts.change_email.heading"), form.view(), 422);
    }
    db.write([&](storage::Connection& c) {
      const auto token = issue_token(c, user_id, "change_email", *email, std::chrono::hours(24));
      queue_mail(c, t, *email, "change_email",
                 {{"name", profile.display_name},
                  {"link", absolute_url(context, "/account/email/confirm?token=" + token)}});
      queue_mail(c, t, profile.email, "change_email_notice",
                 {{"name", profile.display_name}, {"email", *email}});
      audit::record(c, request,
                    {"account.email_change_requested", "user", std::to_string(user_id)});
    });
    if (context.wake_mail) context.wake_mail();
    return redirect("/account?notice=email_change_sent");
  });

  // As with verification, the mailed link only shows a button.
  context.router.get("/account/email/confirm", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string token(request.query_param("token").value_or(""));
    const auto use =
        db.read([&](storage::Connection& c) { return peek_token(c, token, "change_email"); });
    if (!use) return email_change_result(views, request, false);
    web::Form form(t, "/account/email/confirm", "accounts.change_email.confirm_heading",
                   "accounts.change_email.confirm_submit");
    form.intro("accounts.change_email.confirm_intro").hidden("token", token);
    return views.page(request, "form", t.text("accounts.change_email.confirm_heading"),
                      form.view());
  });

  context.router.post("/account/email/confirm", [&db, &views](http::Request& request) {
    const auto token = form_value(request, "token");
    const bool changed = db.write([&](storage::Connection& c) {
      const auto use = consume_token(c, token, "change_email");
      if (!use || !use->user_id) return false;
      try {
        c.execute(
            "UPDATE users SET email = ?, email_verified_at = ? WHERE id = ? AND deleted_at IS NULL",
            use->payload, core::iso_timestamp(core::Clock::now()), *use->user_id);
      } catch (const storage::ConstraintError&) {
        throw http::HttpError(409, "email_taken");  // rolls the token use back too
      }
      // Links mailed to the old address no longer work.
      revoke_tokens(c, *use->user_id, {"reset_password", "verify_email"});
      audit::record(c, request, {"account.email_changed", "user", std::to_string(*use->user_id)},
                    *use->user_id);
      return true;
    });
    return email_change_result(views, request, changed);
  });

  context.router.get("/account/export", [&db](http::Request& request) {
    const auto user_id = require_signed_in(request);
    boost::json::object out;
    db.write([&](storage::Connection& c) {
      auto user = c.query(
          "SELECT id, email, display_name, phone, email_verified_at, created_at, "
          "totp_enabled_at FROM users WHERE id = ?",
          user_id);
      out["account"] = rows_as_json(std::move(user),
                                    {"id", "email", "display_name", "phone", "email_verified_at",
                                     "created_at", "two_factor_enabled_at"})
                           .at(0);
      out["consents"] = rows_as_json(
          c.query("SELECT notice_version, given_at FROM consents WHERE user_id = ? ORDER BY id",
                  user_id),
          {"privacy_notice_version", "given_at"});
      out["sessions"] = rows_as_json(
          c.query("SELECT created_at, last_seen_at, ip, user_agent FROM sessions WHERE user_id = ?",
                  user_id),
          {"created_at", "last_seen_at", "ip", "user_agent"});
      out["activity"] =
          rows_as_json(c.query("SELECT at, action, object_type, object_id, ip FROM audit_log "
                               "WHERE actor_user_id = ? ORDER BY id",
                               user_id),
                       {"at", "action", "object_type", "object_id", "ip"});
      out["actions_about_me"] = rows_as_json(
          c.query(
              "SELECT at, action, ip FROM audit_log WHERE object_type = 'user' AND object_id = ? "
              "AND (actor_user_id IS NULL OR actor_user_id <> ?) ORDER BY id",
              std::to_string(user_id), user_id),
          {"at", "action", "by_address"});
      out["log_in_attempts"] = rows_as_json(
          c.query("SELECT attempted_at, address, CASE succeeded WHEN 1 THEN 'yes' ELSE 'no' END "
                  "FROM login_attempts WHERE user_id = ? OR email = ? ORDER BY id",
                  user_id, profile_email(c, user_id)),
          {"at", "address", "succeeded"});
      out["mail_sent_to_me"] = rows_as_json(
          c.query("SELECT created_at, subject, sent_at FROM mail_outbox WHERE to_address = ? "
                  "ORDER BY id",
                  profile_email(c, user_id)),
          {"queued_at", "subject", "sent_at"});
      out["roles"] = rows_as_json(
          c.query(
              "SELECT o.name_th, o.name_en, m.role, m.created_at FROM memberships m "
              "JOIN organisations o ON o.id = m.organisation_id WHERE m.user_id = ? ORDER BY m.id",
              user_id),
          {"organisation_th", "organisation_en", "role", "since"});
      out["platform_roles"] =
          rows_as_json(
              c.query("SELECT CASE is_platform_admin WHEN 1 THEN 'yes' ELSE 'no' END, "
                      "CASE is_evaluator WHEN 1 THEN 'yes' ELSE 'no' END FROM users WHERE id = ?",
                      user_id),
              {"platform_admin", "evaluator"})
              .at(0);
      out["pending_email_change"] = rows_as_json(
          c.query("SELECT payload, expires_at FROM account_tokens WHERE user_id = ? AND "
                  "purpose = 'change_email' AND used_at IS NULL",
                  user_id),
          {"new_email", "expires_at"});
      // What I said and answered (opinions on public matters: sensitive data).
      out["comments"] = rows_as_json(
          c.query("SELECT id, target_kind, target_id, COALESCE(stance, ''), body, created_at, "
                  "CASE anonymous WHEN 1 THEN 'yes' ELSE 'no' END FROM comments "
                  "WHERE author_id = ? ORDER BY id",
                  user_id),
          {"id", "on", "on_id", "stance", "text", "posted_at", "anonymous"});
      out["survey_answers"] = rows_as_json(
          c.query("SELECT r.survey_id, q.prompt, COALESCE(a.choice, ''), COALESCE(a.text, ''), "
                  "r.created_at FROM survey_responses r JOIN survey_answers a ON a.response_id = "
                  "r.id JOIN survey_questions q ON q.id = a.question_id WHERE r.user_id = ? "
                  "ORDER BY r.id, q.position",
                  user_id),
          {"survey", "question", "choice", "text", "answered_at"});
      out["notifications"] = rows_as_json(
          c.query("SELECT kind, args, url, created_at FROM notifications WHERE user_id = ? "
                  "ORDER BY id",
                  user_id),
          {"kind", "details", "link", "at"});
      out["feedback_cases"] = rows_as_json(
          c.query("SELECT id, tracking_code, description, address, contact_name, contact_email, "
                  "contact_phone, status, received_at FROM feedback_cases WHERE reporter_id = ? "
                  "ORDER BY id",
                  user_id),
          {"case", "tracking_code", "description", "address", "contact_name", "contact_email",
           "contact_phone", "status", "reported_at"});
      out["following"] = rows_as_json(
          c.query("SELECT space_id, created_at FROM follows WHERE user_id = ?", user_id),
          {"space", "since"});
      audit::record(c, request, {"account.data_exported", "user", std::to_string(user_id)});
    });
    out["exported_at"] = core::iso_timestamp(core::Clock::now());
    auto response = http::Response::json(boost::json::serialize(out));
    response.headers.set("Content-Disposition", "attachment; filename=\"ruamkit-my-data.json\"");
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  context.router.get("/account/delete", [&views](http::Request& request) {
    require_signed_in(request);
    const auto& t = views.messages(request);
    return views.page(request, "form", t.text("accounts.delete.heading"), delete_form(t).view());
  });

  context.router.post("/account/delete", [&db, &views, &sessions](http::Request& request) {
    const auto user_id = require_signed_in(request);
    const auto& t = views.messages(request);
    const auto current =
        std::string(http::find_param(request.form(), "current_password").value_or(""));
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    web::Form form = delete_form(t);
    if (!core::verify_password(profile.password_hash, current)) {
      form.error("current_password", "current_password_wrong");
    }
    if (form_value(request, "confirm") != "yes") form.error("confirm", "confirm_required");
    if (form.has_errors()) {
      return views.page(request, "form", t.text("accounts.delete.heading"), form.view(), 422);
    }
    db.write([&](storage::Connection& c) {
      // Addresses this person had mail sent to: the current one and any
      // pending new one.
      std::vector<std::string> addresses = {profile.email};
      auto pending = c.query(
          "SELECT payload FROM account_tokens WHERE user_id = ? AND purpose = 'change_email'",
          user_id);
      while (pending.next()) addresses.push_back(pending.text(0));
      // Personal data goes; the row stays so public contributions keep an
      // author shown as "deleted user". Audit entries stay (security record)
      // but no longer lead to a name or an address.
      c.execute(
          "UPDATE users SET email = NULL, display_name = '', phone = NULL, password_hash = NULL, "
          "email_verified_at = NULL, totp_secret = NULL, totp_enabled_at = NULL, "
          "is_platform_admin = 0, is_evaluator = 0, deleted_at = ? WHERE id = ?",
          core::iso_timestamp(core::Clock::now()), user_id);
      c.execute("DELETE FROM sessions WHERE user_id = ?", user_id);
      c.execute("DELETE FROM account_tokens WHERE user_id = ?", user_id);
      c.execute("DELETE FROM recovery_codes WHERE user_id = ?", user_id);
      c.execute("DELETE FROM consents WHERE user_id = ?", user_id);
      c.execute("DELETE FROM memberships WHERE user_id = ?", user_id);
      // Public contributions stay, shown as by a deleted account; what was
      // only the person's own goes.
      c.execute("DELETE FROM notifications WHERE user_id = ?", user_id);
      c.execute("DELETE FROM notification_settings WHERE user_id = ?", user_id);
      c.execute("DELETE FROM follows WHERE user_id = ?", user_id);
      c.execute(
          "UPDATE comments SET supports = supports - 1 WHERE id IN "
          "(SELECT comment_id FROM comment_supports WHERE user_id = ?)",
          user_id);
      c.execute("DELETE FROM comment_supports WHERE user_id = ?", user_id);
      c.execute("UPDATE survey_responses SET user_id = NULL WHERE user_id = ?", user_id);
      // Reports stay (the agency must still handle them), without who sent them.
      c.execute(
          "UPDATE feedback_cases SET reporter_id = NULL, contact_name = '', contact_email = '', "
          "contact_phone = '' WHERE reporter_id = ?",
          user_id);
      c.execute("DELETE FROM login_attempts WHERE user_id = ? OR email = ?", user_id,
                profile.email);
      for (const auto& address : addresses) {
        c.execute("DELETE FROM mail_outbox WHERE to_address = ?", address);
        c.execute("DELETE FROM mail_requests WHERE address_digest = ?",
                  core::token_digest(address));
      }
      audit::record(c, request, {"account.deleted", "user", std::to_string(user_id)});
    });
    return redirect("/login?notice=account_deleted", sessions.end(request));
  });

  context.router.get("/privacy", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    web::ViewData data;
    data.set("version", std::string(kPrivacyNoticeVersion));
    return views.page(request, "accounts/privacy", t.text("privacy.heading"), data);
  });
}

}  // namespace ruamkit::features::accounts
