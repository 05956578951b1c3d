#include "features/accounts/sessions.h"

#include "core/security.h"
#include "core/utf8.h"
#include "http/cookies.h"
#include "http/error.h"

namespace ruamkit::features::accounts {
namespace {

std::optional<std::string> cookie_of(const http::Request& request, std::string_view name) {
  const auto header = request.header("Cookie");
  if (!header) return std::nullopt;
  const auto value = http::cookie_value(*header, name);
  // Our tokens are base64url; anything else is noise.
  if (!value || value->empty() || value->size() > 128) return std::nullopt;
  for (char c : *value) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return std::nullopt;
  }
  return std::string(*value);
}

bool is_state_changing(std::string_view method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

}  // namespace

std::string site_secret(storage::Database& database, const std::string& name) {
  return database.write([&](storage::Connection& c) {
    auto rows = c.query("SELECT value FROM site_secrets WHERE name = ?", name);
    if (rows.next()) return rows.text(0);
    const auto value = core::new_token();
    c.execute("INSERT INTO site_secrets (name, value) VALUES (?, ?)", name, value);
    return value;
  });
}

Sessions::Sessions(storage::Database& database, std::string csrf_key, SessionPolicy policy)
    : database_(database),
      csrf_key_(std::move(csrf_key)),
      policy_(policy),
      session_cookie_(std::string(policy.secure_cookies ? "__Host-" : "") +
                      std::string(kSessionCookie)),
      csrf_cookie_(std::string(policy.secure_cookies ? "__Host-" : "") + std::string(kCsrfCookie)) {
}

std::string Sessions::cookie(std::string_view name, std::string_view value, int max_age) const {
  http::CookieOptions options;
  options.max_age_seconds = max_age;
  options.secure = policy_.secure_cookies;
  return http::set_cookie(name, value, options);
}

std::string Sessions::csrf_token_for(const std::string& seed,
                                     const std::string& session_digest) const {
  return core::hmac_hex(csrf_key_, seed + "|" + session_digest);
}

void Sessions::attach(http::Request& request, std::vector<std::string>& set_cookies) const {
  auto& visitor = request.visitor;
  if (const auto token = cookie_of(request, session_cookie_)) {
    const auto digest = core::token_digest(*token);
    const auto now = core::Clock::now();
    const auto now_text = core::iso_timestamp(now);
    const auto idle_limit = core::iso_timestamp(now - policy_.idle);
    bool valid = false;
    std::string last_seen;
    database_.read([&](storage::Connection& c) {
      auto rows = c.query(
          "SELECT s.user_id, s.second_factor, s.last_seen_at, u.display_name, u.is_platform_admin, "
          "EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = u.id "
          "AND m.role IN ('official', 'admin')), "
          "(SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL) "
          "FROM sessions s JOIN users u ON u.id = s.user_id "
          "WHERE s.id_digest = ? AND s.expires_at > ? AND s.last_seen_at > ? "
          "AND u.deleted_at IS NULL",
          digest, now_text, idle_limit);
      if (!rows.next()) return;
      valid = true;
      const auto user_id = rows.integer(0);
      visitor.second_factor = rows.text(1);
      last_seen = rows.text(2);
      if (visitor.second_factor == "done") {
        visitor.user_id = user_id;
        visitor.display_name = rows.text(3);
        visitor.platform_admin = rows.integer(4) != 0;
        visitor.publishes = visitor.platform_admin || rows.integer(5) != 0;
        visitor.unread_notifications = rows.integer(6);
      } else {
        visitor.partial_user_id = user_id;
      }
    });
    if (valid) {
      visitor.session_digest = digest;
      // Refresh the idle clock at most once a minute: one write, not one per request.
      if (last_seen < core::iso_timestamp(now - std::chrono::minutes(1))) {
        database_.write([&](storage::Connection& c) {
          c.execute("UPDATE sessions SET last_seen_at = ? WHERE id_digest = ?", now_text, digest);
        });
      }
    } else {
      database_.write([&](storage::Connection& c) {
        c.execute("DELETE FROM sessions WHERE id_digest = ?", digest);
      });
      set_cookies.push_back(cookie(session_cookie_, "", 0));
    }
  }
  auto seed = cookie_of(request, csrf_cookie_);
  if (!seed) {
    seed = core::new_token();
    set_cookies.push_back(cookie(csrf_cookie_, *seed, -1));
    // This request's own forms (if it posts) cannot be valid: no seed came with it.
    visitor.csrf_token = csrf_token_for(*seed, visitor.session_digest);
    return;
  }
  visitor.csrf_token = csrf_token_for(*seed, visitor.session_digest);
}

void Sessions::check_csrf(const http::Request& request) const {
  if (!is_state_changing(request.method)) return;
  // Components whose clients authenticate otherwise (an API key in the
  // body, never the session): a forged cross-site request carries no
  // authority there.
  for (const auto& prefix : policy_.csrf_exempt_paths) {
    if (request.path.starts_with(prefix)) return;
  }
  const auto seed = cookie_of(request, csrf_cookie_);
  if (!seed) throw http::HttpError(403, "csrf_missing_cookie");
  std::string_view sent;
  if (const auto header = request.header("X-CSRF-Token")) {
    sent = *header;
  } else {
    const auto type = request.header("Content-Type").value_or("");
    // Forms send the token as a field, urlencoded or (with files) multipart.
    if (!type.starts_with("application/x-www-form-urlencoded") &&
        !type.starts_with("multipart/form-data")) {
      throw http::HttpError(403, "csrf_missing_token");
    }
    sent = http::find_param(request.form(), kCsrfField).value_or("");
  }
  if (!core::constant_time_equals(sent, csrf_token_for(*seed, request.visitor.session_digest))) {
    throw http::HttpError(403, "csrf_mismatch");
  }
}

std::vector<std::string> Sessions::start(http::Request& request, std::int64_t user_id,
                                         const std::string& second_factor) const {
  const auto token = core::new_token();
  const auto digest = core::token_digest(token);
  const auto now = core::Clock::now();
  std::string display_name;
  bool admin = false;
  database_.write([&](storage::Connection& c) {
    if (!request.visitor.session_digest.empty()) {
      c.execute("DELETE FROM sessions WHERE id_digest = ?", request.visitor.session_digest);
    }
    // Shown on the account page: only clean UTF-8, cut at a character.
    const auto agent = request.header("User-Agent").value_or("");
    const std::string user_agent =
        core::is_clean_text(agent) ? std::string(core::first_characters(agent, 300)) : "";
    c.execute(
        "INSERT INTO sessions (id_digest, user_id, created_at, last_seen_at, expires_at, "
        "second_factor, ip, user_agent) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        digest, user_id, core::iso_timestamp(now), core::iso_timestamp(now),
        core::iso_timestamp(now + policy_.absolute), second_factor, request.remote_address,
        user_agent);
    auto rows = c.query("SELECT display_name, is_platform_admin FROM users WHERE id = ?", user_id);
    if (rows.next()) {
      display_name = rows.text(0);
      admin = rows.integer(1) != 0;
    }
  });
  auto& visitor = request.visitor;
  visitor = http::Visitor{};
  visitor.session_digest = digest;
  visitor.second_factor = second_factor;
  if (second_factor == "done") {
    visitor.user_id = user_id;
    visitor.display_name = display_name;
    visitor.platform_admin = admin;
  } else {
    visitor.partial_user_id = user_id;
  }
  const auto seed = core::new_token();
  visitor.csrf_token = csrf_token_for(seed, digest);
  const int max_age = static_cast<int>(std::chrono::seconds(policy_.absolute).count());
  return {cookie(session_cookie_, token, max_age), cookie(csrf_cookie_, seed, -1)};
}

std::vector<std::string> Sessions::end(http::Request& request) const {
  if (!request.visitor.session_digest.empty()) {
    database_.write([&](storage::Connection& c) {
      c.execute("DELETE FROM sessions WHERE id_digest = ?", request.visitor.session_digest);
    });
  }
  request.visitor = http::Visitor{};
  return {cookie(session_cookie_, "", 0), cookie(csrf_cookie_, "", 0)};
}

void Sessions::end_all(storage::Connection& c, std::int64_t user_id,
                       const std::string& keep_digest) {
  c.execute("DELETE FROM sessions WHERE user_id = ? AND id_digest <> ?", user_id, keep_digest);
}

}  // namespace ruamkit::features::accounts

namespace ruamkit::features::accounts {

int purge_expired(storage::Connection& c, const SessionPolicy& policy) {
  using namespace std::chrono;
  const auto now = core::Clock::now();
  const auto text = [](core::Clock::time_point t) { return core::iso_timestamp(t); };
  int deleted = 0;
  deleted += c.execute("DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?", text(now),
                       text(now - policy.idle));
  deleted += c.execute("DELETE FROM account_tokens WHERE expires_at < ? OR used_at < ?",
                       text(now - hours(24)), text(now - hours(24)));
  deleted += c.execute("DELETE FROM login_attempts WHERE attempted_at < ?", text(now - days(90)));
  deleted += c.execute("DELETE FROM mail_requests WHERE requested_at < ?", text(now - hours(24)));
  deleted += c.execute(
      "DELETE FROM mail_outbox WHERE (sent_at IS NOT NULL AND sent_at < ?) OR "
      "(failed_at IS NOT NULL AND failed_at < ?)",
      text(now - days(30)), text(now - days(30)));
  return deleted;
}

}  // namespace ruamkit::features::accounts
