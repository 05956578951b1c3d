// Server-side sessions and CSRF protection.
//
// A signed-in person's browser holds a random session token (cookie
// "ruamkit_session"); the database holds its SHA-256 digest, the user, and
// idle and absolute expiry. Every visitor also gets a random CSRF seed
// (cookie "ruamkit_csrf"); forms carry HMAC(site key, seed | session), which a
// cross-site page can neither read nor compute. Both change at log-in.
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "core/clock.h"
#include "http/message.h"
#include "storage/database.h"

namespace ruamkit::features::accounts {

inline constexpr std::string_view kSessionCookie = "ruamkit_session";
inline constexpr std::string_view kCsrfCookie = "ruamkit_csrf";
inline constexpr std::string_view kCsrfField = "csrf_token";

struct SessionPolicy {
  std::chrono::minutes idle{30};  // ASVS 3.3.2 (level 2)
  std::chrono::hours absolute{12};
  bool secure_cookies = false;
  // Path prefixes whose state-changing requests authenticate with something
  // other than the session (the components' csrf_exempt_paths).
  std::vector<std::string> csrf_exempt_paths;
};

// Returns the shared secret named `name` from site_secrets, creating a random
// one on first use. Safe when several instances start at once.
std::string site_secret(storage::Database& database, const std::string& name);

class Sessions {
 public:
  Sessions(storage::Database& database, std::string csrf_key, SessionPolicy policy);

  // Fills request.visitor from the request's cookies. Appends to
  // `set_cookies` what the response must set (a CSRF seed for a new visitor,
  // the removal of an expired session).
  void attach(http::Request& request, std::vector<std::string>& set_cookies) const;

  // Throws HttpError 403 unless a state-changing request (POST, PUT, PATCH,
  // DELETE) carries the visitor's CSRF token in the form field "csrf_token" or
  // the X-CSRF-Token header.
  void check_csrf(const http::Request& request) const;

  // Signs `user_id` in: ends the request's current session (so a session id
  // planted before log-in is worthless), creates a new one with
  // `second_factor` ("done", "pending" or "enrol"), updates request.visitor
  // and returns the Set-Cookie values for the response.
  std::vector<std::string> start(http::Request& request, std::int64_t user_id,
                                 const std::string& second_factor) const;

  // Ends the request's session. Returns the Set-Cookie values that clear it.
  std::vector<std::string> end(http::Request& request) const;

  // Ends every session of `user_id` except the one with `keep_digest`.
  static void end_all(storage::Connection& c, std::int64_t user_id, const std::string& keep_digest);

  const SessionPolicy& policy() const { return policy_; }
  // Cookie names: with secure cookies they carry the __Host- prefix, which
  // browsers only accept from this exact host over TLS (ASVS 3.4.4).
  const std::string& session_cookie() const { return session_cookie_; }
  const std::string& csrf_cookie() const { return csrf_cookie_; }

 private:
  std::string csrf_token_for(const std::string& seed, const std::string& session_digest) const;
  std::string cookie(std::string_view name, std::string_view value, int max_age) const;

  storage::Database& database_;
  std::string csrf_key_;
  SessionPolicy policy_;
  std::string session_cookie_;
  std::string csrf_cookie_;
};

// Deletes what has outlived its use: expired sessions and links, old log-in
// attempts and mail-request records, delivered mail after 30 days (PDPA:
// keep personal data no longer than needed). Returns the rows deleted.
int purge_expired(storage::Connection& c, const SessionPolicy& policy);

}  // namespace ruamkit::features::accounts
