#include <algorithm>
#include <set>
#include <utility>

#include "core/clock.h"
#include "storage/migrations.h"
#include "storage/postgresql_dialect.h"
#include "storage/schema.h"

namespace ruamkit::storage {
namespace {

using Key = std::pair<std::string, std::string>;  // component, name

void ensure_table(Database& database) {
  database.write([](Connection& c) {
    c.exec(
        "CREATE TABLE IF NOT EXISTS component_migrations ("
        " component TEXT NOT NULL,"
        " name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL,"
        " PRIMARY KEY (component, name))");
  });
}

bool has_table(Connection& c) { return table_exists(c, "component_migrations"); }

std::set<Key> recorded(Connection& c) {
  std::set<Key> out;
  if (!has_table(c)) return out;
  auto rows = c.query("SELECT component, name FROM component_migrations");
  while (rows.next()) out.emplace(rows.text(0), rows.text(1));
  return out;
}

std::vector<const ComponentMigration*> in_order(const std::vector<ComponentMigration>& all) {
  std::vector<const ComponentMigration*> out;
  for (const auto& m : all) {
    if (!valid_component_migration_name(m.name)) {
      throw MigrationError("migration " + m.component + "/" + m.name +
                           " must be named YYYYMMDDHHMM_what (lower case)");
    }
    out.push_back(&m);
  }
  std::sort(out.begin(), out.end(), [](const ComponentMigration* a, const ComponentMigration* b) {
    const auto stamp_a = a->name.substr(0, 12), stamp_b = b->name.substr(0, 12);
    if (stamp_a != stamp_b) return stamp_a < stamp_b;
    if (a->component != b->component) return a->component < b->component;
    return a->name < b->name;
  });
  return out;
}

}  // namespace

bool valid_component_migration_name(std::string_view name) {
  if (name.size() < 14 || name[12] != '_') return false;
  for (std::size_t i = 0; i < 12; ++i) {
    if (name[i] < '0' || name[i] > '9') return false;
  }
  for (std::size_t i = 13; i < name.size(); ++i) {
    const char c = name[i];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

int migrate(Database& database, const std::vector<Migration>& base,
            const std::vector<ComponentMigration>& components) {
  int applied = migrate(database, base);
  const auto ordered = in_order(components);
  ensure_table(database);
  const auto done = database.read([](Connection& c) { return recorded(c); });
  std::set<Key> known;
  for (const auto* m : ordered) known.emplace(m->component, m->name);
  for (const auto& [component, name] : done) {
    if (!known.contains({component, name})) {
      throw MigrationError("the database has migration " + component + "/" + name +
                           ", which this program does not know; upgrade Ruamkit");
    }
  }
  for (const auto* m : ordered) {
    if (done.contains({m->component, m->name})) continue;
    try {
      database.write([&](Connection& c) {
        // Re-check inside the write lock: another process may have migrated.
        auto rows = c.query("SELECT 1 FROM component_migrations WHERE component = ? AND name = ?",
                            m->component, m->name);
        if (rows.next()) return;
        c.exec(for_dialect(m->sql, Dialect::sqlite));
        c.execute(
            "INSERT INTO component_migrations (component, name, applied_at) "
            "VALUES (?, ?, ?)",
            m->component, m->name, core::iso_timestamp(core::Clock::now()));
        ++applied;
      });
    } catch (const DatabaseError& e) {
      throw MigrationError("migration " + m->component + "/" + m->name + " failed: " + e.what());
    }
  }
  return applied;
}

int pending_migrations(Connection& connection, const std::vector<Migration>& base,
                       const std::vector<ComponentMigration>& components) {
  const int version = schema_version(connection);
  int pending = 0;
  for (const auto& m : base) pending += m.version > version ? 1 : 0;
  const auto done = recorded(connection);
  for (const auto& m : components) pending += done.contains({m.component, m.name}) ? 0 : 1;
  return pending;
}

}  // namespace ruamkit::storage
