#include "core/totp.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <array>
#include <stdexcept>
#include <utility>

#include "core/utf8.h"

namespace ruamkit::core {
namespace {

constexpr char kBase32Alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
constexpr std::int64_t kStepSeconds = 30;
constexpr int kTotpDigits = 6;
constexpr std::size_t kSecretBytes = 20;

// Returns the 5-bit value of a base32 symbol (either case), or -1.
int base32_value(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a';
  if (c >= '2' && c <= '7') return c - '2' + 26;
  return -1;
}

std::vector<unsigned char> decode_secret(std::string_view base32_secret) {
  auto key = base32_decode(base32_secret);
  if (!key) throw std::invalid_argument("TOTP secret is not base32");
  if (key->empty()) throw std::invalid_argument("TOTP secret is empty");
  return std::move(*key);
}

bool is_unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Percent-encodes every byte outside the RFC 3986 unreserved set.
std::string percent_encode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size() * 3);
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (is_unreserved(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0x0F]);
    }
  }
  return out;
}

void check_label_part(std::string_view part, const char* what) {
  if (part.empty()) throw std::invalid_argument(std::string("otpauth ") + what + " is empty");
  if (!is_valid_utf8(part)) {
    throw std::invalid_argument(std::string("otpauth ") + what + " is not valid UTF-8");
  }
  if (part.find(':') != std::string_view::npos) {
    throw std::invalid_argument(std::string("otpauth ") + what + " contains ':'");
  }
}

}  // namespace

std::string base32_encode(std::span<const unsigned char> bytes) {
  std::string out;
  out.reserve((bytes.size() * 8 + 4) / 5);
  std::uint32_t buffer = 0;
  int bits = 0;
  for (const unsigned char b : bytes) {
    buffer = (buffer << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kBase32Alphabet[(buffer >> bits) & 0x1F]);
    }
  }
  if (bits > 0) out.push_back(kBase32Alphabet[(buffer << (5 - bits)) & 0x1F]);
  return out;
}

std::optional<std::vector<unsigned char>> base32_decode(std::string_view text) {
  std::vector<unsigned char> out;
  out.reserve(text.size() * 5 / 8);
  std::uint32_t buffer = 0;
  int bits = 0;
  std::size_t symbols = 0;
  bool padding = false;
  for (const char c : text) {
    if (c == ' ') continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    if (padding) return std::nullopt;
    const int value = base32_value(c);
    if (value < 0) return std::nullopt;
    ++symbols;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(value);
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<unsigned char>((buffer >> bits) & 0xFF));
    }
  }
  const std::size_t tail = symbols % 8;
  if (tail == 1 || tail == 3 || tail == 6) return std::nullopt;
  return out;
}

std::string new_totp_secret() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
  std::array<unsigned char, kSecretBytes> raw{};
  randombytes_buf(raw.data(), raw.size());
  std::string secret = base32_encode(raw);
  sodium_memzero(raw.data(), raw.size());
  return secret;
}

std::string hotp(std::span<const unsigned char> key, std::uint64_t counter, int digits) {
  if (digits < 6 || digits > 8) throw std::invalid_argument("HOTP digits must be 6 to 8");
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i) {
    message[static_cast<std::size_t>(i)] = static_cast<unsigned char>(counter & 0xFF);
    counter >>= 8;
  }
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  std::size_t mac_size = 0;
  static const unsigned char kNoKey = 0;
  const void* key_data = key.empty() ? &kNoKey : key.data();
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, "SHA1", nullptr, key_data, key.size(), message.data(),
                message.size(), mac.data(), mac.size(), &mac_size) == nullptr ||
      mac_size != 20) {
    throw std::runtime_error("HMAC-SHA1 failed");
  }
  // RFC 4226 section 5.3: dynamic truncation to a 31-bit number.
  const std::size_t offset = mac[19] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) |
                               static_cast<std::uint32_t>(mac[offset + 3]);
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::uint32_t value = binary % modulus;
  std::string code(static_cast<std::size_t>(digits), '0');
  for (auto it = code.rbegin(); it != code.rend(); ++it) {
    *it = static_cast<char>('0' + value % 10);
    value /= 10;
  }
  return code;
}

std::string totp_at(std::string_view base32_secret, std::int64_t unix_seconds) {
  if (unix_seconds < 0) throw std::invalid_argument("TOTP time before the Unix epoch");
  const auto key = decode_secret(base32_secret);
  return hotp(key, static_cast<std::uint64_t>(unix_seconds / kStepSeconds), kTotpDigits);
}

std::optional<std::int64_t> verify_totp(std::string_view base32_secret, std::string_view code,
                                        std::int64_t unix_seconds, std::int64_t last_used_step) {
  const auto key = decode_secret(base32_secret);
  if (unix_seconds < 0) return std::nullopt;

  std::array<char, kTotpDigits> given{};
  std::size_t length = 0;
  for (const char c : code) {
    if (c == ' ') continue;
    if (c < '0' || c > '9' || length == given.size()) return std::nullopt;
    given[length++] = c;
  }
  if (length != given.size()) return std::nullopt;

  const std::int64_t now_step = unix_seconds / kStepSeconds;
  std::optional<std::int64_t> matched;
  for (std::int64_t step = now_step - 1; step <= now_step + 1; ++step) {
    if (step < 0) continue;
    const std::string expected = hotp(key, static_cast<std::uint64_t>(step), kTotpDigits);
    const bool equal = sodium_memcmp(expected.data(), given.data(), given.size()) == 0;
    if (equal && step > last_used_step) matched = step;  // steps ascend: keeps the latest
  }
  return matched;
}

std::string otpauth_uri(std::string_view issuer, std::string_view account,
                        std::string_view base32_secret) {
  check_label_part(issuer, "issuer");
  check_label_part(account, "account");
  const std::string secret = base32_encode(decode_secret(base32_secret));
  const std::string encoded_issuer = percent_encode(issuer);
  return "otpauth://totp/" + encoded_issuer + ":" + percent_encode(account) + "?secret=" + secret +
         "&issuer=" + encoded_issuer + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace ruamkit::core
