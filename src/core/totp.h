// Time-based one-time passwords for two-step sign-in: RFC 6238 TOTP over
// RFC 4226 HOTP with HMAC-SHA1, 6 digits and 30-second steps from the Unix
// epoch -- the parameters every authenticator app supports. Secrets travel as
// RFC 4648 base32, the form authenticator apps accept.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::core {

// Returns `bytes` in RFC 4648 base32 (alphabet A-Z, 2-7), upper case, without
// '=' padding. An empty input gives an empty string.
std::string base32_encode(std::span<const unsigned char> bytes);

// Decodes RFC 4648 base32. Accepts lower case, ASCII spaces anywhere and '='
// padding at the end (with or without it). Bits left over after the last whole
// byte are ignored. Returns std::nullopt for any other character, for padding
// followed by data, and for a length that cannot come from whole bytes
// (1, 3 or 6 symbols after the last full group of 8). "" decodes to no bytes.
std::optional<std::vector<unsigned char>> base32_decode(std::string_view text);

// Returns a new shared secret: 20 bytes (160 bits, the HMAC-SHA1 block size
// recommended by RFC 4226) from the operating system's CSPRNG, base32-encoded
// (32 characters, no padding). Throws std::runtime_error when libsodium cannot
// be initialised.
std::string new_totp_secret();

// Returns the RFC 4226 HOTP value of `key` at `counter`: exactly `digits`
// decimal digits, left-padded with '0'. Throws std::invalid_argument when
// `digits` is outside 6..8, and std::runtime_error when HMAC-SHA1 fails.
std::string hotp(std::span<const unsigned char> key, std::uint64_t counter, int digits = 6);

// Returns the 6-digit TOTP code of `base32_secret` for the 30-second step that
// contains `unix_seconds`. Throws std::invalid_argument when the secret is not
// base32 (see base32_decode) or decodes to no bytes, or when `unix_seconds` is
// negative.
std::string totp_at(std::string_view base32_secret, std::int64_t unix_seconds);

// Checks `code` (6 digits; ASCII spaces ignored, e.g. "123 456") against the
// step containing `unix_seconds` and the step either side of it, to allow for
// clock drift of up to one step. Returns the matched time step
// (unix_seconds / 30) when the code matches a step greater than
// `last_used_step`; the caller stores it as the new `last_used_step`, so a code
// is accepted at most once. Pass -1 when no code has been used yet. Returns
// std::nullopt for a wrong, replayed or malformed code (and for a negative
// `unix_seconds`). Every candidate is computed and compared in constant time
// whatever the outcome. Throws std::invalid_argument when the stored secret is
// not base32 or is empty: that is corrupt data, not a wrong code.
std::optional<std::int64_t> verify_totp(std::string_view base32_secret, std::string_view code,
                                        std::int64_t unix_seconds, std::int64_t last_used_step);

// Returns the Key URI for enrolling an authenticator app (usually shown as a
// QR code):
//   otpauth://totp/Issuer:account?secret=...&issuer=Issuer&algorithm=SHA1&digits=6&period=30
// Issuer and account are percent-encoded as UTF-8 (every byte outside the RFC
// 3986 unreserved set, so Thai names and spaces survive as %E0%B8... and %20);
// the secret is written in canonical form (upper case, no spaces or padding).
// Throws std::invalid_argument when issuer or account is empty, is not valid
// UTF-8 or contains ':' (the label separator), or when the secret is not
// base32 or is empty.
std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view base32_secret);

}  // namespace ruamkit::core
