#include "core/security.h"

#include <gtest/gtest.h>

#include <set>

#include "core/clock.h"

namespace ruamkit::core {
namespace {

TEST(Passwords, Argon2idWithOwaspParametersAndRandomSalt) {
  const auto hash = hash_password("correct horse battery staple");
  EXPECT_TRUE(hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << hash;
  EXPECT_NE(hash, hash_password("correct horse battery staple")) << "salted";
  EXPECT_TRUE(verify_password(hash, "correct horse battery staple"));
  EXPECT_FALSE(verify_password(hash, "correct horse battery stapler"));
  EXPECT_FALSE(verify_password(hash, ""));
  EXPECT_FALSE(verify_password("not a hash", "x"));
  EXPECT_FALSE(verify_password("", ""));
  // Thai passwords are bytes like any other.
  const auto thai = hash_password("รหัสผ่านภาษาไทยยาวพอ");
  EXPECT_TRUE(verify_password(thai, "รหัสผ่านภาษาไทยยาวพอ"));
}

TEST(Tokens, AreLongRandomAndUrlSafe) {
  std::set<std::string> seen;
  for (int i = 0; i < 100; ++i) {
    const auto t = new_token();
    EXPECT_EQ(t.size(), 43u);  // 256 bits in base64url without padding
    EXPECT_EQ(
        t.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
        std::string::npos);
    EXPECT_TRUE(seen.insert(t).second);
  }
}

TEST(Tokens, DigestIsSha256Hex) {
  EXPECT_EQ(token_digest("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_NE(token_digest("abc"), token_digest("abd"));
}

TEST(Hmac, MatchesRfc4231TestCase2) {
  EXPECT_EQ(hmac_hex("Jefe", "what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST(ConstantTime, ComparesWholeStrings) {
  EXPECT_TRUE(constant_time_equals("abc", "abc"));
  EXPECT_FALSE(constant_time_equals("abc", "abd"));
  EXPECT_FALSE(constant_time_equals("abc", "abcd"));
  EXPECT_TRUE(constant_time_equals("", ""));
}

TEST(Clock, IsoTimestampsRoundTripAndSortAsText) {
  using namespace std::chrono;
  const auto t =
      sys_days{2026y / November / 23} + hours{5} + minutes{4} + seconds{3} + milliseconds{123};
  EXPECT_EQ(iso_timestamp(t), "2026-11-23T05:04:03.123Z");
  EXPECT_EQ(parse_iso_timestamp("2026-11-23T05:04:03.123Z"), t);
  EXPECT_LT(iso_timestamp(t), iso_timestamp(t + milliseconds{1}));
  EXPECT_FALSE(parse_iso_timestamp("2026-11-23 05:04:03"));
  EXPECT_FALSE(parse_iso_timestamp("2026-13-23T05:04:03.123Z"));
}

}  // namespace
}  // namespace ruamkit::core
