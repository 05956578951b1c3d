// Forgotten password (reset by a single-use link) and change of password.
#include "core/clock.h"
#include "core/security.h"
#include "features/accounts/accounts.h"
#include "features/accounts/support.h"
#include "features/audit/audit.h"
#include "http/error.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::accounts {
namespace {

web::Form reset_form(const web::Catalogue& t, const std::string& token) {
  web::Form form(t, "/password/reset", "accounts.reset.heading", "accounts.reset.submit");
  form.field("password", "accounts.fields.new_password", "password", "", "new-password", true,
             "accounts.fields.password_hint")
      .hidden("token", token);
  return form;
}

web::Form change_form(const web::Catalogue& t) {
  web::Form form(t, "/account/password", "accounts.change_password.heading",
                 "accounts.change_password.submit");
  form.field("current_password", "accounts.fields.current_password", "password", "",
             "current-password")
      .field("password", "accounts.fields.new_password", "password", "", "new-password", true,
             "accounts.fields.password_hint")
      .link("/account", "accounts.account.back");
  return form;
}

struct Person {
  std::string email, display_name, password_hash;
};

std::optional<Person> person(storage::Connection& c, std::int64_t user_id) {
  auto rows = c.query(
      "SELECT email, display_name, password_hash FROM users WHERE id = ? AND deleted_at IS NULL",
      user_id);
  if (!rows.next()) return std::nullopt;
  return Person{rows.text(0), rows.text(1), rows.text(2)};
}

http::Response invalid_reset_link(const web::Views& views, http::Request& request) {
  return views.message(request, "accounts.reset.invalid_heading", "accounts.reset.invalid_text",
                       "/password/forgot", "accounts.forgot.heading", 400);
}

}  // namespace

void install_passwords(Context& context, const Passwords& passwords) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/password/forgot", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    web::Form form(t, "/password/forgot", "accounts.forgot.heading", "accounts.forgot.submit");
    form.intro("accounts.forgot.intro")
        .field("email", "accounts.fields.email", "email", "", "email");
    return views.page(request, "form", t.text("accounts.forgot.heading"), form.view());
  });

  context.router.post("/password/forgot", [&db, &views, context](http::Request& request) {
    const auto& t = views.messages(request);
    const auto email = normalize_email(web::form_value(request, "email"));
    if (email) {
      db.write([&](storage::Connection& c) {
        // Written whether or not the address has an account (same timing).
        if (!mail_allowed(c, *email, "reset")) return;
        auto rows = c.query(
            "SELECT id, display_name FROM users WHERE email = ? AND deleted_at IS NULL", *email);
        if (!rows.next()) return;  // the answer below is the same either way
        const auto user_id = rows.integer(0);
        const auto token = issue_token(c, user_id, "reset_password", "", std::chrono::hours(1));
        queue_mail(c, t, *email, "reset",
                   {{"name", rows.text(1)},
                    {"link", absolute_url(context, "/password/reset?token=" + token)}});
      });
      if (context.wake_mail) context.wake_mail();
    }
    return views.message(request, "accounts.forgot.sent_heading", "accounts.forgot.sent_text",
                         "/login", "accounts.login.heading");
  });

  context.router.get("/password/reset", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string token(request.query_param("token").value_or(""));
    const bool valid = db.read(
        [&](storage::Connection& c) { return peek_token(c, token, "reset_password").has_value(); });
    if (!valid) {
      return invalid_reset_link(views, request);
    }
    return views.page(request, "form", t.text("accounts.reset.heading"),
                      reset_form(t, token).view());
  });

  context.router.post("/password/reset", [&db, &views, context,
                                          hasher = passwords.hasher](http::Request& request) {
    const auto& t = views.messages(request);
    const auto token = web::form_value(request, "token");
    const auto password = std::string(http::find_param(request.form(), "password").value_or(""));
    const auto use =
        db.read([&](storage::Connection& c) { return peek_token(c, token, "reset_password"); });
    std::optional<Person> who;
    if (use && use->user_id)
      who = db.read([&](storage::Connection& c) { return person(c, *use->user_id); });
    if (!who) {
      return invalid_reset_link(views, request);
    }
    web::Form form = reset_form(t, token);
    if (auto problem =
            password_problem(password, who->email, who->display_name, context.common_passwords)) {
      form.error("password", *problem);
      return views.page(request, "form", t.text("accounts.reset.heading"), form.view(), 422);
    }
    const auto hash = hasher->hash(password);
    const bool done = db.write([&](storage::Connection& c) {
      if (!consume_token(c, token, "reset_password")) return false;
      c.execute("UPDATE users SET password_hash = ? WHERE id = ?", hash, *use->user_id);
      // Whoever knew the old password is signed out everywhere, and a pending
      // change of address they may have asked for is cancelled.
      c.execute("DELETE FROM sessions WHERE user_id = ?", *use->user_id);
      revoke_tokens(c, *use->user_id, {"reset_password", "change_email"});
      // Receiving the link proves the address.
      c.execute("UPDATE users SET email_verified_at = COALESCE(email_verified_at, ?) WHERE id = ?",
                core::iso_timestamp(core::Clock::now()), *use->user_id);
      audit::record(c, request, {"account.password_reset", "user", std::to_string(*use->user_id)},
                    *use->user_id);
      return true;
    });
    if (!done) return web::redirect("/password/reset?token=");
    return web::redirect("/login?notice=password_reset");
  });

  context.router.get("/account/password", [&views](http::Request& request) {
    web::require_signed_in(request);
    const auto& t = views.messages(request);
    return views.page(request, "form", t.text("accounts.change_password.heading"),
                      change_form(t).view());
  });

  context.router.post("/account/password", [&db, &views, context,
                                            passwords](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto& t = views.messages(request);
    const auto current =
        std::string(http::find_param(request.form(), "current_password").value_or(""));
    const auto password = std::string(http::find_param(request.form(), "password").value_or(""));
    const auto who = db.read([&](storage::Connection& c) { return person(c, user_id); });
    if (!who) throw http::HttpError(404, "no_user");
    web::Form form = change_form(t);
    const auto checked = check_current_password(db, *passwords.hasher, passwords.limits, user_id,
                                                who->email, who->password_hash, current,
                                                request.remote_address, kChangePassword);
    if (checked.result == CurrentPassword::throttled) {
      return throttled_page(views, request, "accounts.change_password.heading", form,
                            "current_password", checked.retry_after_seconds);
    }
    if (checked.result == CurrentPassword::wrong) {
      form.error("current_password", "current_password_wrong");
    } else if (auto problem = password_problem(password, who->email, who->display_name,
                                               context.common_passwords)) {
      form.error("password", *problem);
    }
    if (form.has_errors()) {
      return views.page(request, "form", t.text("accounts.change_password.heading"), form.view(),
                        422);
    }
    const auto hash = passwords.hasher->hash(password);
    db.write([&](storage::Connection& c) {
      c.execute("UPDATE users SET password_hash = ? WHERE id = ?", hash, user_id);
      Sessions::end_all(c, user_id, request.visitor.session_digest);
      c.execute("DELETE FROM account_tokens WHERE user_id = ? AND purpose = 'change_email'",
                user_id);
      queue_mail(c, t, who->email, "password_changed", {{"name", who->display_name}});
      audit::record(c, request, {"account.password_changed", "user", std::to_string(user_id)});
    });
    if (context.wake_mail) context.wake_mail();
    return web::redirect("/account?notice=password_changed");
  });
}

}  // namespace ruamkit::features::accounts
