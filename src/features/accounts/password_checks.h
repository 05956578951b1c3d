// Every check of a password goes through here, for log-in and for the forms
// that ask for the current password (change of password or e-mail address,
// account deletion, turning two-factor off), and every new hash:
//  - Argon2id runs on a small bounded pool of its own: a flood of it takes
//    neither every core nor every request worker, and beyond the queue the
//    answer is 503 with Retry-After at once;
//  - each check is throttled and recorded before the password is looked at,
//    in one transaction, so parallel guesses cannot slip through one window.
// The throttle is keyed so nobody can lock a chosen person out: the strict
// limit is per account and client address (back-off after 5 failures,
// doubling); a looser per-account ceiling across all addresses stops a
// distributed attack, tells the owner by mail, and lets the owner through
// again once they have used a password-reset link; a per-address ceiling
// stops one client from trying many accounts.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/work_queue.h"
#include "storage/database.h"
#include "web/form.h"
#include "web/i18n.h"
#include "web/views.h"

namespace ruamkit::features::accounts {

// Argon2id on a bounded pool. The calling thread waits for its result.
class PasswordHasher {
 public:
  PasswordHasher(int threads, std::size_t max_queued);

  // Throw http::HttpError 503 (Retry-After) when the queue is full.
  std::string hash(std::string_view password) const;
  bool verify(std::string_view encoded, std::string_view password) const;
  // Spends the time of one verification (for an unknown account).
  void burn(std::string_view password) const;

 private:
  mutable core::WorkQueue queue_;
};

// --login-backoff-ms and --max-login-failures-per-hour.
struct ThrottleLimits {
  std::int64_t max_failures_per_account_per_hour = 100;
  std::chrono::milliseconds backoff{1000};
};

// Why a password is being checked (recorded with the attempt).
inline constexpr const char* kLogIn = "log_in";
inline constexpr const char* kChangePassword = "change_password";
inline constexpr const char* kChangeEmail = "change_email";
inline constexpr const char* kDeleteAccount = "delete_account";
inline constexpr const char* kDisableTwoFactor = "disable_two_factor";

struct Attempt {
  std::optional<std::int64_t> user_id;  // when the address is an account's
  std::string email;                    // the account's key, normalised
  std::string address;                  // the client
  std::string purpose;                  // kLogIn, kChangePassword, …
};

struct Gate {
  bool allowed = true;
  int retry_after_seconds = 0;
  std::int64_t attempt_id = 0;  // the recorded attempt (a failure until marked)
  // The account ceiling was just reached: the owner should hear of it.
  bool tell_owner = false;
};

// Decides whether `attempt` may be tried now and, when it may, records it as
// a failure (turned into a success by mark_success). Writes; call inside a
// write transaction.
Gate open_gate(storage::Connection& c, const Attempt& attempt, const ThrottleLimits& limits);

void mark_success(storage::Connection& c, std::int64_t attempt_id);

// Queues the mail telling the owner of `email` that someone is trying their
// password (at most one an hour). Call when Gate::tell_owner.
void warn_owner(storage::Connection& c, const web::Catalogue& t, const std::string& email,
                const std::string& reset_link);

enum class CurrentPassword { right, wrong, throttled };
struct Checked {
  CurrentPassword result = CurrentPassword::wrong;
  int retry_after_seconds = 0;
};

// Checks the current password of signed-in `user_id` for `purpose`, through
// the throttle: records the attempt, verifies on the hasher, marks success.
Checked check_current_password(storage::Database& db, const PasswordHasher& hasher,
                               const ThrottleLimits& limits, std::int64_t user_id,
                               const std::string& email, const std::string& password_hash,
                               std::string_view password, const std::string& address,
                               const char* purpose);

// The form page again with "too many attempts" on `field`, status 429 and
// Retry-After.
http::Response throttled_page(const web::Views& views, const http::Request& request,
                              const std::string& heading_key, web::Form form,
                              const std::string& field, int retry_after_seconds);

}  // namespace ruamkit::features::accounts
