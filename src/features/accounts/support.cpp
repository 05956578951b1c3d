#include "features/accounts/support.h"

#include "core/clock.h"
#include "core/security.h"
#include "http/error.h"
#include "http/url.h"
#include "mail/outbox.h"

namespace ruamkit::features::accounts {

std::string issue_token(storage::Connection& c, std::optional<std::int64_t> user_id,
                        const std::string& purpose, const std::string& payload,
                        std::chrono::seconds lifetime) {
  const auto token = core::new_token();
  const auto now = core::Clock::now();
  c.execute(
      "INSERT INTO account_tokens (digest, user_id, purpose, payload, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?, ?)",
      core::token_digest(token), user_id, purpose, payload, core::iso_timestamp(now),
      core::iso_timestamp(now + lifetime));
  return token;
}

std::optional<TokenUse> peek_token(storage::Connection& c, const std::string& token,
                                   const std::string& purpose) {
  if (token.empty() || token.size() > 128) return std::nullopt;
  auto rows = c.query(
      "SELECT user_id, COALESCE(payload, '') FROM account_tokens "
      "WHERE digest = ? AND purpose = ? AND used_at IS NULL AND expires_at > ?",
      core::token_digest(token), purpose, core::iso_timestamp(core::Clock::now()));
  if (!rows.next()) return std::nullopt;
  TokenUse use;
  if (!rows.is_null(0)) use.user_id = rows.integer(0);
  use.payload = rows.text(1);
  return use;
}

std::optional<TokenUse> consume_token(storage::Connection& c, const std::string& token,
                                      const std::string& purpose) {
  auto use = peek_token(c, token, purpose);
  if (!use) return std::nullopt;
  const int changed =
      c.execute("UPDATE account_tokens SET used_at = ? WHERE digest = ? AND used_at IS NULL",
                core::iso_timestamp(core::Clock::now()), core::token_digest(token));
  if (changed != 1) return std::nullopt;
  return use;
}

void queue_mail(storage::Connection& c, const web::Catalogue& t, const std::string& to,
                const std::string& kind,
                std::initializer_list<std::pair<std::string_view, web::MessageArg>> args) {
  mail::MailMessage message;
  message.to = to;
  message.subject = t.format("mail." + kind + ".subject", args);
  message.body_text = t.format("mail." + kind + ".body", args);
  mail::enqueue_mail(c, message);
}

bool mail_allowed(storage::Connection& c, const std::string& address, const std::string& kind,
                  int per_hour) {
  const auto now = core::Clock::now();
  const auto digest = core::token_digest(address);
  auto rows = c.query(
      "SELECT COUNT(*) FROM mail_requests WHERE address_digest = ? AND kind = ? AND requested_at > "
      "?",
      digest, kind, core::iso_timestamp(now - std::chrono::hours(1)));
  rows.next();
  const auto recent = rows.integer(0);
  c.execute("INSERT INTO mail_requests (address_digest, kind, requested_at) VALUES (?, ?, ?)",
            digest, kind, core::iso_timestamp(now));
  return recent < per_hour;
}

void revoke_tokens(storage::Connection& c, std::int64_t user_id,
                   std::initializer_list<const char*> purposes) {
  for (const char* purpose : purposes) {
    c.execute("DELETE FROM account_tokens WHERE user_id = ? AND purpose = ? AND used_at IS NULL",
              user_id, purpose);
  }
}

std::string absolute_url(const Context& context, const std::string& path_and_query) {
  std::string base = context.site.base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path_and_query;
}

}  // namespace ruamkit::features::accounts
