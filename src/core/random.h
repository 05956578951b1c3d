// Cryptographically secure random values (libsodium).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace ruamkit::core {

// Returns `bytes` random bytes from the operating system's CSPRNG, hex-encoded
// (so the result has 2 * bytes characters). Throws std::runtime_error when
// libsodium cannot be initialised.
std::string random_hex(std::size_t bytes);

// Returns a uniformly random number in [0, upper) (upper > 0), without
// modulo bias; for codes people type.
std::uint32_t random_below(std::uint32_t upper);

}  // namespace ruamkit::core
