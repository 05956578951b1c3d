// Security primitives: password hashing (Argon2id), random tokens, digests
// for storing tokens, HMAC, constant-time comparison.
#pragma once

#include <string>
#include <string_view>

namespace ruamkit::core {

// Argon2id with OWASP's parameters (m = 19 MiB, t = 2, p = 1), 16-byte salt.
// Returns the PHC-encoded hash ("$argon2id$v=19$m=19456,t=2,p=1$…").
// Throws std::runtime_error when hashing fails.
std::string hash_password(std::string_view password);

// Returns true when `password` matches `encoded` (from hash_password).
// False for a malformed `encoded`.
bool verify_password(std::string_view encoded, std::string_view password);

// Spends the time of one verification without a stored hash, so that a log-in
// for an unknown e-mail address takes as long as one for a known address.
void burn_password_verification(std::string_view password);

// Returns a new random token: 32 bytes (256 bits), base64url without padding.
std::string new_token();

// Returns the SHA-256 of `data`, hex (e.g. of an uploaded file).
std::string sha256_hex(std::string_view data);

// Returns the SHA-256 of `token`, hex. Tokens are stored by this digest only.
std::string token_digest(std::string_view token);

// Returns HMAC-SHA-256 of `message` under `key`, hex.
std::string hmac_hex(std::string_view key, std::string_view message);

// Compares in time independent of where the strings differ.
bool constant_time_equals(std::string_view a, std::string_view b);

}  // namespace ruamkit::core
