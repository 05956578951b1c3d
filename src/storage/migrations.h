// Versioned schema migrations. Each migration runs in its own write
// transaction together with the row that records it, so a failed migration
// leaves the database at the previous version.
#pragma once

#include <string>
#include <vector>

#include "storage/database.h"

namespace ruamkit::storage {

struct Migration {
  int version;
  std::string name;
  std::string sql;  // must not contain its own BEGIN/COMMIT
};

// The migrations compiled into the binary from src/storage/migrations/.
const std::vector<Migration>& embedded_migrations();

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

}  // namespace ruamkit::storage
