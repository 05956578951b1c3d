#include "storage/schema.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "../../support/temp_dir.h"

namespace ruamkit::storage {
namespace {

class SchemaTest : public ::testing::Test {
 protected:
  testing::TempDir dir;
  Database db{(dir.path() / "schema.db").string(), 1};
};

TEST_F(SchemaTest, TablesColumnsAndForeignKeys) {
  db.write([](Connection& c) {
    c.exec(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);"
        "CREATE TABLE notes (id INTEGER PRIMARY KEY, author_id INTEGER REFERENCES users(id), "
        "editor_id INTEGER REFERENCES users(id), body TEXT, parent_id INTEGER REFERENCES "
        "notes(id));");
  });
  db.read([](Connection& c) {
    EXPECT_TRUE(table_exists(c, "notes"));
    EXPECT_FALSE(table_exists(c, "note"));
    EXPECT_EQ(tables(c), (std::vector<std::string>{"notes", "users"}));
    EXPECT_EQ(columns(c, "notes"),
              (std::vector<std::string>{"id", "author_id", "editor_id", "body", "parent_id"}));
    EXPECT_TRUE(columns(c, "nothing").empty());
    auto to_users = columns_referencing(c, "notes", "users");
    std::sort(to_users.begin(), to_users.end());
    EXPECT_EQ(to_users, (std::vector<std::string>{"author_id", "editor_id"}));
    EXPECT_EQ(columns_referencing(c, "notes", "notes"), std::vector<std::string>{"parent_id"});
  });
}

}  // namespace
}  // namespace ruamkit::storage
