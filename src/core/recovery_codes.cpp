#include "core/recovery_codes.h"

#include <sodium.h>

#include <array>
#include <stdexcept>
#include <unordered_set>
#include <utility>

#include "core/text.h"

namespace ruamkit::core {
namespace {

constexpr char kAlphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";
static_assert(sizeof(kAlphabet) - 1 == 32);
constexpr int kGroups = 3;
constexpr int kGroupSize = 4;
constexpr int kMaxCount = 100;

// Not secret: separates these hashes from any other BLAKE2b use (16..64 bytes).
constexpr char kHashKey[] = "ruamkit/recovery-code/v1";
static_assert(sizeof(kHashKey) - 1 >= crypto_generichash_KEYBYTES_MIN);

void ensure_sodium() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium could not be initialised");
}

std::string new_code() {
  std::string code;
  code.reserve(kGroups * (kGroupSize + 1));
  for (int group = 0; group < kGroups; ++group) {
    if (group > 0) code.push_back('-');
    for (int i = 0; i < kGroupSize; ++i) code.push_back(kAlphabet[randombytes_uniform(32)]);
  }
  return code;
}

}  // namespace

std::vector<std::string> new_recovery_codes(int count) {
  if (count < 1 || count > kMaxCount) {
    throw std::invalid_argument("recovery code count must be 1 to 100");
  }
  ensure_sodium();
  std::vector<std::string> codes;
  codes.reserve(static_cast<std::size_t>(count));
  std::unordered_set<std::string> seen;
  while (codes.size() < static_cast<std::size_t>(count)) {
    std::string code = new_code();
    if (seen.insert(code).second) codes.push_back(std::move(code));
  }
  return codes;
}

std::string normalize_recovery_code(std::string_view code) {
  std::string out;
  out.reserve(code.size());
  for (char c : code) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '-') {
      continue;
    }
    c = ascii_lower(c);
    if (c == 'o') c = '0';
    if (c == 'i' || c == 'l') c = '1';
    out.push_back(c);
  }
  return out;
}

std::string hash_recovery_code(std::string_view normalized) {
  ensure_sodium();
  std::array<unsigned char, crypto_generichash_BYTES> digest{};
  crypto_generichash(digest.data(), digest.size(),
                     reinterpret_cast<const unsigned char*>(normalized.data()), normalized.size(),
                     reinterpret_cast<const unsigned char*>(kHashKey), sizeof(kHashKey) - 1);
  std::string hex(digest.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
  hex.pop_back();
  return hex;
}

}  // namespace ruamkit::core
