// What the account pages share: single-use links, mail from catalogue
// messages, limits on mail per address.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "features/context.h"
#include "http/message.h"
#include "storage/database.h"
#include "web/i18n.h"

namespace ruamkit::features::accounts {

// Creates a single-use link token for `purpose`. Returns the raw token (only
// its digest is stored).
std::string issue_token(storage::Connection& c, std::optional<std::int64_t> user_id,
                        const std::string& purpose, const std::string& payload,
                        std::chrono::seconds lifetime);

struct TokenUse {
  std::optional<std::int64_t> user_id;
  std::string payload;
};

// Marks the token used and returns what it was for; nullopt when it is
// unknown, for another purpose, expired or already used. Atomic: two
// requests with the same token cannot both succeed.
std::optional<TokenUse> consume_token(storage::Connection& c, const std::string& token,
                                      const std::string& purpose);

// Returns what the token is for without using it (to show a form first).
std::optional<TokenUse> peek_token(storage::Connection& c, const std::string& token,
                                   const std::string& purpose);

// Queues a mail whose subject and body are catalogue messages
// "mail.<kind>.subject" and "mail.<kind>.body", formatted with `args`.
void queue_mail(storage::Connection& c, const web::Catalogue& t, const std::string& to,
                const std::string& kind,
                std::initializer_list<std::pair<std::string_view, web::MessageArg>> args);

// Records a request to mail `address` for `kind` and returns true while the
// address has had at most `per_hour` such requests in the last hour. Writes
// in every case, so the time taken tells nothing about the address. (Also
// used with a client address, to limit registrations from one network.)
bool mail_allowed(storage::Connection& c, const std::string& address, const std::string& kind,
                  int per_hour = 5);

// Ends the single-use links of `user_id` for `purposes` (e.g. after a reset).
void revoke_tokens(storage::Connection& c, std::int64_t user_id,
                   std::initializer_list<const char*> purposes);

// The absolute URL of `path_and_query` on this site (for links in mail).
std::string absolute_url(const Context& context, const std::string& path_and_query);

inline constexpr const char* kPrivacyNoticeVersion = "2026-12-01";

}  // namespace ruamkit::features::accounts
