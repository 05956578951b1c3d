// Versioned schema migrations. Each migration runs in its own write
// transaction together with the row that records it, so a failed migration
// leaves the database at the previous version.
//
// Two kinds: the numbered base files of src/storage/migrations/ (0001–0010,
// frozen: the schema every component starts from), and the migrations each
// component keeps in its own folder (src/features/<component>/migrations/
// <YYYYMMDDHHMM>_<what>.sql), recorded by component and name and applied after
// the base in one stable global order: by stamp, then component, then name.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace ruamkit::storage {

// A migration's SQL is the same for every database, except lines between
// `-- @sqlite` / `-- @postgresql` and `-- @end` (postgresql_dialect.h).
struct Migration {
  int version;
  std::string name;
  std::string sql;  // must not contain its own BEGIN/COMMIT
};

// The migrations compiled into the binary from src/storage/migrations/.
const std::vector<Migration>& embedded_migrations();

struct ComponentMigration {
  std::string component;  // "proposals"
  std::string name;       // "202612041200_proposals" (the file name without .sql)
  std::string sql;        // must not contain its own BEGIN/COMMIT
};

// Every component migration compiled into the binary from
// src/features/*/migrations/, in global order.
const std::vector<ComponentMigration>& embedded_component_migrations();

// Returns true when `name` starts with a 12-digit stamp and an underscore
// followed by lower-case letters, digits and underscores.
bool valid_component_migration_name(std::string_view name);

class MigrationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Returns the schema version recorded in the database (0 when none).
int schema_version(Connection& connection);

// Applies every migration newer than the database's version, in order.
// Returns the number applied. Throws MigrationError when one fails (earlier
// ones stay applied) or when the database is newer than the newest migration
// this binary knows.
int migrate(Database& database, const std::vector<Migration>& migrations);

// Returns the newest version in `migrations` (0 when empty).
int latest_version(const std::vector<Migration>& migrations);

// Applies the base migrations (as above), then every component migration not
// yet recorded, in global order. Returns the number applied. Throws
// MigrationError when one fails (earlier ones stay applied), when a name is
// malformed, or when the database records a component migration this binary
// does not know (it was written by a newer Ruamkit).
int migrate(Database& database, const std::vector<Migration>& base,
            const std::vector<ComponentMigration>& components);

// Returns how many of `base` and `components` the database still lacks
// (0: the schema is current).
int pending_migrations(Connection& connection, const std::vector<Migration>& base,
                       const std::vector<ComponentMigration>& components);

}  // namespace ruamkit::storage
