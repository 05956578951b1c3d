#include "core/recovery_codes.h"

#include <gtest/gtest.h>

#include <regex>
#include <set>
#include <stdexcept>
#include <string>

namespace ruamkit::core {
namespace {

TEST(RecoveryCodes, DefaultBatchIsTenCodesInThreeGroupsOfFour) {
  const auto codes = new_recovery_codes();
  ASSERT_EQ(codes.size(), 10u);
  const std::regex format("^[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}$");
  for (const auto& code : codes) {
    EXPECT_TRUE(std::regex_match(code, format)) << code;
    EXPECT_EQ(code.find_first_of("ilou"), std::string::npos) << code;
  }
}

TEST(RecoveryCodes, CountIsHonouredAndBounded) {
  EXPECT_EQ(new_recovery_codes(1).size(), 1u);
  EXPECT_EQ(new_recovery_codes(100).size(), 100u);
  EXPECT_THROW(new_recovery_codes(0), std::invalid_argument);
  EXPECT_THROW(new_recovery_codes(-1), std::invalid_argument);
  EXPECT_THROW(new_recovery_codes(101), std::invalid_argument);
}

TEST(RecoveryCodes, CodesAreDistinctAndUseTheWholeAlphabet) {
  std::set<std::string> codes;
  std::set<char> symbols;
  for (int batch = 0; batch < 10; ++batch) {
    for (const auto& code : new_recovery_codes(100)) {
      codes.insert(code);
      for (const char c : code) {
        if (c != '-') symbols.insert(c);
      }
    }
  }
  EXPECT_EQ(codes.size(), 1000u);
  // 12000 uniform draws from 32 symbols: each one turns up (32 symbols = 5 bits each).
  EXPECT_EQ(std::string(symbols.begin(), symbols.end()), "0123456789abcdefghjkmnpqrstvwxyz");
}

TEST(RecoveryCodes, NormalisationStripsSeparatorsLowerCasesAndReadsLookAlikes) {
  EXPECT_EQ(normalize_recovery_code("7kx2-m9qd-0hvz"), "7kx2m9qd0hvz");
  EXPECT_EQ(normalize_recovery_code("7KX2 M9QD OHVZ"), "7kx2m9qd0hvz");
  EXPECT_EQ(normalize_recovery_code(" 7kx2--m9qd\t0hvz\r\n"), "7kx2m9qd0hvz");
  EXPECT_EQ(normalize_recovery_code("IiLl oO"), "111100");
  EXPECT_EQ(normalize_recovery_code("a!b_c"), "a!b_c");
  EXPECT_EQ(normalize_recovery_code("รหัส"), "รหัส");
  EXPECT_EQ(normalize_recovery_code(" - "), "");
}

TEST(RecoveryCodes, HashIsStableHexAndDistinct) {
  // Known answer (BLAKE2b-256 keyed with "ruamkit/recovery-code/v1"): stored
  // hashes must keep matching across releases.
  EXPECT_EQ(hash_recovery_code("7kx2m9qd0hvz"),
            "e3e993554b907a2cc27ffa94ee3f3be8e8b5af29ccf7fbb0e0b0c3fc67fe9a59");
  EXPECT_EQ(hash_recovery_code("7kx2m9qd0hvz"), hash_recovery_code("7kx2m9qd0hvz"));
  EXPECT_NE(hash_recovery_code("7kx2m9qd0hvz"), hash_recovery_code("7kx2m9qd0hvy"));
  EXPECT_NE(hash_recovery_code("7kx2m9qd0hvz"), hash_recovery_code("7kx2-m9qd-0hvz"));

  std::set<std::string> hashes;
  for (const auto& code : new_recovery_codes(50)) {
    const std::string hash = hash_recovery_code(normalize_recovery_code(code));
    EXPECT_EQ(hash.size(), 64u);
    EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
    hashes.insert(hash);
  }
  EXPECT_EQ(hashes.size(), 50u);
}

TEST(RecoveryCodes, TypedVariantsOfOneCodeHashAlike) {
  const std::string stored = hash_recovery_code(normalize_recovery_code("7kx2-m9qd-0hvz"));
  EXPECT_EQ(hash_recovery_code(normalize_recovery_code("7KX2M9QDOHVZ")), stored);
  EXPECT_EQ(hash_recovery_code(normalize_recovery_code("7kx2 m9qd 0hvz")), stored);
  EXPECT_NE(hash_recovery_code(normalize_recovery_code("7kx2-m9qd-0hv2")), stored);
}

}  // namespace
}  // namespace ruamkit::core
