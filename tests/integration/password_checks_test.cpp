// Every check of a password is throttled and recorded like a log-in, and the
// throttle cannot be turned against the account's owner.
#include <gtest/gtest.h>

#include "integration/accounts_support.h"
#include "support/catalogue.h"

namespace ruamkit::testing {
namespace {

// Behind a trusted proxy, so each test chooses the client address.
class PasswordChecks : public Accounts {
 protected:
  explicit PasswordChecks(std::vector<std::string> extra = {"--login-backoff-ms", "60000"})
      : Accounts(with_proxy(std::move(extra))) {}
  static std::vector<std::string> with_proxy(std::vector<std::string> extra) {
    extra.insert(extra.end(), {"--trusted-proxy", "127.0.0.1"});
    return extra;
  }
  static void from(Browser& b, const std::string& address) {
    b.set_header("X-Forwarded-For", address);
  }
  std::int64_t attempts(const std::string& purpose, int succeeded) {
    auto db = database();
    return db.read([&](storage::Connection& c) {
      auto rows = c.query("SELECT COUNT(*) FROM login_attempts WHERE purpose = ? AND succeeded = ?",
                          purpose, succeeded);
      rows.next();
      return rows.integer(0);
    });
  }
};

// With a stolen session the password could be guessed without limit on the
// forms that ask for it; now they share the log-in's throttle and record.
TEST_F(PasswordChecks, EveryFormThatAsksForThePasswordIsThrottledAndRecorded) {
  Browser b(server.port());
  from(b, "198.51.100.10");
  register_verified(b, "owner@example.org", "Owner");
  ASSERT_EQ(login(b, "owner@example.org").status, 303);
  const std::vector<std::pair<std::string, FormFields>> forms = {
      {"/account/password", {{"password", "a better passphrase"}}},
      {"/account/email", {{"email", "elsewhere@example.org"}}},
      {"/account/delete", {{"confirm", "yes"}}},
  };
  // Five wrong guesses, spread over the forms.
  for (int i = 0; i < 5; ++i) {
    const auto& [path, fields] = forms[static_cast<std::size_t>(i) % forms.size()];
    auto guess = fields;
    guess.emplace_back("current_password", "guess number " + std::to_string(i));
    EXPECT_EQ(b.submit(path, path, guess).status, 422) << path << " " << i;
  }
  EXPECT_EQ(attempts("change_password", 0), 2);
  EXPECT_EQ(attempts("change_email", 0), 2);
  EXPECT_EQ(attempts("delete_account", 0), 1);
  // Now even the right password must wait, on every form.
  for (const auto& [path, fields] : forms) {
    auto right = fields;
    right.emplace_back("current_password", kPassword);
    const auto refused = b.submit(path, path, right);
    EXPECT_EQ(refused.status, 429) << path;
    EXPECT_TRUE(refused.header("retry-after")) << path;
    EXPECT_TRUE(contains(refused.body, ui_html("errors.form.too_many_attempts"))) << path;
  }
  EXPECT_EQ(b.get("/account").status, 200) << "the account is still there";
}

// Log-in failures from an attacker's address do not lock the owner out of
// their account from their own address.
TEST_F(PasswordChecks, AnAttackerElsewhereCannotLockTheOwnerOut) {
  Browser owner(server.port());
  from(owner, "198.51.100.20");
  register_verified(owner, "official@example.org", "Official");
  Browser attacker(server.port());
  from(attacker, "203.0.113.7");
  for (int i = 0; i < 5; ++i) {
    EXPECT_EQ(login(attacker, "official@example.org", "guess " + std::to_string(i)).status, 401);
  }
  EXPECT_EQ(login(attacker, "official@example.org", kPassword).status, 429)
      << "the attacker's address waits";
  EXPECT_EQ(login(owner, "official@example.org").status, 303) << "the owner does not";
}

class PasswordChecksWithCeiling : public PasswordChecks {
 protected:
  PasswordChecksWithCeiling()
      : PasswordChecks({"--login-backoff-ms", "0", "--max-login-failures-per-hour", "12"}) {}
};

// Guesses from many addresses reach the per-account ceiling: the account is
// closed to passwords for an hour, its owner is told by mail, and a reset
// link lets the owner in again at once.
TEST_F(PasswordChecksWithCeiling, ManyAddressesReachTheCeilingTheOwnerIsToldAndAResetLetsThemIn) {
  Browser owner(server.port());
  from(owner, "198.51.100.30");
  register_verified(owner, "target@example.org", "Target");
  const auto mails_before = sink.messages().size();
  for (int i = 0; i < 12; ++i) {
    Browser attacker(server.port());
    from(attacker, "203.0.113." + std::to_string(10 + i));
    EXPECT_EQ(login(attacker, "target@example.org", "guess " + std::to_string(i)).status, 401) << i;
  }
  EXPECT_EQ(login(owner, "target@example.org").status, 429) << "the ceiling holds for everyone";
  const auto warning = mail(mails_before + 1);
  EXPECT_EQ(warning.recipients, std::vector<std::string>{"target@example.org"});
  EXPECT_EQ(warning.subject, ui("mail.account_attacked.subject"));
  // The reset link in the warning (or from "forgot my password") lets the owner in.
  ASSERT_EQ(owner.submit("/password/forgot", "/password/forgot", {{"email", "target@example.org"}})
                .status,
            200);
  const auto reset = link(mail(mails_before + 2), "/password/reset");
  ASSERT_FALSE(reset.empty());
  ASSERT_EQ(owner.get(reset).status, 200);
  EXPECT_EQ(owner
                .post("/password/reset", {{"token", reset.substr(reset.find("token=") + 6)},
                                          {"password", "a brand new passphrase"}})
                .status,
            303);
  EXPECT_EQ(login(owner, "target@example.org", "a brand new passphrase").status, 303);
}

}  // namespace
}  // namespace ruamkit::testing
