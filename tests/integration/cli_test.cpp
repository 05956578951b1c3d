// The ruamkit command line: migrate, seed-demo, configuration by environment.
#include <gtest/gtest.h>
#include <stdlib.h>

#include "storage/database.h"
#include "storage/migrations.h"
#include "support/http_client.h"
#include "support/server_process.h"
#include "support/temp_dir.h"

namespace ruamkit::testing {
namespace {

TEST(Cli, MigrateCreatesTheDatabaseAndIsIdempotent) {
  TempDir dir;
  const auto db = (dir.path() / "sub" / "ruamkit.db").string();
  std::string out;
  ASSERT_EQ(run_ruamkit({"migrate", "--database", db}, out), 0) << out;
  const auto latest = std::to_string(storage::latest_version(storage::embedded_migrations()));
  EXPECT_NE(out.find("schema version " + latest), std::string::npos) << out;
  ASSERT_EQ(run_ruamkit({"migrate", "--database", db}, out), 0) << out;
  EXPECT_NE(out.find("applied 0 migration(s)"), std::string::npos) << out;
}

TEST(Cli, SeedDemoRunsOnAFreshDatabase) {
  TempDir dir;
  const auto db = (dir.path() / "ruamkit.db").string();
  std::string out;
  ASSERT_EQ(run_ruamkit({"seed-demo", "--database", db}, out), 0) << out;
  ASSERT_EQ(run_ruamkit({"seed-demo", "--database", db}, out), 0) << out;
}

TEST(Cli, DatabaseIsTakenFromTheEnvironment) {
  TempDir dir;
  const auto db = (dir.path() / "from-env.db").string();
  setenv("RUAMKIT_DATABASE", db.c_str(), 1);
  std::string out;
  const int code = run_ruamkit({"migrate"}, out);
  unsetenv("RUAMKIT_DATABASE");
  ASSERT_EQ(code, 0) << out;
  EXPECT_TRUE(std::filesystem::exists(db));
}

TEST(Cli, ClearErrorsForBadConfiguration) {
  std::string out;
  EXPECT_NE(run_ruamkit({"serve", "--listen", "nonsense"}, out), 0);
  EXPECT_NE(out.find("HOST:PORT"), std::string::npos) << out;
  EXPECT_NE(run_ruamkit({"migrate", "--database", "postgresql://db.example/ruamkit"}, out), 0);
  EXPECT_NE(out.find("PostgreSQL"), std::string::npos) << out;
  EXPECT_NE(run_ruamkit({"serve", "--threads", "0"}, out), 0);
  EXPECT_NE(run_ruamkit({"frobnicate"}, out), 0);
}

TEST(Cli, TheDevelopmentOutboxIsOnlyForLoopback) {
  TempDir dir;
  std::string out;
  EXPECT_NE(run_ruamkit({"serve", "--dev-outbox", "--listen", "0.0.0.0:0", "--database",
                         (dir.path() / "a.db").string()},
                        out),
            0);
  EXPECT_NE(out.find("loopback"), std::string::npos) << out;
  EXPECT_NE(run_ruamkit({"serve", "--dev-outbox", "--listen", "127.0.0.1:0", "--smtp-url",
                         "smtp://127.0.0.1:25", "--database", (dir.path() / "b.db").string()},
                        out),
            0);
}

TEST(Cli, SeedDemoRefusesADatabaseWithRealAccounts) {
  TempDir dir;
  const auto db = (dir.path() / "ruamkit.db").string();
  setenv("RUAMKIT_PASSWORD", "a real person's passphrase", 1);
  std::string out;
  const int created = run_ruamkit(
      {"user", "create", "--email", "real@agency.go.th", "--name", "Real", "--database", db}, out);
  unsetenv("RUAMKIT_PASSWORD");
  ASSERT_EQ(created, 0) << out;
  EXPECT_NE(run_ruamkit({"seed-demo", "--database", db}, out), 0);
  EXPECT_NE(out.find("real accounts"), std::string::npos) << out;
}

TEST(Cli, RefusesToServeADatabaseFromTheFuture) {
  TempDir dir;
  const auto db = (dir.path() / "ruamkit.db").string();
  std::string out;
  ASSERT_EQ(run_ruamkit({"migrate", "--database", db}, out), 0) << out;
  {
    // Simulate a newer release having migrated this database.
    storage::Database database(db, 1);
    database.write([](storage::Connection& c) {
      c.execute("INSERT INTO schema_migrations VALUES (9999, '9999_future', 'x')");
    });
  }
  EXPECT_NE(run_ruamkit({"migrate", "--database", db}, out), 0);
  EXPECT_NE(out.find("newer"), std::string::npos) << out;
}

}  // namespace
}  // namespace ruamkit::testing
