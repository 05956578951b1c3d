#include <gtest/gtest.h>

#include "../../support/temp_dir.h"
#include "storage/migrations.h"

namespace ruamkit::storage {
namespace {

class ComponentMigrationsTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Database db{(dir.path() / "test.db").string(), 1};
  const std::vector<Migration> base = {{1, "0001_base", "CREATE TABLE things (id INTEGER)"}};

  std::vector<std::string> applied_order() {
    return db.read([](Connection& c) {
      std::vector<std::string> out;
      auto rows =
          c.query("SELECT component || '/' || name FROM component_migrations ORDER BY rowid");
      while (rows.next()) out.push_back(rows.text(0));
      return out;
    });
  }
};

TEST_F(ComponentMigrationsTest, ApplyAfterTheBaseInStampOrderOnce) {
  // Listed out of order on purpose: the stamp decides, then the component.
  const std::vector<ComponentMigration> components = {
      {"proposals", "202612050900_votes", "CREATE TABLE votes (thing INTEGER REFERENCES things)"},
      {"budgets", "202612041200_budgets", "CREATE TABLE budgets (id INTEGER)"},
      {"proposals", "202612041200_proposals", "CREATE TABLE proposals (id INTEGER)"},
  };
  EXPECT_EQ(migrate(db, base, components), 4);
  EXPECT_EQ(applied_order(), (std::vector<std::string>{"budgets/202612041200_budgets",
                                                       "proposals/202612041200_proposals",
                                                       "proposals/202612050900_votes"}));
  EXPECT_EQ(migrate(db, base, components), 0);
  EXPECT_EQ(db.read([&](Connection& c) { return pending_migrations(c, base, components); }), 0);
}

TEST_F(ComponentMigrationsTest, ANewMigrationIsPendingUntilApplied) {
  std::vector<ComponentMigration> components = {
      {"budgets", "202612041200_budgets", "CREATE TABLE budgets (id INTEGER)"}};
  migrate(db, base, components);
  components.push_back({"budgets", "202701010000_rules", "ALTER TABLE budgets ADD rule TEXT"});
  EXPECT_EQ(db.read([&](Connection& c) { return pending_migrations(c, base, components); }), 1);
  EXPECT_EQ(migrate(db, base, components), 1);
}

TEST_F(ComponentMigrationsTest, AFailingMigrationLeavesTheEarlierOnesApplied) {
  const std::vector<ComponentMigration> components = {
      {"a", "202612041200_ok", "CREATE TABLE ok (id INTEGER)"},
      {"b", "202612041300_broken", "CREATE TABLE broken (id INTEGER); SELECT * FROM nowhere"},
  };
  EXPECT_THROW(migrate(db, base, components), MigrationError);
  EXPECT_EQ(applied_order(), std::vector<std::string>{"a/202612041200_ok"});
  db.read([](Connection& c) {
    auto rows = c.query("SELECT COUNT(*) FROM sqlite_master WHERE name = 'broken'");
    rows.next();
    EXPECT_EQ(rows.integer(0), 0);  // rolled back with its record
  });
}

TEST_F(ComponentMigrationsTest, RefusesMalformedNamesAndUnknownRecordedMigrations) {
  EXPECT_THROW(migrate(db, base, {{"a", "2026_short", "SELECT 1"}}), MigrationError);
  EXPECT_THROW(migrate(db, base, {{"a", "202612041200_Upper", "SELECT 1"}}), MigrationError);
  migrate(db, base, {{"a", "202612041200_one", "CREATE TABLE one (id INTEGER)"}});
  // A database a newer Ruamkit migrated: this program must not run on it.
  EXPECT_THROW(migrate(db, base, {}), MigrationError);
}

TEST(ComponentMigrationNames, StampThenLowerCaseWords) {
  EXPECT_TRUE(valid_component_migration_name("202612041200_proposals"));
  EXPECT_TRUE(valid_component_migration_name("202612041200_add_votes_2"));
  EXPECT_FALSE(valid_component_migration_name("20261204120_x"));
  EXPECT_FALSE(valid_component_migration_name("202612041200-x"));
  EXPECT_FALSE(valid_component_migration_name("202612041200_"));
  EXPECT_FALSE(valid_component_migration_name("202612041200_X"));
}

}  // namespace
}  // namespace ruamkit::storage
