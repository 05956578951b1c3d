#include "features/accounts/password_checks.h"

#include <future>
#include <memory>

#include "core/clock.h"
#include "core/security.h"
#include "features/accounts/rules.h"
#include "features/accounts/support.h"
#include "http/error.h"

namespace ruamkit::features::accounts {
namespace {

constexpr int kStrictAfterFailures = 5;  // per account and address, then back-off
constexpr int kMaxFailuresPerAddressPerHour = 1000;

template <typename T, typename Work>
T on_pool(core::WorkQueue& queue, Work work) {
  auto promise = std::make_shared<std::promise<T>>();
  auto result = promise->get_future();
  const bool queued = queue.try_post([promise, work = std::move(work)] {
    try {
      if constexpr (std::is_void_v<T>) {
        work();
        promise->set_value();
      } else {
        promise->set_value(work());
      }
    } catch (...) {
      promise->set_exception(std::current_exception());
    }
  });
  if (!queued) {
    http::HttpError busy(503, "password_checks_busy");
    busy.headers().set("Retry-After", "2");
    throw busy;
  }
  return result.get();
}

std::int64_t count(storage::Rows rows) {
  rows.next();
  return rows.integer(0);
}

// The last time the account's owner used a password-reset link: failures
// before it no longer count against the account.
std::optional<std::string> last_reset(storage::Connection& c, std::optional<std::int64_t> user) {
  if (!user) return std::nullopt;
  auto rows = c.query(
      "SELECT MAX(used_at) FROM account_tokens WHERE user_id = ? AND purpose = 'reset_password' "
      "AND used_at IS NOT NULL",
      *user);
  if (!rows.next() || rows.is_null(0)) return std::nullopt;
  return rows.text(0);
}

}  // namespace

PasswordHasher::PasswordHasher(int threads, std::size_t max_queued)
    : queue_("password hashing", threads, max_queued) {}

std::string PasswordHasher::hash(std::string_view password) const {
  return on_pool<std::string>(queue_,
                              [p = std::string(password)] { return core::hash_password(p); });
}

bool PasswordHasher::verify(std::string_view encoded, std::string_view password) const {
  return on_pool<bool>(queue_, [e = std::string(encoded), p = std::string(password)] {
    return core::verify_password(e, p);
  });
}

void PasswordHasher::burn(std::string_view password) const {
  on_pool<void>(queue_, [p = std::string(password)] { core::burn_password_verification(p); });
}

Gate open_gate(storage::Connection& c, const Attempt& a, const ThrottleLimits& limits) {
  using namespace std::chrono;
  const auto now = core::Clock::now();
  const auto hour_ago = core::iso_timestamp(now - hours(1));
  // Failures before the owner's last use of a reset link do not count.
  auto since = hour_ago;
  if (const auto reset = last_reset(c, a.user_id); reset && *reset > since) since = *reset;
  Gate gate;

  // Strict: this account from this client.
  auto pair = c.query(
      "SELECT COUNT(*), MAX(attempted_at) FROM login_attempts "
      "WHERE email = ? AND address = ? AND succeeded = 0 AND attempted_at > ?",
      a.email, a.address, since);
  pair.next();
  const int pair_failures = static_cast<int>(pair.integer(0));
  if (pair_failures >= kStrictAfterFailures) {
    const auto wait = login_backoff(pair_failures, limits.backoff);
    const auto last = core::parse_iso_timestamp(pair.text(1));
    if (last && *last + wait > now) {
      return {false, static_cast<int>(ceil<seconds>(*last + wait - now).count()), 0, false};
    }
  }
  // Looser: the account from anywhere (a distributed guess).
  const auto account_failures = count(c.query(
      "SELECT COUNT(*) FROM login_attempts WHERE email = ? AND succeeded = 0 AND attempted_at > ?",
      a.email, since));
  if (account_failures >= limits.max_failures_per_account_per_hour) {
    gate.allowed = false;
    gate.retry_after_seconds = 3600;
    gate.tell_owner = a.user_id.has_value();
    return gate;
  }
  // One client trying many accounts.
  if (count(c.query("SELECT COUNT(*) FROM login_attempts WHERE address = ? AND succeeded = 0 AND "
                    "attempted_at > ?",
                    a.address, hour_ago)) >= kMaxFailuresPerAddressPerHour) {
    return {false, 3600, 0, false};
  }
  c.execute(
      "INSERT INTO login_attempts (user_id, email, address, attempted_at, succeeded, purpose) "
      "VALUES (?, ?, ?, ?, 0, ?)",
      a.user_id, a.email, a.address, core::iso_timestamp(now), a.purpose);
  gate.attempt_id = c.last_insert_id();
  // The ceiling is reached with this attempt: the owner should know.
  gate.tell_owner = a.user_id && account_failures + 1 >= limits.max_failures_per_account_per_hour;
  return gate;
}

void mark_success(storage::Connection& c, std::int64_t attempt_id) {
  c.execute("UPDATE login_attempts SET succeeded = 1 WHERE id = ?", attempt_id);
}

void warn_owner(storage::Connection& c, const web::Catalogue& t, const std::string& email,
                const std::string& reset_link) {
  if (!mail_allowed(c, email, "account_attacked", 1)) return;
  queue_mail(c, t, email, "account_attacked", {{"link", reset_link}});
}

Checked check_current_password(storage::Database& db, const PasswordHasher& hasher,
                               const ThrottleLimits& limits, std::int64_t user_id,
                               const std::string& email, const std::string& password_hash,
                               std::string_view password, const std::string& address,
                               const char* purpose) {
  const auto gate = db.write([&](storage::Connection& c) {
    return open_gate(c, {user_id, email, address, purpose}, limits);
  });
  if (!gate.allowed) return {CurrentPassword::throttled, gate.retry_after_seconds};
  if (password_hash.empty() || !hasher.verify(password_hash, password)) {
    return {CurrentPassword::wrong, 0};
  }
  db.write([&](storage::Connection& c) { mark_success(c, gate.attempt_id); });
  return {CurrentPassword::right, 0};
}

http::Response throttled_page(const web::Views& views, const http::Request& request,
                              const std::string& heading_key, web::Form form,
                              const std::string& field, int retry_after_seconds) {
  form.error(field, "too_many_attempts");
  auto response =
      views.page(request, "form", views.messages(request).text(heading_key), form.view(), 429);
  response.headers.set("Retry-After", std::to_string(retry_after_seconds));
  return response;
}

}  // namespace ruamkit::features::accounts
