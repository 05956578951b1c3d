// The admin area over real HTTP: organisation admins manage only their own
// organisation (403/404 elsewhere), invitations by e-mail, platform admins
// shape the tree, and the audit log records who did what.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>

#include "core/totp.h"
#include "storage/database.h"
#include "support/browser.h"
#include "support/server_process.h"
#include "support/smtp_sink.h"

namespace ruamkit::testing {
namespace {

constexpr const char* kDemoPassword = "ruamkit demo 2569";

bool contains(const std::string& haystack, std::string_view needle) {
  return haystack.find(needle) != std::string::npos;
}

class Admin : public ::testing::Test {
 protected:
  Admin() : server({"--login-backoff-ms", "0", "--smtp-url", sink.url()}) {
    std::string out;
    if (run_ruamkit({"seed-demo", "--database", server.database_path()}, out) != 0) {
      throw std::runtime_error("seed-demo failed: " + out);
    }
  }

  std::int64_t organisation(const std::string& slug) {
    storage::Database db(server.database_path(), 1);
    return db.read([&](storage::Connection& c) {
      auto rows = c.query("SELECT id FROM organisations WHERE slug = ?", slug);
      if (!rows.next()) throw std::runtime_error("no organisation " + slug);
      return rows.integer(0);
    });
  }

  std::int64_t count(const std::string& sql) {
    storage::Database db(server.database_path(), 1);
    return db.read([&](storage::Connection& c) {
      auto rows = c.query(sql);
      rows.next();
      return rows.integer(0);
    });
  }

  void sign_in(Browser& b, const std::string& email, const std::string& password = kDemoPassword) {
    auto r = b.submit("/login", "/login", {{"email", email}, {"password", password}});
    ASSERT_EQ(r.status, 303) << email;
    if (r.header("location") == "/account/two-factor") {
      // A platform admin's first log-in: set up two-factor.
      auto setup = b.get("/account/two-factor");
      auto secret = find(setup.body, R"re(<code[^>]*>([A-Z2-7 ]{20,})</code>)re");
      secret.erase(std::remove(secret.begin(), secret.end(), ' '), secret.end());
      const auto now = std::chrono::duration_cast<std::chrono::seconds>(
                           std::chrono::system_clock::now().time_since_epoch())
                           .count();
      ASSERT_EQ(b.post("/account/two-factor/enable", {{"code", core::totp_at(secret, now)}}).status,
                200);
    }
    ASSERT_EQ(b.get("/account").status, 200);
  }

  SmtpSink sink;
  ServerProcess server;
};

TEST_F(Admin, AnOrganisationsAdminCannotTouchAnotherOrganisation) {
  Browser b(server.port());
  sign_in(b, "chiangmai@demo.ruamkit.example");
  const auto own = std::to_string(organisation("chiang-mai"));
  const auto other = std::to_string(organisation("opdc"));
  EXPECT_EQ(b.get("/admin").status, 200);
  EXPECT_EQ(b.get("/admin/organisations/" + own).status, 200);
  EXPECT_EQ(b.get("/admin/organisations/" + own + "/members").status, 200);

  EXPECT_EQ(b.get("/admin/organisations/" + other).status, 403);
  EXPECT_EQ(b.get("/admin/organisations/" + other + "/members").status, 403);
  EXPECT_EQ(b.post("/admin/organisations/" + other, {{"name_th", "ยึด"}, {"name_en", "Taken over"}})
                .status,
            403);
  EXPECT_EQ(b.post("/admin/organisations/" + other + "/invitations",
                   {{"email", "mole@example.org"}, {"role", "admin"}})
                .status,
            403);
  const auto opdc_membership = count(
      "SELECT MIN(m.id) FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
      "WHERE o.slug = 'opdc'");
  EXPECT_EQ(b.post("/admin/organisations/" + other + "/members/" + std::to_string(opdc_membership) +
                       "/remove",
                   {})
                .status,
            403);
  // Nor through its own organisation's path.
  EXPECT_EQ(b.post("/admin/organisations/" + own + "/members/" + std::to_string(opdc_membership) +
                       "/remove",
                   {})
                .status,
            404);
  EXPECT_EQ(b.get("/admin/audit?organisation=" + other).status, 403);
  EXPECT_EQ(b.post("/admin/organisations",
                   {{"name_th", "ใหม่"}, {"name_en", "New"}, {"slug", "new"}, {"kind", "agency"}})
                .status,
            403);
  EXPECT_EQ(b.get("/admin/users").status, 403);
  EXPECT_EQ(b.get("/admin/organisations/999999").status, 403);
  EXPECT_EQ(count("SELECT COUNT(*) FROM organisations WHERE name_en = 'Taken over'"), 0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM memberships m JOIN organisations o ON o.id = m.organisation_id "
            "WHERE o.slug = 'opdc'"),
      2);
}

TEST_F(Admin, OrganisationAdminsAndOfficialsMustSetUpTwoFactorButCitizensNeedNot) {
  Browser admin(server.port());
  auto r = admin.submit("/login", "/login",
                        {{"email", "chiangmai@demo.ruamkit.example"}, {"password", kDemoPassword}});
  EXPECT_EQ(r.header("location"), "/account/two-factor");
  EXPECT_EQ(admin.get("/admin").status, 303) << "no admin area before two-factor";
  Browser official(server.port());
  r = official.submit("/login", "/login",
                      {{"email", "pcd@demo.ruamkit.example"}, {"password", kDemoPassword}});
  EXPECT_EQ(r.header("location"), "/account/two-factor") << "officials publish for the state";
  EXPECT_EQ(official.get("/manage").status, 303) << "no workspace before two-factor";
  Browser citizen(server.port());
  r = citizen.submit("/login", "/login",
                     {{"email", "citizen@demo.ruamkit.example"}, {"password", kDemoPassword}});
  EXPECT_EQ(r.header("location"), "/account");
}

TEST_F(Admin, CitizensAndOfficialsWithoutAdminRoleStayOut) {
  Browser citizen(server.port());
  sign_in(citizen, "citizen@demo.ruamkit.example");
  EXPECT_EQ(citizen.get("/admin").status, 403);
  EXPECT_EQ(citizen.get("/admin/audit").status, 403);
  Browser official(server.port());
  sign_in(official, "pcd@demo.ruamkit.example");
  EXPECT_EQ(official.get("/admin/organisations/" + std::to_string(organisation("pcd"))).status,
            403);
  Browser stranger(server.port());
  auto r = stranger.get("/admin");
  EXPECT_EQ(r.status, 303);
  EXPECT_TRUE(r.header("location").value_or("").starts_with("/login"));
}

TEST_F(Admin, InvitingAnOfficialByEmail) {
  Browser admin(server.port());
  sign_in(admin, "chiangmai@demo.ruamkit.example");
  const auto org = std::to_string(organisation("chiang-mai"));
  admin.get("/admin/organisations/" + org + "/members");
  EXPECT_EQ(admin
                .post("/admin/organisations/" + org + "/invitations",
                      {{"email", "not an address"}, {"role", "official"}})
                .status,
            422);
  EXPECT_EQ(admin
                .post("/admin/organisations/" + org + "/invitations",
                      {{"email", "new@example.org"}, {"role", "emperor"}})
                .status,
            422);
  EXPECT_EQ(admin
                .post("/admin/organisations/" + org + "/invitations",
                      {{"email", "New@Example.org"}, {"role", "official"}})
                .status,
            303);
  const auto invitation = parse_mail(sink.wait_for(1, std::chrono::seconds(15)).at(0));
  EXPECT_EQ(invitation.recipients, std::vector<std::string>{"new@example.org"});
  const auto link =
      find(invitation.body, R"(https?://[^/\s]+(/invitations/accept\?token=[A-Za-z0-9_-]+))");
  ASSERT_FALSE(link.empty()) << invitation.body;

  // The invited person registers with that address and accepts.
  Browser invited(server.port());
  ASSERT_EQ(invited
                .submit("/register", "/register",
                        {{"email", "new@example.org"},
                         {"display_name", "เจ้าหน้าที่ใหม่"},
                         {"password", "a long enough passphrase"},
                         {"consent", "yes"}})
                .status,
            200);
  const auto verify = find(parse_mail(sink.wait_for(2, std::chrono::seconds(15)).at(1)).body,
                           R"(https?://[^/\s]+(/verify-email\?token=[A-Za-z0-9_-]+))");
  ASSERT_EQ(invited.get(verify).status, 200);
  ASSERT_EQ(
      invited.post("/verify-email", {{"token", verify.substr(verify.find("token=") + 6)}}).status,
      200);
  // Someone else with the link gets nothing.
  Browser other(server.port());
  sign_in(other, "citizen@demo.ruamkit.example");
  auto shown = other.get(link);
  EXPECT_EQ(shown.status, 200);
  const auto token = link.substr(link.find("token=") + 6);
  EXPECT_EQ(other.post("/invitations/accept", {{"token", token}}).status, 403);

  sign_in(invited, "new@example.org", "a long enough passphrase");
  ASSERT_EQ(invited.get(link).status, 200);
  EXPECT_EQ(invited.post("/invitations/accept", {{"token", token}}).status, 303);
  auto account = invited.get("/account");
  EXPECT_TRUE(contains(account.body, "จังหวัดเชียงใหม่")) << "the role shows on the account page";
  EXPECT_EQ(invited.post("/invitations/accept", {{"token", token}}).status, 400) << "single use";
  EXPECT_EQ(count("SELECT COUNT(*) FROM memberships m JOIN users u ON u.id = m.user_id "
                  "WHERE u.email = 'new@example.org' AND m.role = 'official'"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action IN ('membership.invited', "
                  "'membership.granted')"),
            2);
}

TEST_F(Admin, PlatformAdminsShapeTheTreeAndEveryActionIsAudited) {
  Browser b(server.port());
  sign_in(b, "admin@demo.ruamkit.example");
  b.get("/admin/organisations/new");
  const auto moi = std::to_string(organisation("moi"));
  auto bad = b.post("/admin/organisations",
                    {{"name_th", ""}, {"name_en", "x"}, {"slug", "Bad Slug"}, {"kind", "agency"}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(contains(bad.body, "value=\"x\"")) << "what was typed is kept";
  auto taken =
      b.post("/admin/organisations",
             {{"name_th", "ซ้ำ"}, {"name_en", "Dup"}, {"slug", "opdc"}, {"kind", "agency"}});
  EXPECT_EQ(taken.status, 422);
  auto created = b.post("/admin/organisations", {{"name_th", "กรมที่ดิน"},
                                                 {"name_en", "Department of Lands"},
                                                 {"slug", "dol"},
                                                 {"kind", "department"},
                                                 {"parent_id", moi}});
  ASSERT_EQ(created.status, 303);
  const auto id = std::to_string(organisation("dol"));
  EXPECT_EQ(b.get("/admin/organisations/" + id).status, 200);
  // It is public and searchable at once (same transaction).
  EXPECT_EQ(b.get("/organisations/dol").status, 200);
  EXPECT_TRUE(contains(b.get("/search?q=Lands").body, "href=\"/organisations/dol\""));
  b.get("/admin/organisations/" + id);
  ASSERT_EQ(b.post("/admin/organisations/" + id, {{"name_th", "กรมที่ดิน"},
                                                  {"name_en", "Land Department"},
                                                  {"slug", "dol"},
                                                  {"kind", "department"},
                                                  {"parent_id", moi},
                                                  {"participation_channels", "ศูนย์บริการประชาชน"}})
                .status,
            303);
  EXPECT_FALSE(contains(b.get("/search?q=Lands").body, "href=\"/organisations/dol\""));
  EXPECT_TRUE(contains(b.get("/search?q=Land").body, "href=\"/organisations/dol\""));
  EXPECT_TRUE(contains(b.get("/organisations/dol").body, "ศูนย์บริการประชาชน"));
  // A cycle is refused: MOI cannot move under its own department.
  b.get("/admin/organisations/" + moi);
  auto cycle = b.post("/admin/organisations/" + moi, {{"name_th", "กระทรวงมหาดไทย"},
                                                      {"name_en", "Ministry of Interior"},
                                                      {"slug", "moi"},
                                                      {"kind", "ministry"},
                                                      {"parent_id", id}});
  EXPECT_EQ(cycle.status, 422);
  auto audit = b.get("/admin/audit?action=organisation.");
  EXPECT_EQ(audit.status, 200);
  EXPECT_TRUE(contains(audit.body, "organisation.created"));
  EXPECT_TRUE(contains(audit.body, "ผู้ดูแลระบบ (สาธิต)")) << "the actor is named";
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM audit_log a JOIN users u ON u.id = a.actor_user_id "
            "WHERE a.action = 'organisation.created' AND u.email = 'admin@demo.ruamkit.example'"),
      1);
  // Platform roles.
  auto users = b.get("/admin/users?q=citizen%40demo.ruamkit.example");
  EXPECT_EQ(users.status, 200);
  const auto citizen =
      std::to_string(count("SELECT id FROM users WHERE email = 'citizen@demo.ruamkit.example'"));
  EXPECT_EQ(b.post("/admin/users/" + citizen + "/roles", {{"evaluator", "yes"}}).status, 303);
  EXPECT_EQ(count("SELECT is_evaluator FROM users WHERE email = 'citizen@demo.ruamkit.example'"),
            1);
}

TEST_F(Admin, AnOrganisationsAdminSeesOnlyItsOwnAuditEntries) {
  Browser opdc(server.port());
  sign_in(opdc, "opdc@demo.ruamkit.example");
  const auto opdc_id = std::to_string(organisation("opdc"));
  opdc.get("/admin/organisations/" + opdc_id);
  ASSERT_EQ(
      opdc.post("/admin/organisations/" + opdc_id,
                {{"name_th", "สำนักงาน ก.พ.ร."}, {"name_en", "OPDC"}, {"phone", "02 356 9999"}})
          .status,
      303);
  Browser cm(server.port());
  sign_in(cm, "chiangmai@demo.ruamkit.example");
  const auto own = cm.get("/admin/audit");
  EXPECT_EQ(own.status, 200);
  EXPECT_FALSE(contains(own.body, "organisation.updated"))
      << "OPDC's entry is not Chiang Mai's to see";
  const auto theirs = opdc.get("/admin/audit");
  EXPECT_TRUE(contains(theirs.body, "organisation.updated"));
}

}  // namespace
}  // namespace ruamkit::testing
