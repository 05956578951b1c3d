#include "core/security.h"

#include <argon2.h>
#include <sodium.h>

#include <array>
#include <stdexcept>
#include <vector>

namespace ruamkit::core {
namespace {

constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kParallelism = 1;
constexpr std::size_t kSaltBytes = 16;
constexpr std::size_t kHashBytes = 32;

void ensure_sodium() {
  static const bool ready = sodium_init() >= 0;
  if (!ready) throw std::runtime_error("libsodium could not be initialised");
}

std::string to_hex(const unsigned char* data, std::size_t size) {
  std::string hex(size * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), data, size);
  hex.pop_back();
  return hex;
}

}  // namespace

std::string hash_password(std::string_view password) {
  ensure_sodium();
  std::array<unsigned char, kSaltBytes> salt{};
  randombytes_buf(salt.data(), salt.size());
  const std::size_t length =
      argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltBytes, kHashBytes, Argon2_id);
  std::string encoded(length, '\0');
  const int rc =
      argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(),
                            salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (rc != ARGON2_OK) throw std::runtime_error(std::string("argon2: ") + argon2_error_message(rc));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool verify_password(std::string_view encoded, std::string_view password) {
  if (!encoded.starts_with("$argon2id$")) return false;
  const std::string copy(encoded);
  return argon2id_verify(copy.c_str(), password.data(), password.size()) == ARGON2_OK;
}

void burn_password_verification(std::string_view password) {
  // A fixed, valid hash of a random password nobody knows.
  static const std::string decoy = hash_password(new_token());
  verify_password(decoy, password);
}

std::string new_token() {
  ensure_sodium();
  std::array<unsigned char, 32> raw{};
  randombytes_buf(raw.data(), raw.size());
  const auto size = sodium_base64_encoded_len(raw.size(), sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  std::string out(size, '\0');
  sodium_bin2base64(out.data(), out.size(), raw.data(), raw.size(),
                    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
  out.resize(size - 1);
  return out;
}

std::string sha256_hex(std::string_view data) {
  ensure_sodium();
  std::array<unsigned char, crypto_hash_sha256_BYTES> hash{};
  crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(data.data()), data.size());
  return to_hex(hash.data(), hash.size());
}

std::string token_digest(std::string_view token) { return sha256_hex(token); }

std::string hmac_hex(std::string_view key, std::string_view message) {
  ensure_sodium();
  std::array<unsigned char, crypto_auth_hmacsha256_BYTES> mac{};
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, reinterpret_cast<const unsigned char*>(key.data()),
                              key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()),
                                message.size());
  crypto_auth_hmacsha256_final(&state, mac.data());
  return to_hex(mac.data(), mac.size());
}

bool constant_time_equals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

}  // namespace ruamkit::core
