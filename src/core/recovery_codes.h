// Single-use recovery codes: the way back in when the authenticator app is
// lost. They are shown once, stored only as hashes, and each one is spent
// (its hash deleted) when used.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ruamkit::core {

// Returns `count` distinct new codes, each 12 symbols in three groups of four,
// e.g. "7kx2-m9qd-0hvz". Symbols come from the 32-letter Crockford alphabet in
// lower case ("0123456789abcdefghjkmnpqrstvwxyz": no i, l, o or u, so no two
// symbols look alike), each chosen uniformly by the operating system's CSPRNG:
// 60 bits of entropy per code. Throws std::invalid_argument when `count` is
// outside 1..100, and std::runtime_error when libsodium cannot be initialised.
std::vector<std::string> new_recovery_codes(int count = 10);

// Returns `code` as typed by a person reduced to the form that is hashed:
// ASCII whitespace and '-' removed, ASCII letters lower-cased, and the
// look-alikes the alphabet leaves out read as the digits they resemble
// ('o' -> '0', 'i' and 'l' -> '1'). Any other character is kept, so a
// mistyped code still normalises to something, just not to a stored code.
// "7KX2 M9QD OHVZ" and "7kx2-m9qd-0hvz" both give "7kx2m9qd0hvz".
std::string normalize_recovery_code(std::string_view code);

// Returns the hash under which a normalised code is stored and looked up: 64
// lower-case hex characters (32-byte BLAKE2b, keyed with a fixed public
// domain-separation key so these hashes cannot be confused with any other use
// of BLAKE2b). Deterministic, so a code is found by hashing what was typed and
// looking that up. A fast, unsalted hash is enough here, unlike for passwords:
// each code carries 60 random bits, so recovering one from a leaked hash takes
// about 2^59 guesses, and codes are single use and only work together with the
// account password. Pass the output of normalize_recovery_code; the bytes are
// hashed exactly as given. Throws std::runtime_error when libsodium cannot be
// initialised.
std::string hash_recovery_code(std::string_view normalized);

}  // namespace ruamkit::core
