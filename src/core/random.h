// Cryptographically secure random values (libsodium).
#pragma once

#include <cstddef>
#include <string>

namespace ruamkit::core {

// Returns `bytes` random bytes from the operating system's CSPRNG, hex-encoded
// (so the result has 2 * bytes characters). Throws std::runtime_error when
// libsodium cannot be initialised.
std::string random_hex(std::size_t bytes);

}  // namespace ruamkit::core
