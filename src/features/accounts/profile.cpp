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
#include "features/personal_data.h"
#include "http/error.h"
#include "web/form.h"
#include "web/request.h"

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

// The person whose data a PDPA request is about: every address they had
// mail sent to (the current one and any pending new one).
Person person_of(storage::Connection& c, std::int64_t user_id) {
  Person p{user_id, {}};
  auto current = c.query("SELECT COALESCE(email, '') FROM users WHERE id = ?", user_id);
  if (current.next() && !current.text(0).empty()) p.emails.push_back(current.text(0));
  auto pending = c.query(
      "SELECT payload FROM account_tokens WHERE user_id = ? AND purpose = 'change_email'", user_id);
  while (pending.next()) p.emails.push_back(pending.text(0));
  return p;
}

http::Response email_change_result(const web::Views& views, http::Request& request, bool changed) {
  const std::string key = changed ? "accounts.change_email.done" : "accounts.change_email.failed";
  return views.message(request, key + "_heading", key + "_text", "/account",
                       "accounts.account.heading", changed ? 200 : 400);
}

}  // namespace

void install_profile(Context& context, const Passwords& passwords) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& sessions = context.sessions;
  const auto& registry = context.registry;

  context.router.get("/account", [&db, &views](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
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
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    return views.page(request, "form", t.text("accounts.change_email.heading"),
                      email_form(t, profile.email).view());
  });

  context.router.post("/account/email", [&db, &views, context, passwords](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    const auto raw = web::form_value(request, "email");
    const auto current =
        std::string(http::find_param(request.form(), "current_password").value_or(""));
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    web::Form form = email_form(t, raw);
    const auto email = normalize_email(raw);
    const auto checked = check_current_password(db, *passwords.hasher, passwords.limits, user_id,
                                                profile.email, profile.password_hash, current,
                                                request.remote_address, kChangeEmail);
    if (checked.result == CurrentPassword::throttled) {
      return throttled_page(views, request, "accounts.change_email.heading", form,
                            "current_password", checked.retry_after_seconds);
    }
    if (checked.result == CurrentPassword::wrong) {
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
    return web::redirect("/account?notice=email_change_sent");
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
    const auto token = web::form_value(request, "token");
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

  context.router.get("/account/export", [&db, &registry](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    boost::json::object out;
    db.write([&](storage::Connection& c) {
      out = export_personal_data(registry, c, person_of(c, user_id));
      audit::record(c, request, {"account.data_exported", "user", std::to_string(user_id)});
    });
    out["exported_at"] = core::iso_timestamp(core::Clock::now());
    auto response = http::Response::json(boost::json::serialize(out));
    response.headers.set("Content-Disposition", "attachment; filename=\"ruamkit-my-data.json\"");
    response.headers.set("Cache-Control", "no-store");
    return response;
  });

  context.router.get("/account/delete", [&views](http::Request& request) {
    web::require_signed_in(request);
    const auto& t = views.messages(request);
    return views.page(request, "form", t.text("accounts.delete.heading"), delete_form(t).view());
  });

  context.router.post("/account/delete", [&db, &views, &sessions, passwords,
                                          &registry](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    const auto current =
        std::string(http::find_param(request.form(), "current_password").value_or(""));
    const auto profile = db.read([&](storage::Connection& c) { return load_profile(c, user_id); });
    web::Form form = delete_form(t);
    const auto checked = check_current_password(db, *passwords.hasher, passwords.limits, user_id,
                                                profile.email, profile.password_hash, current,
                                                request.remote_address, kDeleteAccount);
    if (checked.result == CurrentPassword::throttled) {
      return throttled_page(views, request, "accounts.delete.heading", form, "current_password",
                            checked.retry_after_seconds);
    }
    if (checked.result == CurrentPassword::wrong) {
      form.error("current_password", "current_password_wrong");
    }
    if (web::form_value(request, "confirm") != "yes") form.error("confirm", "confirm_required");
    if (form.has_errors()) {
      return views.page(request, "form", t.text("accounts.delete.heading"), form.view(), 422);
    }
    db.write([&](storage::Connection& c) {
      // Every component erases or unlinks what it holds; public
      // contributions stay, shown as by a deleted account, and audit entries
      // stay (security record) but no longer lead to a name or an address.
      erase_personal_data(registry, c, person_of(c, user_id));
      audit::record(c, request, {"account.deleted", "user", std::to_string(user_id)});
    });
    return web::redirect("/login?notice=account_deleted", sessions.end(request));
  });

  context.router.get("/privacy", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    web::ViewData data;
    data.set("version", std::string(kPrivacyNoticeVersion));
    return views.page(request, "accounts/privacy", t.text("privacy.heading"), data);
  });
}

}  // namespace ruamkit::features::accounts
