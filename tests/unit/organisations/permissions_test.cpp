#include "features/organisations/permissions.h"

#include <gtest/gtest.h>

namespace ruamkit::features::organisations {
namespace {

constexpr std::int64_t kChiangMai = 10;
constexpr std::int64_t kOpdc = 20;

Grants person(std::vector<Membership> memberships, bool platform_admin = false) {
  Grants g;
  g.user_id = 7;
  g.platform_admin = platform_admin;
  g.memberships = std::move(memberships);
  return g;
}

TEST(Permissions, DenyByDefault) {
  const Grants nobody;
  for (auto action :
       {Action::enter_admin_area, Action::create_organisation, Action::edit_organisation,
        Action::manage_members, Action::view_audit_log, Action::publish, Action::moderate}) {
    EXPECT_FALSE(allowed(nobody, action, kOpdc));
  }
  const auto citizen = person({});
  EXPECT_FALSE(allowed(citizen, Action::enter_admin_area, std::nullopt));
  EXPECT_FALSE(allowed(citizen, Action::publish, kOpdc));
}

TEST(Permissions, OrganisationAdminsActOnlyForTheirOwnOrganisation) {
  const auto admin = person({{kChiangMai, Role::admin}});
  EXPECT_TRUE(allowed(admin, Action::enter_admin_area, std::nullopt));
  EXPECT_TRUE(allowed(admin, Action::edit_organisation, kChiangMai));
  EXPECT_TRUE(allowed(admin, Action::manage_members, kChiangMai));
  EXPECT_TRUE(allowed(admin, Action::view_audit_log, kChiangMai));
  EXPECT_FALSE(allowed(admin, Action::edit_organisation, kOpdc));
  EXPECT_FALSE(allowed(admin, Action::manage_members, kOpdc));
  EXPECT_FALSE(allowed(admin, Action::view_audit_log, kOpdc));
  EXPECT_FALSE(allowed(admin, Action::edit_organisation, std::nullopt));
  EXPECT_FALSE(allowed(admin, Action::create_organisation, std::nullopt));
}

TEST(Permissions, OfficialsPublishAndModeratorsModerateForTheirOrganisation) {
  const auto official = person({{kOpdc, Role::official}});
  EXPECT_TRUE(allowed(official, Action::publish, kOpdc));
  EXPECT_FALSE(allowed(official, Action::publish, kChiangMai));
  EXPECT_FALSE(allowed(official, Action::moderate, kOpdc));
  EXPECT_FALSE(allowed(official, Action::enter_admin_area, std::nullopt));
  EXPECT_FALSE(allowed(official, Action::manage_members, kOpdc));
  const auto moderator = person({{kOpdc, Role::moderator}});
  EXPECT_TRUE(allowed(moderator, Action::moderate, kOpdc));
  EXPECT_FALSE(allowed(moderator, Action::publish, kOpdc));
}

TEST(Permissions, PlatformAdminsMayDoEverything) {
  const auto root = person({}, true);
  EXPECT_TRUE(allowed(root, Action::create_organisation, std::nullopt));
  EXPECT_TRUE(allowed(root, Action::edit_organisation, kOpdc));
  EXPECT_TRUE(allowed(root, Action::view_audit_log, std::nullopt));
}

TEST(Permissions, RolesParseOnlyKnownNames) {
  EXPECT_EQ(parse_role("official"), Role::official);
  EXPECT_EQ(parse_role("admin"), Role::admin);
  EXPECT_FALSE(parse_role("Admin"));
  EXPECT_FALSE(parse_role("root"));
  EXPECT_EQ(role_name(Role::moderator), "moderator");
}

}  // namespace
}  // namespace ruamkit::features::organisations
