// Registration and e-mail verification.
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/clock.h"
#include "core/security.h"
#include "core/utf8.h"
#include "features/accounts/accounts.h"
#include "features/accounts/rules.h"
#include "features/accounts/support.h"
#include "features/audit/audit.h"
#include "http/url.h"
#include "web/form.h"
#include "web/request.h"

namespace ruamkit::features::accounts {
namespace {

constexpr std::size_t kMaxNameCharacters = 100;

web::Form registration_form(const web::Catalogue& t, const std::string& email,
                            const std::string& name, const std::string& phone, bool consent) {
  web::Form form(t, "/register", "accounts.register.heading", "accounts.register.submit");
  form.intro("accounts.register.intro")
      .field("email", "accounts.fields.email", "email", email, "email")
      .field("display_name", "accounts.fields.display_name", "text", name, "name", true,
             "accounts.fields.display_name_hint")
      .field("phone", "accounts.fields.phone", "tel", phone, "tel", false,
             "accounts.fields.phone_hint")
      .field("password", "accounts.fields.password", "password", "", "new-password", true,
             "accounts.fields.password_hint")
      .checkbox("consent", "accounts.register.consent", consent, "/privacy",
                "accounts.register.privacy_link")
      .link("/login", "accounts.register.have_account");
  return form;
}

http::Response verify_result(const web::Views& views, http::Request& request, bool verified) {
  const std::string key = verified ? "accounts.verify.done" : "accounts.verify.failed";
  return views.message(request, key + "_heading", key + "_text", "/login", "accounts.login.heading",
                       verified ? 200 : 400);
}

}  // namespace

void install_registration(Context& context, const Passwords& passwords) {
  auto& db = context.database;
  const auto& views = context.views;

  context.router.get("/register", [&views](http::Request& request) {
    const auto& t = views.messages(request);
    return views.page(request, "form", t.text("accounts.register.heading"),
                      registration_form(t, "", "", "", false).view());
  });

  context.router.post("/register", [&db, &views, context,
                                    hasher = passwords.hasher](http::Request& request) {
    const auto& t = views.messages(request);
    const auto raw_email = web::form_value(request, "email");
    const auto name = web::form_value(request, "display_name");
    const auto phone = web::form_value(request, "phone");
    const auto password = std::string(http::find_param(request.form(), "password").value_or(""));
    const bool consent = web::form_value(request, "consent") == "yes";

    web::Form form = registration_form(t, raw_email, name, phone, consent);
    const auto email = normalize_email(raw_email);
    if (!email) form.error("email", "email_invalid");
    if (name.empty()) form.error("display_name", "name_required");
    if (core::character_count(name) > kMaxNameCharacters || name.find('\n') != std::string::npos) {
      form.error("display_name", "name_too_long");
    }
    if (phone.size() > 30) form.error("phone", "phone_invalid");
    if (auto problem = password_problem(password, raw_email, name, context.common_passwords)) {
      form.error("password", *problem);
    }
    if (!consent) form.error("consent", "consent_required");
    // Each registration costs a password hash (19 MiB, tens of milliseconds):
    // one address may register only so many accounts an hour.
    if (!form.has_errors() && !db.write([&](storage::Connection& c) {
          return mail_allowed(c, "address:" + request.remote_address, "register_from", 20);
        })) {
      form.error("", "too_many_registrations");
    }
    if (form.has_errors()) {
      return views.page(request, "form", t.text("accounts.register.heading"), form.view(), 422);
    }

    // Whether or not the address is already registered, the answer is the
    // same, so the form cannot be used to find out who has an account.
    const auto hash = hasher->hash(password);
    db.write([&](storage::Connection& c) {
      if (!mail_allowed(c, *email, "register")) return;
      auto existing = c.query("SELECT id, display_name FROM users WHERE email = ?", *email);
      if (existing.next()) {
        queue_mail(
            c, t, *email, "already_registered",
            {{"name", existing.text(1)}, {"link", absolute_url(context, "/password/forgot")}});
        return;
      }
      const auto now = core::iso_timestamp(core::Clock::now());
      std::optional<std::string> phone_value;
      if (!phone.empty()) phone_value = phone;
      c.execute(
          "INSERT INTO users (email, display_name, phone, password_hash, created_at, locale) "
          "VALUES (?, ?, ?, ?, ?, ?)",
          *email, name, phone_value, hash, now, request.locale);
      const auto user_id = c.last_insert_id();
      c.execute("INSERT INTO consents (user_id, notice_version, given_at) VALUES (?, ?, ?)",
                user_id, kPrivacyNoticeVersion, now);
      const auto token = issue_token(c, user_id, "verify_email", "", std::chrono::hours(48));
      queue_mail(c, t, *email, "verify",
                 {{"name", name}, {"link", absolute_url(context, "/verify-email?token=" + token)}});
      audit::record(
          c, request,
          {"account.registered", "user", std::to_string(user_id), std::nullopt,
           boost::json::serialize(boost::json::object{{"privacy_notice", kPrivacyNoticeVersion}})},
          user_id);
    });
    if (context.wake_mail) context.wake_mail();
    web::ViewData data;
    data.set("heading", t.text("accounts.register.sent_heading"));
    data.set("text", t.format("accounts.register.sent_text", {{"email", *email}}));
    data.set("link_href", false);
    return views.page(request, "message", t.text("accounts.register.sent_heading"), data);
  });

  // The link in the mail only shows a button: mail scanners that open links
  // must not verify an address on their own.
  context.router.get("/verify-email", [&db, &views](http::Request& request) {
    const auto& t = views.messages(request);
    const std::string token(request.query_param("token").value_or(""));
    const bool valid = db.read(
        [&](storage::Connection& c) { return peek_token(c, token, "verify_email").has_value(); });
    if (!valid) return verify_result(views, request, false);
    web::Form form(t, "/verify-email", "accounts.verify.confirm_heading",
                   "accounts.verify.confirm_submit");
    form.intro("accounts.verify.confirm_intro").hidden("token", token);
    return views.page(request, "form", t.text("accounts.verify.confirm_heading"), form.view());
  });

  context.router.post("/verify-email", [&db, &views](http::Request& request) {
    const auto token = web::form_value(request, "token");
    const bool verified = db.write([&](storage::Connection& c) {
      const auto use = consume_token(c, token, "verify_email");
      if (!use || !use->user_id) return false;
      c.execute("UPDATE users SET email_verified_at = ? WHERE id = ? AND email_verified_at IS NULL",
                core::iso_timestamp(core::Clock::now()), *use->user_id);
      audit::record(c, request, {"account.email_verified", "user", std::to_string(*use->user_id)},
                    *use->user_id);
      return true;
    });
    return verify_result(views, request, verified);
  });
}

}  // namespace ruamkit::features::accounts
