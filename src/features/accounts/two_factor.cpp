// Two-factor log-in with an authenticator app (TOTP, RFC 6238): enrolment by
// QR code, single-use recovery codes, and turning it off. Platform admins
// must have it (ASVS 4.3.1): their log-in leads here until they enrol.
#include "core/clock.h"
#include "core/recovery_codes.h"
#include "core/security.h"
#include "core/totp.h"
#include "features/accounts/accounts.h"
#include "features/accounts/support.h"
#include "features/audit/audit.h"
#include "features/organisations/permissions.h"
#include "http/error.h"
#include "web/form.h"
#include "web/qr_svg.h"
#include "web/request.h"

namespace ruamkit::features::accounts {
namespace {

// The person setting up two-factor: signed in, or half-way through an admin's
// first log-in.
std::int64_t enrolling_user(const http::Request& request) {
  if (request.visitor.signed_in()) return request.visitor.user_id;
  if (request.visitor.second_factor == "enrol") return request.visitor.partial_user_id;
  return web::require_signed_in(request);
}

struct State {
  std::string email, secret, password_hash;
  bool enabled = false, admin = false;
};

State load(storage::Connection& c, std::int64_t user_id) {
  auto rows = c.query(
      "SELECT email, COALESCE(totp_secret, ''), totp_enabled_at IS NOT NULL, is_platform_admin, "
      "password_hash FROM users WHERE id = ? AND deleted_at IS NULL",
      user_id);
  if (!rows.next()) throw http::HttpError(404, "no_user");
  State s{rows.text(0), rows.text(1), rows.text(4), rows.integer(2) != 0, rows.integer(3) != 0};
  // Organisation admins, like platform admins, must keep two-factor on.
  s.admin =
      s.admin || organisations::allowed(organisations::load_grants(c, user_id),
                                        organisations::Action::enter_admin_area, std::nullopt);
  return s;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(core::Clock::now().time_since_epoch())
      .count();
}

}  // namespace

void install_two_factor(Context& context, const Passwords& passwords) {
  auto& db = context.database;
  const auto& views = context.views;
  const auto& sessions = context.sessions;

  auto page = [&db, &views](http::Request& request, std::int64_t user_id,
                            const std::string& error_key, int status) {
    const auto& t = views.messages(request);
    State state = db.write([&](storage::Connection& c) {
      State s = load(c, user_id);
      if (!s.enabled && s.secret.empty()) {
        s.secret = core::new_totp_secret();
        c.execute("UPDATE users SET totp_secret = ? WHERE id = ?", s.secret, user_id);
      }
      return s;
    });
    web::ViewData data;
    data.set("enabled", state.enabled);
    data.set("required", state.admin);
    data.set("can_disable", state.enabled && !state.admin);
    data.set("error", web::text_or_false(error_key.empty() ? std::string()
                                                           : t.text("errors.form." + error_key)));
    if (!state.enabled) {
      const auto uri = core::otpauth_uri(t.text("site.name"), state.email, state.secret);
      data.set("qr", web::qr_svg_data_uri(uri));
      // Grouped in fours for typing by hand.
      std::string grouped;
      for (std::size_t i = 0; i < state.secret.size(); ++i) {
        if (i > 0 && i % 4 == 0) grouped += ' ';
        grouped += state.secret[i];
      }
      data.set("secret", grouped);
    }
    return views.page(request, "accounts/two_factor", t.text("accounts.two_factor.heading"), data,
                      status);
  };

  context.router.get("/account/two-factor", [page](http::Request& request) {
    return page(request, enrolling_user(request), "", 200);
  });

  context.router.post(
      "/account/two-factor/enable", [&db, &views, &sessions, page](http::Request& request) {
        const auto user_id = enrolling_user(request);
        const auto& t = views.messages(request);
        const auto code = web::form_value(request, "code");
        std::vector<std::string> codes;
        const bool ok = db.write([&](storage::Connection& c) {
          State s = load(c, user_id);
          if (s.enabled || s.secret.empty()) return false;
          const auto step = core::verify_totp(s.secret, code, unix_now(), 0);
          if (!step) return false;
          c.execute("UPDATE users SET totp_enabled_at = ?, totp_last_step = ? WHERE id = ?",
                    core::iso_timestamp(core::Clock::now()), *step, user_id);
          c.execute("DELETE FROM recovery_codes WHERE user_id = ?", user_id);
          codes = core::new_recovery_codes(10);
          for (const auto& code_text : codes) {
            c.execute("INSERT INTO recovery_codes (user_id, digest) VALUES (?, ?)", user_id,
                      core::hash_recovery_code(core::normalize_recovery_code(code_text)));
          }
          audit::record(c, request, {"account.two_factor_enabled", "user", std::to_string(user_id)},
                        user_id);
          return true;
        });
        if (!ok) return page(request, user_id, "code_invalid", 422);
        std::vector<std::string> cookies;
        if (!request.visitor.signed_in()) cookies = sessions.start(request, user_id, "done");
        web::ViewData data;
        web::ViewList list;
        for (const auto& c : codes) list.push_back(web::ViewData(c));
        data.set("codes", list);
        auto response = views.page(request, "accounts/recovery_codes",
                                   t.text("accounts.two_factor.codes_heading"), data);
        for (const auto& cookie : cookies) response.headers.add("Set-Cookie", cookie);
        return response;
      });

  context.router.post("/account/two-factor/disable", [&db, page,
                                                      passwords](http::Request& request) {
    const auto user_id = web::require_signed_in(request);
    const auto password =
        std::string(http::find_param(request.form(), "current_password").value_or(""));
    const auto state = db.read([&](storage::Connection& c) { return load(c, user_id); });
    if (state.admin) throw http::HttpError(403, "two_factor_required_for_admins");
    const auto checked = check_current_password(db, *passwords.hasher, passwords.limits, user_id,
                                                state.email, state.password_hash, password,
                                                request.remote_address, kDisableTwoFactor);
    if (checked.result == CurrentPassword::throttled) {
      auto response = page(request, user_id, "too_many_attempts", 429);
      response.headers.set("Retry-After", std::to_string(checked.retry_after_seconds));
      return response;
    }
    if (checked.result == CurrentPassword::wrong) {
      return page(request, user_id, "current_password_wrong", 422);
    }
    db.write([&](storage::Connection& c) {
      c.execute("UPDATE users SET totp_secret = NULL, totp_enabled_at = NULL WHERE id = ?",
                user_id);
      c.execute("DELETE FROM recovery_codes WHERE user_id = ?", user_id);
      audit::record(c, request, {"account.two_factor_disabled", "user", std::to_string(user_id)});
    });
    return web::redirect("/account?notice=two_factor_disabled");
  });
}

}  // namespace ruamkit::features::accounts
