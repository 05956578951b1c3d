#include "features/accounts/rules.h"

#include <gtest/gtest.h>

#include "../../support/temp_dir.h"

namespace ruamkit::features::accounts {
namespace {

CommonPasswords sample() {
  CommonPasswords common;
  common.add("qwertyuiopasdf");
  common.add("Password12345");
  return common;
}

TEST(PasswordPolicy, LengthCountsCharactersNotBytes) {
  const auto common = sample();
  EXPECT_EQ(password_problem("short", "a@b.co", "A", common), "password_too_short");
  EXPECT_EQ(password_problem("elevenchars", "a@b.co", "A", common), "password_too_short");
  EXPECT_EQ(password_problem("twelve chars", "a@b.co", "A", common), std::nullopt);
  // Eleven Thai characters are 33 bytes but still too short.
  EXPECT_EQ(password_problem("ประเทศไทยสว", "a@b.co", "A", common), "password_too_short");
  EXPECT_EQ(password_problem("ประเทศไทยสวยงาม", "a@b.co", "A", common), std::nullopt);
  EXPECT_EQ(password_problem(std::string(129, 'x') + "y", "a@b.co", "A", common),
            "password_too_long");
}

TEST(PasswordPolicy, RefusesCommonAndPersonalPasswords) {
  const auto common = sample();
  EXPECT_EQ(password_problem("QWERTYUIOPASDF", "a@b.co", "A", common), "password_common");
  EXPECT_EQ(password_problem("password12345", "a@b.co", "A", common), "password_common");
  EXPECT_EQ(password_problem("aaaaaaaaaaaaaaa", "a@b.co", "A", common), "password_common");
  EXPECT_EQ(
      password_problem("somchai.jaidee@example.org", "somchai.jaidee@example.org", "S", common),
      "password_personal");
  EXPECT_EQ(password_problem("somchai.jaidee", "somchai.jaidee@example.org", "S", common),
            "password_personal");
  EXPECT_EQ(password_problem("Somchai Jaidee", "x@example.org", "somchai jaidee", common),
            "password_personal");
}

TEST(PasswordPolicy, ShippedListIsLarge) {
  const CommonPasswords shipped(testing::share_dir() / "vendor" / "common-passwords.txt");
  EXPECT_GE(shipped.size(), 10000u);
  EXPECT_TRUE(shipped.contains("password"));
  EXPECT_TRUE(shipped.contains("qwertyuiop"));
}

TEST(LoginBackoff, FreeForFiveThenDoublingToACap) {
  using std::chrono::milliseconds;
  const milliseconds base(1000);
  EXPECT_EQ(login_backoff(0, base), milliseconds(0));
  EXPECT_EQ(login_backoff(4, base), milliseconds(0));
  EXPECT_EQ(login_backoff(5, base), milliseconds(1000));
  EXPECT_EQ(login_backoff(6, base), milliseconds(2000));
  EXPECT_EQ(login_backoff(9, base), milliseconds(16000));
  EXPECT_EQ(login_backoff(99, base), std::chrono::minutes(15));
  EXPECT_EQ(login_backoff(50, milliseconds(0)), milliseconds(0));
}

TEST(Email, NormalisedAndChecked) {
  EXPECT_EQ(normalize_email("  Somchai@Example.ORG "), "somchai@example.org");
  EXPECT_EQ(normalize_email("a.b+tag@sub.example.go.th"), "a.b+tag@sub.example.go.th");
  for (const char* bad : {"", "plain", "@example.org", "a@", "a@b", "a@@b.org", "a b@c.org",
                          "a@b.org\r\nBcc: x@y.org", "<a@b.org>", "a@b.org, c@d.org", "a..b@x.org",
                          "สมชาย@example.org"}) {
    EXPECT_FALSE(normalize_email(bad)) << bad;
  }
}

}  // namespace
}  // namespace ruamkit::features::accounts
