// Log-in (password, then the second factor where set up), log-out, and
// throttling of failed attempts per account and per address.
#include <algorithm>

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.h"
#include "core/recovery_codes.h"
#include "core/security.h"
#include "core/totp.h"
#include "features/accounts/accounts.h"
#include "features/accounts/support.h"
#include "features/audit/audit.h"
#include "features/organisations/permissions.h"
#include "http/error.h"
#include "http/url.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::accounts {
namespace {

web::Form login_form(const web::Catalogue& t, const std::string& email, const std::string& back) {
  web::Form form(t, "/login", "accounts.login.heading", "accounts.login.submit");
  form.field("email", "accounts.fields.email", "email", email, "username")
      .field("password", "accounts.fields.password", "password", "", "current-password")
      .hidden("return", back)
      .link("/password/forgot", "accounts.login.forgot")
      .link("/register", "accounts.login.no_account");
  return form;
}

http::Response too_many(const web::Views& views, http::Request& request, const web::Form& form,
                        int retry_after) {
  auto response = views.page(
      request, "form", views.messages(request).text("accounts.login.heading"), form.view(), 429);
  response.headers.set("Retry-After", std::to_string(retry_after));
  return response;
}

web::Form second_factor_form(const web::Catalogue& t) {
  web::Form form(t, "/login/two-factor", "accounts.two_factor.login_heading",
                 "accounts.two_factor.verify");
  form.intro("accounts.two_factor.login_intro")
      .field("code", "accounts.fields.code", "text", "", "one-time-code", true,
             "accounts.fields.code_hint")
      .inputmode("code", "numeric");
  return form;
}

struct Candidate {
  std::int64_t id = 0;
  std::string password_hash, display_name;
  bool verified = false, totp = false, admin = false;
};

std::optional<Candidate> find_user(storage::Connection& c, const std::string& email) {
  auto rows = c.query(
      "SELECT id, password_hash, display_name, email_verified_at IS NOT NULL, "
      "totp_enabled_at IS NOT NULL, is_platform_admin FROM users "
      "WHERE email = ? AND deleted_at IS NULL",
      email);
  if (!rows.next()) return std::nullopt;
  return Candidate{rows.integer(0),      rows.text(1),         rows.text(2),
                   rows.integer(3) != 0, rows.integer(4) != 0, rows.integer(5) != 0};
}

}  // namespace

void install_login(Context& context, const Passwords& passwords) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& sessions = context.sessions;

  context.router.get("/login", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    web::Form form = login_form(
        t, "", http::safe_local_redirect(request.query_param("return").value_or("/account")));
    if (request.query_param("notice")) {
      const std::string key = "accounts.notice." + std::string(*request.query_param("notice"));
      if (t.has(key)) form.notice(t.text(key));
    }
    return views.page(request, "form", t.text("accounts.login.heading"), form.view());
  });

  context.router.post("/login", [&, passwords, context](http::Request& request) {
    const auto& t = views.messages(request);
    const auto raw_email = web::form_value(request, "email");
    const auto password = std::string(http::find_param(request.form(), "password").value_or(""));
    const auto requested = web::form_value(request, "return");
    const auto back =
        requested.empty() ? std::string("/account") : http::safe_local_redirect(requested);
    web::Form form = login_form(t, raw_email, back);
    const auto email = normalize_email(raw_email).value_or(raw_email.substr(0, 254));

    struct Opened {
      Gate gate;
      std::optional<Candidate> user;
    };
    const auto opened = db.write([&](storage::Connection& c) {
      Opened o;
      o.user = find_user(c, email);
      std::optional<std::int64_t> user_id;
      if (o.user) user_id = o.user->id;
      o.gate = open_gate(c, {user_id, email, request.remote_address, kLogIn}, passwords.limits);
      if (o.gate.tell_owner) {
        warn_owner(c, t, email, absolute_url(context, "/password/forgot"));
      }
      return o;
    });
    if (opened.gate.tell_owner && context.wake_mail) context.wake_mail();
    if (!opened.gate.allowed) {
      form.error("", "too_many_attempts");
      return too_many(views, request, form, opened.gate.retry_after_seconds);
    }
    const auto& user = opened.user;
    bool ok = false;
    if (user && !user->password_hash.empty()) {
      ok = passwords.hasher->verify(user->password_hash, password);
    } else {
      passwords.hasher->burn(password);
    }
    if (!ok) {
      form.error("", "login_failed");
      return views.page(request, "form", t.text("accounts.login.heading"), form.view(), 401);
    }
    db.write([&](storage::Connection& c) { mark_success(c, opened.gate.attempt_id); });
    if (!user->verified) {
      db.write([&](storage::Connection& c) {
        if (!mail_allowed(c, email, "verify")) return;
        const auto token = issue_token(c, user->id, "verify_email", "", std::chrono::hours(48));
        queue_mail(c, t, email, "verify",
                   {{"name", user->display_name},
                    {"link", absolute_url(context, "/verify-email?token=" + token)}});
      });
      if (context.wake_mail) context.wake_mail();
      form.error("", "email_not_verified");
      return views.page(request, "form", t.text("accounts.login.heading"), form.view(), 403);
    }
    // Administrators and officials (of the platform or of an organisation:
    // they publish and act for the government) must use a second factor
    // (ASVS 4.3.1): without one they set it up first.
    const bool administers = user->admin || db.read([&](storage::Connection& c) {
      const auto grants = organisations::load_grants(c, user->id);
      return std::any_of(grants.memberships.begin(), grants.memberships.end(),
                         [](const organisations::Membership& m) {
                           return m.role == organisations::Role::admin ||
                                  m.role == organisations::Role::official;
                         });
    });
    const std::string second_factor = user->totp ? "pending" : (administers ? "enrol" : "done");
    const auto cookies = sessions.start(request, user->id, second_factor);
    db.write([&](storage::Connection& c) {
      audit::record(c, request,
                    {"account.signed_in", "user", std::to_string(user->id), std::nullopt,
                     boost::json::serialize(boost::json::object{{"second_factor", second_factor}})},
                    user->id);
    });
    if (second_factor == "pending") return web::redirect("/login/two-factor", cookies);
    if (second_factor == "enrol") return web::redirect("/account/two-factor", cookies);
    return web::redirect(back, cookies);
  });

  context.router.get("/login/two-factor", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    if (request.visitor.second_factor != "pending") return web::redirect("/login");
    web::Form form = second_factor_form(t);
    return views.page(request, "form", t.text("accounts.two_factor.login_heading"), form.view());
  });

  context.router.post("/login/two-factor", [&, passwords, context](http::Request& request) {
    const auto& t = views.messages(request);
    if (request.visitor.second_factor != "pending") return web::redirect("/login");
    const auto user_id = request.visitor.partial_user_id;
    const auto code = web::form_value(request, "code");
    std::string email;
    db.read([&](storage::Connection& c) {
      auto rows = c.query("SELECT email FROM users WHERE id = ?", user_id);
      if (rows.next()) email = rows.text(0);
    });
    web::Form form = second_factor_form(t);
    // Second-factor codes are throttled like passwords (a code is a guess too).
    const auto gate = db.write([&](storage::Connection& c) {
      return open_gate(c, {user_id, email, request.remote_address, kLogIn}, passwords.limits);
    });
    if (!gate.allowed) {
      form.error("", "too_many_attempts");
      return too_many(views, request, form, gate.retry_after_seconds);
    }
    const bool ok = db.write([&](storage::Connection& c) {
      auto rows = c.query("SELECT totp_secret, totp_last_step FROM users WHERE id = ?", user_id);
      if (!rows.next() || rows.is_null(0)) return false;
      const auto secret = rows.text(0);
      const auto last_step = rows.integer(1);
      const auto now =
          std::chrono::duration_cast<std::chrono::seconds>(core::Clock::now().time_since_epoch())
              .count();
      if (const auto step = core::verify_totp(secret, code, now, last_step)) {
        // Conditional update: the same code cannot be used twice, even by parallel requests.
        return c.execute("UPDATE users SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?",
                         *step, user_id, *step) == 1;
      }
      const auto normalized = core::normalize_recovery_code(code);
      if (normalized.empty()) return false;
      return c.execute(
                 "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND digest = ? AND "
                 "used_at IS NULL",
                 core::iso_timestamp(core::Clock::now()), user_id,
                 core::hash_recovery_code(normalized)) == 1;
    });
    if (ok) db.write([&](storage::Connection& c) { mark_success(c, gate.attempt_id); });
    if (!ok) {
      form.error("code", "code_invalid");
      return views.page(request, "form", t.text("accounts.two_factor.login_heading"), form.view(),
                        401);
    }
    // A new session id once fully authenticated (ASVS 3.2.1).
    const auto cookies = sessions.start(request, user_id, "done");
    return web::redirect("/account", cookies);
  });

  context.router.post("/logout", [&sessions](http::Request& request) {
    return web::redirect("/", sessions.end(request));
  });
}

}  // namespace ruamkit::features::accounts
