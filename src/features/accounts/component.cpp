// Accounts: registration, log-in with two-factor, sessions, password reset,
// the account page and the PDPA rights of every person.
#include "core/clock.h"
#include "core/security.h"
#include "features/accounts/accounts.h"
#include "features/personal_data.h"

namespace ruamkit::features::accounts {

Component component() {
  Component c;
  c.name = "accounts";
  c.install = install;
  c.settings = {
      {"login-backoff-ms", "Delay after 5 failed log-ins, doubling per failure (0: off)",
       Setting::Type::integer, "1000", 0, 60'000},
      {"max-login-failures-per-hour",
       "Failed password checks an account may have per hour from all addresses together",
       Setting::Type::integer, "100", 1, 100'000},
      {"password-threads",
       "Threads that hash and check passwords (Argon2id), apart from "
       "request handling",
       Setting::Type::integer, "1", 1, 64},
      // Each check waiting for a hashing thread holds a request worker, so
      // threads + queue stay well below --workers: the rest serve others.
      {"max-queued-password-checks",
       "Password checks that may wait for a hashing thread (each holds a request worker: keep "
       "threads + queue well below --workers); beyond, 503 with Retry-After",
       Setting::Type::integer, "4", 1, 10'000},
  };
  c.personal_data = {
      {"account",
       {"users.email", "users.phone"},
       [](storage::Connection& db, const Person& p) {
         return row_as_json(db.query("SELECT id, email, display_name, phone, email_verified_at, "
                                     "created_at, totp_enabled_at FROM users WHERE id = ?",
                                     p.user_id),
                            {"id", "email", "display_name", "phone", "email_verified_at",
                             "created_at", "two_factor_enabled_at"});
       },
       // The row stays so public contributions keep an author shown as
       // "deleted account"; everything that named or reached the person goes.
       [](storage::Connection& db, const Person& p) {
         db.execute(
             "UPDATE users SET email = NULL, display_name = '', phone = NULL, "
             "password_hash = NULL, email_verified_at = NULL, totp_secret = NULL, "
             "totp_enabled_at = NULL, is_platform_admin = 0, is_evaluator = 0, deleted_at = ? "
             "WHERE id = ?",
             core::iso_timestamp(core::Clock::now()), p.user_id);
       }},
      {"platform_roles",
       {"users.email"},
       [](storage::Connection& db, const Person& p) {
         return row_as_json(
             db.query("SELECT CASE is_platform_admin WHEN 1 THEN 'yes' ELSE 'no' END, "
                      "CASE is_evaluator WHEN 1 THEN 'yes' ELSE 'no' END FROM users WHERE id = ?",
                      p.user_id),
             {"platform_admin", "evaluator"});
       },
       nullptr,
       "part of the account row, cleared with it"},
      {"consents",
       {"consents.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT notice_version, given_at FROM consents WHERE user_id = ? ORDER BY id",
                      p.user_id),
             {"privacy_notice_version", "given_at"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM consents WHERE user_id = ?", p.user_id);
       }},
      {"sessions",
       {"sessions.user_id", "sessions.ip", "sessions.user_agent"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT created_at, last_seen_at, ip, user_agent FROM sessions "
                      "WHERE user_id = ?",
                      p.user_id),
             {"created_at", "last_seen_at", "ip", "user_agent"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM sessions WHERE user_id = ?", p.user_id);
       }},
      {"log_in_attempts",
       {"login_attempts.user_id", "login_attempts.email", "login_attempts.address"},
       [](storage::Connection& db, const Person& p) {
         // Attempts are recorded under the address typed: the current one.
         const std::string email = p.emails.empty() ? "" : p.emails.front();
         return rows_as_json(
             db.query("SELECT attempted_at, address, "
                      "CASE succeeded WHEN 1 THEN 'yes' ELSE 'no' END FROM login_attempts "
                      "WHERE user_id = ? OR email = ? ORDER BY id",
                      p.user_id, email),
             {"at", "address", "succeeded"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM login_attempts WHERE user_id = ?", p.user_id);
         for (const auto& email : p.emails) {
           db.execute("DELETE FROM login_attempts WHERE email = ?", email);
         }
       }},
      {"pending_email_change",
       {"account_tokens.user_id"},
       [](storage::Connection& db, const Person& p) {
         return rows_as_json(
             db.query("SELECT payload, expires_at FROM account_tokens WHERE user_id = ? AND "
                      "purpose = 'change_email' AND used_at IS NULL",
                      p.user_id),
             {"new_email", "expires_at"});
       },
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM account_tokens WHERE user_id = ?", p.user_id);
       }},
      {"recovery_codes",
       {"recovery_codes.user_id"},
       nullptr,
       [](storage::Connection& db, const Person& p) {
         db.execute("DELETE FROM recovery_codes WHERE user_id = ?", p.user_id);
       },
       "not in the download: only digests of secrets are stored"},
      {"mail_sent_to_me",
       {"mail_outbox.to_address"},
       [](storage::Connection& db, const Person& p) {
         boost::json::array out;
         for (const auto& email : p.emails) {
           for (auto& item :
                rows_as_json(db.query("SELECT created_at, subject, sent_at FROM mail_outbox "
                                      "WHERE to_address = ? ORDER BY id",
                                      email),
                             {"queued_at", "subject", "sent_at"})) {
             out.push_back(std::move(item));
           }
         }
         return out;
       },
       [](storage::Connection& db, const Person& p) {
         for (const auto& email : p.emails) {
           db.execute("DELETE FROM mail_outbox WHERE to_address = ?", email);
         }
       }},
      {"mail_requests",
       {"mail_requests.address_digest"},
       nullptr,
       [](storage::Connection& db, const Person& p) {
         for (const auto& email : p.emails) {
           db.execute("DELETE FROM mail_requests WHERE address_digest = ?",
                      core::token_digest(email));
         }
       },
       "not in the download: a keyed digest of the address, kept an hour to limit mail"},
  };
  return c;
}

}  // namespace ruamkit::features::accounts
