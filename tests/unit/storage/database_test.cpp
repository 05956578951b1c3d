#include "storage/database.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>
#include <vector>

#include "../../support/temp_dir.h"
#include "storage/migrations.h"

namespace ruamkit::storage {
namespace {

class DatabaseTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  std::string path() const { return (dir.path() / "test.db").string(); }
};

TEST_F(DatabaseTest, OpensWithWalForeignKeysAndFullSync) {
  Database db(path(), 2);
  db.read([](Connection& c) {
    auto mode = c.query("PRAGMA journal_mode");
    ASSERT_TRUE(mode.next());
    EXPECT_EQ(mode.text(0), "wal");
  });
  auto lease = db.acquire();
  auto fk = lease->query("PRAGMA foreign_keys");
  ASSERT_TRUE(fk.next());
  EXPECT_EQ(fk.integer(0), 1);
  auto sync = lease->query("PRAGMA synchronous");
  ASSERT_TRUE(sync.next());
  EXPECT_EQ(sync.integer(0), 2);  // FULL
}

TEST_F(DatabaseTest, BindsParametersAndReadsRows) {
  Database db(path(), 1);
  db.write([](Connection& c) {
    c.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT, note TEXT, score REAL)");
    c.execute("INSERT INTO t (name, note, score) VALUES (?, ?, ?)", "ร่วมคิด", Null{}, 4.5);
    c.execute("INSERT INTO t (name, note, score) VALUES (?, ?, ?)",
              std::string("x'); DROP TABLE t;--"), std::optional<std::string>("n"), 1.0);
  });
  db.read([](Connection& c) {
    auto rows = c.query("SELECT name, note, score FROM t ORDER BY id");
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), "ร่วมคิด");
    EXPECT_FALSE(rows.optional_text(1));
    EXPECT_DOUBLE_EQ(rows.real(2), 4.5);
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), "x'); DROP TABLE t;--");
    EXPECT_EQ(rows.optional_text(1).value_or(""), "n");
    EXPECT_FALSE(rows.next());
  });
}

TEST_F(DatabaseTest, ArgumentsMustMatchThePlaceholders) {
  Database db(path(), 1);
  db.write([](Connection& c) { c.exec("CREATE TABLE t (a TEXT, b TEXT)"); });
  // An extra argument used to be dropped and a missing one read as NULL.
  EXPECT_THROW(db.write([](Connection& c) {
    c.execute("INSERT INTO t (a, b) VALUES (?, ?)", "one", "two", "three");
  }),
               DatabaseError);
  EXPECT_THROW(
      db.write([](Connection& c) { c.execute("INSERT INTO t (a, b) VALUES (?, ?)", "one"); }),
      DatabaseError);
  db.read([](Connection& c) {
    auto rows = c.query("SELECT COUNT(*) FROM t");
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.integer(0), 0);  // nothing half-written
  });
}

TEST_F(DatabaseTest, ReadsColumnsByName) {
  Database db(path(), 1);
  db.read([](Connection& c) {
    auto rows = c.query("SELECT 7 AS id, 'ร่วมคิด' AS title, NULL AS note, 2.5 AS score");
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.integer("id"), 7);
    EXPECT_EQ(rows.text("title"), "ร่วมคิด");
    EXPECT_TRUE(rows.is_null("note"));
    EXPECT_FALSE(rows.optional_text("note"));
    EXPECT_DOUBLE_EQ(rows.real("score"), 2.5);
    EXPECT_THROW(rows.text("missing"), DatabaseError);
  });
}

TEST_F(DatabaseTest, WriteRollsBackWhenWorkThrows) {
  Database db(path(), 1);
  db.write([](Connection& c) { c.exec("CREATE TABLE t (v INTEGER NOT NULL)"); });
  EXPECT_THROW(db.write([](Connection& c) {
    c.execute("INSERT INTO t (v) VALUES (?)", 1);
    throw std::runtime_error("stop half-way");
  }),
               std::runtime_error);
  const auto count = db.read([](Connection& c) {
    auto rows = c.query("SELECT COUNT(*) FROM t");
    rows.next();
    return rows.integer(0);
  });
  EXPECT_EQ(count, 0);
}

TEST_F(DatabaseTest, ConstraintViolationsHaveTheirOwnType) {
  Database db(path(), 1);
  db.write([](Connection& c) { c.exec("CREATE TABLE vote (person INTEGER PRIMARY KEY)"); });
  db.write([](Connection& c) { c.execute("INSERT INTO vote (person) VALUES (?)", 7); });
  EXPECT_THROW(
      db.write([](Connection& c) { c.execute("INSERT INTO vote (person) VALUES (?)", 7); }),
      ConstraintError);
  EXPECT_THROW(db.read([](Connection& c) { c.query("SELECT * FROM missing").next(); }),
               DatabaseError);
}

TEST_F(DatabaseTest, ConcurrentWritersAllCommit) {
  Database db(path(), 4);
  db.write([](Connection& c) { c.exec("CREATE TABLE counter (n INTEGER NOT NULL)"); });
  db.write([](Connection& c) { c.execute("INSERT INTO counter (n) VALUES (0)"); });
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&db] {
      for (int i = 0; i < 50; ++i) {
        // Read-then-write is safe only because BEGIN IMMEDIATE serialises writers.
        db.write([](Connection& c) {
          auto rows = c.query("SELECT n FROM counter");
          rows.next();
          const auto n = rows.integer(0);
          c.execute("UPDATE counter SET n = ?", n + 1);
        });
      }
    });
  }
  for (auto& t : threads) t.join();
  const auto n = db.read([](Connection& c) {
    auto rows = c.query("SELECT n FROM counter");
    rows.next();
    return rows.integer(0);
  });
  EXPECT_EQ(n, 200);
}

TEST_F(DatabaseTest, NestedUseOfTheSameStatementWorks) {
  Database db(path(), 1);
  db.write(
      [](Connection& c) { c.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2);"); });
  db.read([](Connection& c) {
    auto outer = c.query("SELECT v FROM n ORDER BY v");
    int pairs = 0;
    while (outer.next()) {
      auto inner = c.query("SELECT v FROM n ORDER BY v");
      while (inner.next()) ++pairs;
    }
    EXPECT_EQ(pairs, 4);
  });
}

TEST_F(DatabaseTest, TwoLiveQueriesOfTheSameSqlDoNotShareAStatement) {
  Database db(path(), 1);
  db.write(
      [](Connection& c) { c.exec("CREATE TABLE n (v INTEGER); INSERT INTO n VALUES (1), (2);"); });
  db.read([](Connection& c) {
    auto a = c.query("SELECT v FROM n WHERE v = ?", 1);
    auto b = c.query("SELECT v FROM n WHERE v = ?", 2);  // bound, not yet stepped
    ASSERT_TRUE(a.next());
    EXPECT_EQ(a.integer(0), 1);
    ASSERT_TRUE(b.next());
    EXPECT_EQ(b.integer(0), 2);
  });
}

TEST_F(DatabaseTest, MigrationsApplyInOrderOnce) {
  Database db(path(), 1);
  const std::vector<Migration> migrations = {
      {2, "0002_b", "ALTER TABLE a ADD COLUMN note TEXT;"},
      {1, "0001_a", "CREATE TABLE a (id INTEGER PRIMARY KEY);"},
  };
  EXPECT_EQ(migrate(db, migrations), 2);
  EXPECT_EQ(migrate(db, migrations), 0);
  EXPECT_EQ(db.read([](Connection& c) { return schema_version(c); }), 2);
}

TEST_F(DatabaseTest, FailedMigrationLeavesThePreviousVersionIntact) {
  Database db(path(), 1);
  const std::vector<Migration> good = {{1, "0001_a", "CREATE TABLE a (id INTEGER PRIMARY KEY);"}};
  migrate(db, good);
  db.write([](Connection& c) { c.execute("INSERT INTO a (id) VALUES (1)"); });
  const std::vector<Migration> bad = {
      good[0],
      // The first statement succeeds, the second fails: both must vanish.
      {2, "0002_broken", "CREATE TABLE b (id INTEGER); INSERT INTO nowhere VALUES (1);"},
  };
  EXPECT_THROW(migrate(db, bad), MigrationError);
  db.read([](Connection& c) {
    EXPECT_EQ(schema_version(c), 1);
    auto b = c.query("SELECT 1 FROM sqlite_master WHERE name = 'b'");
    EXPECT_FALSE(b.next());
    auto a = c.query("SELECT COUNT(*) FROM a");
    a.next();
    EXPECT_EQ(a.integer(0), 1);
  });
}

TEST_F(DatabaseTest, RefusesADatabaseNewerThanTheProgram) {
  Database db(path(), 1);
  migrate(db, {{1, "0001_a", "CREATE TABLE a (id INTEGER);"},
               {2, "0002_b", "CREATE TABLE b (id INTEGER);"}});
  EXPECT_THROW(migrate(db, {{1, "0001_a", "CREATE TABLE a (id INTEGER);"}}), MigrationError);
}

TEST_F(DatabaseTest, EmbeddedMigrationsBuildTheReferenceData) {
  Database db(path(), 1);
  EXPECT_GE(migrate(db, embedded_migrations()), 1);
  db.read([](Connection& c) {
    auto rows = c.query("SELECT code FROM participation_levels ORDER BY rank");
    std::vector<std::string> codes;
    while (rows.next()) codes.push_back(rows.text(0));
    EXPECT_EQ(codes,
              (std::vector<std::string>{"inform", "consult", "involve", "collaborate", "empower"}));
  });
}

// A write that breaks a constraint inside a savepoint is undone, and the
// transaction goes on and commits what else it wrote.
TEST_F(DatabaseTest, ASavepointUndoesItsWorkAndTheTransactionGoesOn) {
  Database db(path(), 1);
  db.write([](Connection& c) { c.exec("CREATE TABLE t (code TEXT UNIQUE, n INTEGER)"); });
  db.write([](Connection& c) {
    c.execute("INSERT INTO t VALUES ('a', 1)");
    EXPECT_THROW(c.savepoint([&] {
      c.execute("INSERT INTO t VALUES ('b', 2)");
      c.execute("INSERT INTO t VALUES ('a', 3)");  // taken
    }),
                 ConstraintError);
    EXPECT_EQ(c.savepoint([&] { return c.execute("INSERT INTO t VALUES ('c', 4)"); }), 1);
    // Nested: the inner one fails alone.
    c.savepoint([&] {
      c.execute("INSERT INTO t VALUES ('d', 5)");
      EXPECT_THROW(c.savepoint([&] { c.execute("INSERT INTO t VALUES ('d', 6)"); }),
                   ConstraintError);
    });
  });
  db.read([](Connection& c) {
    auto rows = c.query("SELECT group_concat(code, ',') FROM (SELECT code FROM t ORDER BY code)");
    ASSERT_TRUE(rows.next());
    EXPECT_EQ(rows.text(0), "a,c,d") << "b went with the failed savepoint";
  });
}

}  // namespace
}  // namespace ruamkit::storage
