// Accounts over real HTTP against a real database, with mail delivered to a
// real SMTP server: registration, verification, log-in, throttling, CSRF,
// session fixation, password reset, PDPA export and deletion, two-factor.
#include <gtest/gtest.h>

#include <chrono>
#include <regex>

#include "core/clock.h"
#include "core/totp.h"
#include "integration/accounts_support.h"
#include "storage/database.h"

namespace ruamkit::testing {
namespace {

TEST_F(Accounts, RegisterVerifyLogInAndLogOut) {
  Browser b(server.port());
  auto registered = register_account(b, "Somchai@Example.org", "สมชาย ใจดี");
  EXPECT_EQ(registered.status, 200);
  EXPECT_TRUE(contains(registered.body, "somchai@example.org"));
  const auto verification = mail(1);
  EXPECT_EQ(verification.recipients, std::vector<std::string>{"somchai@example.org"});
  EXPECT_TRUE(contains(verification.body, "สมชาย ใจดี"));
  const auto verify = link(verification, "/verify-email");
  ASSERT_FALSE(verify.empty()) << verification.body;

  // Not verified yet: no log-in.
  EXPECT_EQ(login(b, "somchai@example.org").status, 403);
  // Opening the link alone (as mail scanners do) verifies nothing.
  EXPECT_EQ(b.get(verify).status, 200);
  EXPECT_EQ(http_request(server.port(), "HEAD", verify).status, 200);
  EXPECT_EQ(login(b, "somchai@example.org").status, 403);
  EXPECT_EQ(confirm(b, verify, "/verify-email").status, 200);

  auto in = login(b, "somchai@example.org");
  EXPECT_EQ(in.status, 303);
  EXPECT_EQ(in.header("location"), "/account");
  auto account = b.get("/account");
  EXPECT_EQ(account.status, 200);
  EXPECT_TRUE(contains(account.body, "สมชาย ใจดี"));
  EXPECT_TRUE(contains(account.body, "somchai@example.org"));

  auto out = b.post("/logout", {});
  EXPECT_EQ(out.status, 303);
  auto after = b.get("/account");
  EXPECT_EQ(after.status, 303);
  EXPECT_TRUE(after.header("location").value_or("").starts_with("/login"));
}

TEST_F(Accounts, WeakPasswordsAndBadInputAreRefusedKeepingWhatWasTyped) {
  Browser b(server.port());
  auto short_one = register_account(b, "malee@example.org", "มาลี", "short");
  EXPECT_EQ(short_one.status, 422);
  EXPECT_TRUE(contains(short_one.body, "value=\"malee@example.org\""));
  EXPECT_TRUE(contains(short_one.body, "value=\"มาลี\""));
  EXPECT_FALSE(contains(short_one.body, "value=\"short\"")) << "passwords are never echoed";
  EXPECT_EQ(register_account(b, "malee@example.org", "มาลี", "password1234").status, 422);
  EXPECT_EQ(register_account(b, "malee@example.org", "มาลี", "malee@example.org").status, 422);
  EXPECT_EQ(register_account(b, "not-an-address", "มาลี").status, 422);
  auto no_consent =
      b.submit("/register", "/register",
               {{"email", "malee@example.org"}, {"display_name", "มาลี"}, {"password", kPassword}});
  EXPECT_EQ(no_consent.status, 422);
  // Markup in a name is shown as text.
  auto xss = register_account(b, "x@example.org", "<script>alert(1)</script>", "short");
  EXPECT_FALSE(contains(xss.body, "<script>alert(1)</script>"));
  EXPECT_TRUE(sink.messages().empty()) << "nothing was registered";
}

TEST_F(Accounts, OneNetworkCanRegisterOnlySoManyAccountsAnHour) {
  Browser b(server.port());
  for (int i = 0; i < 20; ++i) {
    ASSERT_EQ(register_account(b, "bulk" + std::to_string(i) + "@example.org", "Bulk").status, 200)
        << i;
  }
  const auto refused = register_account(b, "bulk20@example.org", "Bulk");
  EXPECT_EQ(refused.status, 422);
  EXPECT_TRUE(contains(refused.body, "value=\"bulk20@example.org\"")) << "what was typed is kept";
}

TEST_F(Accounts, RegisteringAKnownAddressRevealsNothing) {
  Browser a(server.port());
  register_verified(a, "known@example.org", "Known");
  Browser b(server.port());
  auto again = register_account(b, "known@example.org", "Someone Else");
  EXPECT_EQ(again.status, 200);
  const auto notice = mail(2);
  EXPECT_EQ(notice.recipients, std::vector<std::string>{"known@example.org"});
  EXPECT_TRUE(link(notice, "/verify-email").empty()) << "no second account";
  EXPECT_EQ(login(b, "known@example.org").status, 303) << "the original password still works";
}

TEST_F(Accounts, VerificationLinksAreSingleUseAndExpire) {
  Browser b(server.port());
  ASSERT_EQ(register_account(b, "once@example.org", "Once").status, 200);
  const auto verify = link(mail(1), "/verify-email");
  EXPECT_EQ(confirm(b, verify, "/verify-email").status, 200);
  EXPECT_EQ(b.get(verify).status, 400) << "reused";
  EXPECT_EQ(b.post("/verify-email", {{"token", verify.substr(verify.find("token=") + 6)}}).status,
            400)
      << "reused";
  EXPECT_EQ(b.get("/verify-email?token=forged").status, 400);

  ASSERT_EQ(register_account(b, "late@example.org", "Late").status, 200);
  const auto late = link(mail(2), "/verify-email");
  database().write([](storage::Connection& c) {
    c.execute("UPDATE account_tokens SET expires_at = '2000-01-01T00:00:00.000Z'");
  });
  EXPECT_EQ(b.get(late).status, 400) << "expired";
  EXPECT_EQ(b.post("/verify-email", {{"token", late.substr(late.find("token=") + 6)}}).status, 400)
      << "expired";
}

TEST_F(Accounts, StateChangingRequestsWithoutTheCsrfTokenAre403) {
  Browser b(server.port());
  register_verified(b, "csrf@example.org", "Csrf");
  b.get("/login");
  const FormFields credentials = {{"email", "csrf@example.org"}, {"password", kPassword}};
  auto wrong = credentials;
  wrong.emplace_back("csrf_token", std::string(64, '0'));
  EXPECT_EQ(b.post("/login", wrong).status, 403);
  auto missing = credentials;
  missing.emplace_back("csrf_token", "");
  EXPECT_EQ(b.post("/login", missing).status, 403);
  // A token from another visitor (another cookie) is worthless here.
  Browser other(server.port());
  other.get("/login");
  auto foreign = credentials;
  foreign.emplace_back("csrf_token", other.csrf_token());
  EXPECT_EQ(b.post("/login", foreign).status, 403);
  // No cookie at all.
  EXPECT_EQ(http_request(server.port(), "POST", "/locale",
                         {{"Content-Type", "application/x-www-form-urlencoded"}},
                         "lang=en&csrf_token=" + b.csrf_token())
                .status,
            403);
  // The right token works, and a signed-in form needs the new token.
  ASSERT_EQ(b.post("/login", credentials).status, 303);
  auto logout_with_old = b.post("/logout", {{"csrf_token", std::string(64, 'a')}});
  EXPECT_EQ(logout_with_old.status, 403);
  EXPECT_EQ(b.get("/account").status, 200) << "still signed in";
}

TEST_F(Accounts, SessionFixationFails) {
  Browser victim(server.port());
  register_verified(victim, "fixed@example.org", "Fixed");
  victim.clear_cookies();
  victim.set_cookie("ruamkit_session", "planted-by-attacker-0123456789abcdefghijkl");
  ASSERT_EQ(login(victim, "fixed@example.org").status, 303);
  const auto session = victim.cookie("ruamkit_session");
  EXPECT_FALSE(session.empty());
  EXPECT_NE(session, "planted-by-attacker-0123456789abcdefghijkl");
  Browser attacker(server.port());
  attacker.set_cookie("ruamkit_session", "planted-by-attacker-0123456789abcdefghijkl");
  EXPECT_EQ(attacker.get("/account").status, 303);
  // And an earlier real session id stops working once a new log-in happens on it.
  const auto before = victim.cookie("ruamkit_session");
  ASSERT_EQ(login(victim, "fixed@example.org").status, 303);
  Browser replay(server.port());
  replay.set_cookie("ruamkit_session", before);
  EXPECT_EQ(replay.get("/account").status, 303);
}

TEST_F(Accounts, TheHundredAndFirstFailedLogInInAnHourIsRefused) {
  Browser b(server.port());
  register_verified(b, "target@example.org", "Target");
  b.get("/login");
  for (int i = 0; i < 100; ++i) {
    const auto r = b.post("/login", {{"email", "target@example.org"},
                                     {"password", "wrong password " + std::to_string(i)}});
    ASSERT_EQ(r.status, 401) << "attempt " << i + 1;
  }
  const auto refused = b.post("/login", {{"email", "target@example.org"}, {"password", kPassword}});
  EXPECT_EQ(refused.status, 429);
  EXPECT_TRUE(refused.header("retry-after"));
  EXPECT_EQ(b.get("/account").status, 303) << "not signed in, even with the right password";
  // Another account is not affected.
  Browser other(server.port());
  register_verified(other, "bystander@example.org", "Bystander");
  EXPECT_EQ(login(other, "bystander@example.org").status, 303);
}

class AccountsWithBackoff : public Accounts {
 protected:
  AccountsWithBackoff() : Accounts({"--login-backoff-ms", "60000"}) {}
};

TEST_F(AccountsWithBackoff, FailuresBeyondFiveMustWaitLongerEachTime) {
  Browser b(server.port());
  register_verified(b, "slow@example.org", "Slow");
  b.get("/login");
  for (int i = 0; i < 5; ++i) {
    ASSERT_EQ(
        b.post("/login", {{"email", "slow@example.org"}, {"password", "nope nope nope"}}).status,
        401);
  }
  const auto r = b.post("/login", {{"email", "slow@example.org"}, {"password", kPassword}});
  EXPECT_EQ(r.status, 429);
  EXPECT_GE(std::stoi(r.header("retry-after").value_or("0")), 59);
}

TEST_F(Accounts, PasswordResetIsSingleUseAndSignsOutEverywhere) {
  Browser b(server.port());
  register_verified(b, "reset@example.org", "Reset");
  Browser elsewhere(server.port());
  ASSERT_EQ(login(elsewhere, "reset@example.org").status, 303);

  Browser forgot(server.port());
  auto asked =
      forgot.submit("/password/forgot", "/password/forgot", {{"email", "reset@example.org"}});
  EXPECT_EQ(asked.status, 200);
  auto unknown =
      forgot.submit("/password/forgot", "/password/forgot", {{"email", "nobody@example.org"}});
  EXPECT_EQ(unknown.status, 200);
  EXPECT_EQ(unknown.body.size() > 0, true);
  const auto reset = link(mail(2), "/password/reset");
  ASSERT_FALSE(reset.empty());
  const auto token = reset.substr(reset.find("token=") + 6);
  EXPECT_EQ(forgot.get(reset).status, 200);
  EXPECT_EQ(forgot.post("/password/reset", {{"token", token}, {"password", "short"}}).status, 422);
  EXPECT_EQ(
      forgot.post("/password/reset", {{"token", token}, {"password", "a brand new passphrase"}})
          .status,
      303);
  EXPECT_EQ(
      forgot.post("/password/reset", {{"token", token}, {"password", "another new passphrase"}})
          .status,
      400)
      << "reused";
  EXPECT_EQ(elsewhere.get("/account").status, 303) << "old sessions ended";
  EXPECT_EQ(login(forgot, "reset@example.org").status, 401);
  EXPECT_EQ(login(forgot, "reset@example.org", "a brand new passphrase").status, 303);
  EXPECT_EQ(sink.messages().size(), 2u) << "no mail for an unknown address";
}

TEST_F(Accounts, ExpiredResetLinksFail) {
  Browser b(server.port());
  register_verified(b, "expired@example.org", "Expired");
  b.submit("/password/forgot", "/password/forgot", {{"email", "expired@example.org"}});
  const auto reset = link(mail(2), "/password/reset");
  ASSERT_FALSE(reset.empty());
  database().write([](storage::Connection& c) {
    c.execute(
        "UPDATE account_tokens SET expires_at = '2000-01-01T00:00:00.000Z' WHERE purpose = "
        "'reset_password'");
  });
  EXPECT_EQ(b.get(reset).status, 400);
  const auto token = reset.substr(reset.find("token=") + 6);
  EXPECT_EQ(
      b.post("/password/reset", {{"token", token}, {"password", "a brand new passphrase"}}).status,
      400);
  EXPECT_EQ(login(b, "expired@example.org").status, 303) << "the old password still works";
}

TEST_F(Accounts, ChangingTheEmailAddressNeedsConfirmationFromTheNewOne) {
  Browser b(server.port());
  register_verified(b, "old@example.org", "Mover");
  ASSERT_EQ(login(b, "old@example.org").status, 303);
  EXPECT_EQ(b.submit("/account/email", "/account/email",
                     {{"email", "new@example.org"}, {"current_password", "wrong wrong wrong"}})
                .status,
            422);
  EXPECT_EQ(b.submit("/account/email", "/account/email",
                     {{"email", "new@example.org"}, {"current_password", kPassword}})
                .status,
            303);
  const auto first = mail(2);
  const auto second = mail(3);
  const auto& to_new = first.recipients.at(0) == "new@example.org" ? first : second;
  const auto& to_old = first.recipients.at(0) == "old@example.org" ? first : second;
  EXPECT_EQ(to_old.recipients.at(0), "old@example.org") << "the old address is told";
  const auto confirm_link = link(to_new, "/account/email/confirm");
  ASSERT_FALSE(confirm_link.empty()) << to_new.body;
  EXPECT_EQ(login(b, "new@example.org").status, 401) << "not before confirmation";
  EXPECT_EQ(confirm(b, confirm_link, "/account/email/confirm").status, 200);
  Browser fresh(server.port());
  EXPECT_EQ(login(fresh, "new@example.org").status, 303);
  EXPECT_EQ(login(fresh, "old@example.org").status, 401);
}

TEST_F(Accounts, ChangingThePasswordNeedsTheCurrentOne) {
  Browser b(server.port());
  register_verified(b, "change@example.org", "Change");
  ASSERT_EQ(login(b, "change@example.org").status, 303);
  EXPECT_EQ(
      b.submit("/account/password", "/account/password",
               {{"current_password", "wrong wrong wrong"}, {"password", "a better passphrase"}})
          .status,
      422);
  EXPECT_EQ(b.submit("/account/password", "/account/password",
                     {{"current_password", kPassword}, {"password", "a better passphrase"}})
                .status,
            303);
  EXPECT_EQ(b.get("/account").status, 200) << "this session stays";
  Browser fresh(server.port());
  EXPECT_EQ(login(fresh, "change@example.org", "a better passphrase").status, 303);
}

TEST_F(Accounts, DownloadMyDataAndDeleteMyAccount) {
  Browser b(server.port());
  register_verified(b, "pdpa@example.org", "ผู้ใช้ PDPA");
  ASSERT_EQ(login(b, "pdpa@example.org").status, 303);
  auto data = b.get("/account/export");
  EXPECT_EQ(data.status, 200);
  EXPECT_EQ(data.header("content-type"), "application/json");
  EXPECT_TRUE(contains(data.header("content-disposition").value_or(""), "attachment"));
  EXPECT_TRUE(contains(data.body, "pdpa@example.org"));
  EXPECT_TRUE(contains(data.body, "privacy_notice_version"));

  EXPECT_EQ(
      b.submit("/account/delete", "/account/delete", {{"current_password", kPassword}}).status, 422)
      << "confirmation required";
  EXPECT_EQ(b.submit("/account/delete", "/account/delete",
                     {{"current_password", kPassword}, {"confirm", "yes"}})
                .status,
            303);
  EXPECT_EQ(b.get("/account").status, 303);
  Browser again(server.port());
  EXPECT_EQ(login(again, "pdpa@example.org").status, 401);
  database().read([](storage::Connection& c) {
    auto rows = c.query("SELECT email, display_name, password_hash, deleted_at FROM users");
    ASSERT_TRUE(rows.next());
    EXPECT_TRUE(rows.is_null(0));
    EXPECT_EQ(rows.text(1), "");
    EXPECT_TRUE(rows.is_null(2));
    EXPECT_FALSE(rows.is_null(3));
    auto audit = c.query(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('account.data_exported', "
        "'account.deleted')");
    audit.next();
    EXPECT_EQ(audit.integer(0), 2);
  });
  // The address can be registered again by its owner.
  EXPECT_EQ(register_account(again, "pdpa@example.org", "New Me").status, 200);
}

std::string current_code(const std::string& secret) {
  const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return core::totp_at(secret, now);
}

TEST_F(Accounts, TwoFactorEnrolmentAndLogIn) {
  Browser b(server.port());
  register_verified(b, "totp@example.org", "Totp");
  ASSERT_EQ(login(b, "totp@example.org").status, 303);
  auto setup = b.get("/account/two-factor");
  ASSERT_EQ(setup.status, 200);
  EXPECT_TRUE(contains(setup.body, "data:image/svg+xml;base64,"));
  auto secret = find(setup.body, R"re(<code[^>]*>([A-Z2-7 ]{20,})</code>)re");
  secret.erase(std::remove(secret.begin(), secret.end(), ' '), secret.end());
  ASSERT_EQ(secret.size(), 32u) << setup.body;
  EXPECT_EQ(b.post("/account/two-factor/enable", {{"code", "000000"}}).status, 422);
  auto enabled = b.post("/account/two-factor/enable", {{"code", current_code(secret)}});
  ASSERT_EQ(enabled.status, 200);
  std::vector<std::string> codes;
  const std::regex code_re(R"(<code>([a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4})</code>)");
  for (auto it = std::sregex_iterator(enabled.body.begin(), enabled.body.end(), code_re);
       it != std::sregex_iterator(); ++it) {
    codes.push_back((*it)[1]);
  }
  ASSERT_EQ(codes.size(), 10u) << enabled.body;
  b.post("/logout", {});

  Browser c(server.port());
  auto first = login(c, "totp@example.org");
  EXPECT_EQ(first.status, 303);
  EXPECT_EQ(first.header("location"), "/login/two-factor");
  EXPECT_EQ(c.get("/account").status, 303) << "not signed in before the second factor";
  EXPECT_EQ(c.submit("/login/two-factor", "/login/two-factor", {{"code", "123456"}}).status, 401);
  const auto used_session = c.cookie("ruamkit_session");
  auto second = c.submit("/login/two-factor", "/login/two-factor", {{"code", codes[0]}});
  EXPECT_EQ(second.status, 303);
  EXPECT_NE(c.cookie("ruamkit_session"), used_session) << "new session id after the second factor";
  EXPECT_EQ(c.get("/account").status, 200);

  // A recovery code works once.
  Browser d(server.port());
  login(d, "totp@example.org");
  EXPECT_EQ(d.submit("/login/two-factor", "/login/two-factor", {{"code", codes[0]}}).status, 401);
}

TEST_F(Accounts, PlatformAdminsMustSetUpTwoFactor) {
  setenv("RUAMKIT_PASSWORD", "the admin passphrase here", 1);
  std::string out;
  const int code = run_ruamkit({"user", "create", "--admin", "--email", "admin@example.org",
                                "--name", "Admin", "--database", server.database_path()},
                               out);
  unsetenv("RUAMKIT_PASSWORD");
  ASSERT_EQ(code, 0) << out;
  Browser b(server.port());
  auto in = login(b, "admin@example.org", "the admin passphrase here");
  EXPECT_EQ(in.status, 303);
  EXPECT_EQ(in.header("location"), "/account/two-factor");
  EXPECT_EQ(b.get("/account").status, 303) << "nothing else until two-factor is set up";
  auto setup = b.get("/account/two-factor");
  EXPECT_EQ(setup.status, 200);
  auto secret = find(setup.body, R"re(<code[^>]*>([A-Z2-7 ]{20,})</code>)re");
  secret.erase(std::remove(secret.begin(), secret.end(), ' '), secret.end());
  EXPECT_EQ(b.post("/account/two-factor/enable", {{"code", current_code(secret)}}).status, 200);
  EXPECT_EQ(b.get("/account").status, 200);
  EXPECT_EQ(
      b.post("/account/two-factor/disable", {{"current_password", "the admin passphrase here"}})
          .status,
      403);
}

}  // namespace
}  // namespace ruamkit::testing
