// What the database holds, asked the same way whatever the backend: the
// migration runners and the personal-data coverage check use it instead of
// reading SQLite's catalogue (sqlite_master, pragma_*) themselves.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "storage/database.h"

namespace ruamkit::storage {

// Returns true when a table named `table` exists.
bool table_exists(Connection& c, std::string_view table);

// The tables, by name (internal tables of the database itself left out).
std::vector<std::string> tables(Connection& c);

// The columns of `table`, in their order (empty when there is no such table).
std::vector<std::string> columns(Connection& c, std::string_view table);

// The columns of `table` that are foreign keys to `referenced`.
std::vector<std::string> columns_referencing(Connection& c, std::string_view table,
                                             std::string_view referenced);

}  // namespace ruamkit::storage
