#include "storage/migrations.h"

#include <algorithm>

#include "core/clock.h"
#include "storage/postgresql_dialect.h"
#include "storage/schema.h"

namespace ruamkit::storage {
namespace {

void ensure_table(Database& database) {
  database.write([](Connection& c) {
    c.exec(
        "CREATE TABLE IF NOT EXISTS schema_migrations ("
        " version INTEGER PRIMARY KEY,"
        " name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL)");
  });
}

}  // namespace

int schema_version(Connection& connection) {
  if (!table_exists(connection, "schema_migrations")) return 0;
  auto rows = connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
  rows.next();
  return static_cast<int>(rows.integer(0));
}

int latest_version(const std::vector<Migration>& migrations) {
  int latest = 0;
  for (const auto& m : migrations) latest = std::max(latest, m.version);
  return latest;
}

int migrate(Database& database, const std::vector<Migration>& migrations) {
  ensure_table(database);
  std::vector<const Migration*> ordered;
  for (const auto& m : migrations) ordered.push_back(&m);
  std::sort(ordered.begin(), ordered.end(),
            [](const Migration* a, const Migration* b) { return a->version < b->version; });

  const int current = database.read([](Connection& c) { return schema_version(c); });
  if (current > latest_version(migrations)) {
    throw MigrationError("the database is at schema version " + std::to_string(current) +
                         ", newer than this program knows (" +
                         std::to_string(latest_version(migrations)) + "); upgrade Ruamkit");
  }
  int applied = 0;
  for (const Migration* m : ordered) {
    if (m->version <= current) continue;
    try {
      database.write([&](Connection& c) {
        // Re-check inside the write lock: another process may have migrated.
        if (schema_version(c) >= m->version) return;
        c.exec(for_dialect(m->sql, Dialect::sqlite));
        c.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) "
            "VALUES (?, ?, ?)",
            m->version, m->name, core::iso_timestamp(core::Clock::now()));
        ++applied;
      });
    } catch (const DatabaseError& e) {
      throw MigrationError("migration " + m->name + " failed: " + e.what());
    }
  }
  return applied;
}

}  // namespace ruamkit::storage
