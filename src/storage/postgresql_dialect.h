// How SQL written for SQLite is said to PostgreSQL, as pure text functions
// (no connection): placeholders, dialect blocks in migrations, and the few
// column types whose meaning differs. The PostgreSQL backend applies them;
// features and migrations keep writing one SQL.
#pragma once

#include <string>
#include <string_view>

namespace ruamkit::storage {

enum class Dialect { sqlite, postgresql };

struct NumberedSql {
  std::string sql;     // with $1, $2, … in place of ?, ?NNN
  int parameters = 0;  // the highest number used
};

// Rewrites SQLite's placeholders for PostgreSQL: `?NNN` becomes `$NNN`, and
// a bare `?` takes the number after the highest used so far (SQLite's own
// rule). Text inside '…' literals, "…" identifiers and comments is left as
// it is.
NumberedSql number_placeholders(std::string_view sql);

// Keeps what a migration says for `dialect`: lines between `-- @sqlite` and
// `-- @end` only for SQLite, between `-- @postgresql` and `-- @end` only for
// PostgreSQL; every other line for both. Throws std::invalid_argument for a
// block that is not closed or one opened inside another.
std::string for_dialect(std::string_view migration, Dialect dialect);

// Rewrites column types of a schema written for SQLite for PostgreSQL, in
// code only (not in literals, identifiers or comments): `INTEGER PRIMARY
// KEY` becomes an identity column, `INTEGER` BIGINT (SQLite's integers are
// 64-bit) and `REAL` DOUBLE PRECISION (PostgreSQL's REAL is 32-bit).
std::string postgresql_schema(std::string_view ddl);

}  // namespace ruamkit::storage
