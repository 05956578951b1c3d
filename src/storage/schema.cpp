#include "storage/schema.h"

namespace ruamkit::storage {
namespace {

std::vector<std::string> first_column(Rows rows) {
  std::vector<std::string> out;
  while (rows.next()) out.push_back(rows.text(0));
  return out;
}

}  // namespace

bool table_exists(Connection& c, std::string_view table) {
  auto rows =
      c.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", std::string(table));
  return rows.next();
}

std::vector<std::string> tables(Connection& c) {
  return first_column(
      c.query("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
              "ORDER BY name"));
}

std::vector<std::string> columns(Connection& c, std::string_view table) {
  return first_column(c.query("SELECT name FROM pragma_table_info(?)", std::string(table)));
}

std::vector<std::string> columns_referencing(Connection& c, std::string_view table,
                                             std::string_view referenced) {
  return first_column(c.query("SELECT \"from\" FROM pragma_foreign_key_list(?) WHERE \"table\" = ?",
                              std::string(table), std::string(referenced)));
}

}  // namespace ruamkit::storage
