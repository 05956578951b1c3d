// The data-access layer: a pool of SQLite connections with cached prepared
// statements, and transactions. SQL is written in the subset common to SQLite
// and PostgreSQL with `?` placeholders, so a PostgreSQL backend can take the
// same statements (it will rewrite `?` to `$n`).
#pragma once

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <variant>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace ruamkit::storage {

// Any database failure. The message is for logs only, never for users.
class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// A UNIQUE, FOREIGN KEY, CHECK or NOT NULL constraint refused a write. Callers
// that rely on a constraint (one vote per person) catch this one.
class ConstraintError : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

struct Null {};

// An argument known only at run time (a filter that adds conditions).
using Value = std::variant<Null, std::int64_t, double, std::string>;

// A statement in progress. Obtained from Connection::query; reading columns
// is valid after next() returned true. Resets the statement when destroyed.
class Rows {
 public:
  Rows(Rows&& other) noexcept;
  Rows& operator=(Rows&&) = delete;
  ~Rows();

  // Advances to the next row. Returns false when there is none.
  bool next();
  bool is_null(int column) const;
  std::int64_t integer(int column) const;
  double real(int column) const;
  std::string text(int column) const;
  std::optional<std::string> optional_text(int column) const;

  // The same by column name (the name in the SELECT list, or its AS alias),
  // so a row reader does not depend on positions. Throws DatabaseError for a
  // name the statement does not return.
  bool is_null(std::string_view column) const { return is_null(index_of(column)); }
  std::int64_t integer(std::string_view column) const { return integer(index_of(column)); }
  double real(std::string_view column) const { return real(index_of(column)); }
  std::string text(std::string_view column) const { return text(index_of(column)); }
  std::optional<std::string> optional_text(std::string_view column) const {
    return optional_text(index_of(column));
  }
  // The position of column `name`; throws DatabaseError when there is none.
  int index_of(std::string_view name) const;

 private:
  friend class Connection;
  Rows(sqlite3* db, sqlite3_stmt* stmt, bool owned, std::unordered_set<sqlite3_stmt*>* lent);
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  bool owned_;                               // finalize instead of reset (not from the cache)
  std::unordered_set<sqlite3_stmt*>* lent_;  // the cache's statements in use
  bool done_ = false;
};

class Connection {
 public:
  // Opens `path` (created if missing) with WAL, synchronous=FULL, foreign
  // keys on and a busy timeout. Throws DatabaseError on failure.
  explicit Connection(const std::string& path);
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;
  ~Connection();

  // Runs one or more statements that return no rows (DDL, PRAGMA).
  void exec(std::string_view sql);

  // Prepares `sql` (reusing a cached statement when idle), binds `args` in
  // order and returns the rows. Supported argument types: integers, double,
  // strings, Null and std::optional of those. Throws DatabaseError when the
  // number of arguments differs from the number of placeholders (an extra
  // argument would be dropped, a missing one read as NULL) or a bind fails.
  template <typename... Args>
  Rows query(std::string_view sql, const Args&... args) {
    Rows rows = prepare(sql);
    check_arity(rows.stmt_, static_cast<int>(sizeof...(Args)), sql);
    [[maybe_unused]] int index = 1;
    (bind(rows.stmt_, index++, args), ...);
    return rows;
  }

  // The same with the arguments in a list (checked the same way).
  Rows query_values(std::string_view sql, const std::vector<Value>& args);

  // Runs a statement that returns no rows. Returns the number of rows changed.
  template <typename... Args>
  int execute(std::string_view sql, const Args&... args) {
    Rows rows = query(sql, args...);
    rows.next();
    return changes();
  }

  std::int64_t last_insert_id() const;
  int changes() const;

  // Runs `work` (inside a transaction) in a savepoint and returns what it
  // returns. When it throws, what it wrote is undone and the transaction
  // stays usable, then the exception goes on: the way to try a write that
  // may break a constraint and carry on (PostgreSQL would otherwise refuse
  // every later statement of the transaction).
  template <typename Work>
  auto savepoint(Work&& work) -> decltype(work()) {
    const std::string name = "rk_" + std::to_string(savepoints_ + 1);
    exec("SAVEPOINT " + name);
    ++savepoints_;
    auto attempt = [&]() -> decltype(work()) {
      try {
        return work();
      } catch (...) {
        release_savepoint(name, true);
        throw;
      }
    };
    if constexpr (std::is_void_v<decltype(work())>) {
      attempt();
      release_savepoint(name, false);
    } else {
      auto result = attempt();
      release_savepoint(name, false);
      return result;
    }
  }

 private:
  // Ends savepoint `name`, first undoing its work when `undo`.
  void release_savepoint(const std::string& name, bool undo);

  Rows prepare(std::string_view sql);
  static void check_arity(sqlite3_stmt* s, int arguments, std::string_view sql);
  static void bind(sqlite3_stmt* s, int i, std::int64_t v);
  static void bind(sqlite3_stmt* s, int i, int v) { bind(s, i, static_cast<std::int64_t>(v)); }
  static void bind(sqlite3_stmt* s, int i, double v);
  static void bind(sqlite3_stmt* s, int i, std::string_view v);
  static void bind(sqlite3_stmt* s, int i, const std::string& v) {
    bind(s, i, std::string_view(v));
  }
  static void bind(sqlite3_stmt* s, int i, const char* v) { bind(s, i, std::string_view(v)); }
  static void bind(sqlite3_stmt* s, int i, Null);
  template <typename T>
  static void bind(sqlite3_stmt* s, int i, const std::optional<T>& v) {
    if (v) {
      bind(s, i, *v);
    } else {
      bind(s, i, Null{});
    }
  }

  sqlite3* db_ = nullptr;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  // Cached statements handed out and not yet returned: never lent twice.
  std::unordered_set<sqlite3_stmt*> lent_;
  int savepoints_ = 0;  // open savepoints, for unique names
};

// Returns true while this thread is inside a write transaction: the write
// lock is held, so slow work (rendering a page) must wait until it ends.
bool in_write_transaction();

// Throws the right DatabaseError for an SQLite result code.
[[noreturn]] void throw_sqlite_error(sqlite3* db, int rc, std::string_view context);

class Database;

// A connection borrowed from the pool; returned when destroyed.
class Lease {
 public:
  Lease(Database& owner, std::unique_ptr<Connection> connection);
  Lease(Lease&&) noexcept = default;
  ~Lease();
  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> connection_;
};

class Database {
 public:
  // Opens a pool of `size` connections to the SQLite file `path`. The
  // parent directory must exist. Throws DatabaseError on failure.
  Database(std::string path, int size);
  ~Database();

  // Borrows a connection, waiting while all are in use.
  Lease acquire();

  // Runs `work(Connection&)` in a write transaction (BEGIN IMMEDIATE, so
  // writers queue instead of failing at commit). Commits when `work` returns,
  // rolls back when it throws and rethrows. Returns what `work` returns.
  template <typename Work>
  auto write(Work&& work) {
    return in_transaction(true, std::forward<Work>(work));
  }

  // Runs `work(Connection&)` in a read transaction (one consistent snapshot).
  template <typename Work>
  auto read(Work&& work) {
    return in_transaction(false, std::forward<Work>(work));
  }

  const std::string& path() const { return path_; }

  // A transaction on one connection; rolls back unless committed.
  class Transaction {
   public:
    Transaction(Connection& connection, bool write);
    Transaction(const Transaction&) = delete;
    ~Transaction();
    void commit();

   private:
    Connection& connection_;
    bool open_ = true;
    bool write_;
  };

 private:
  friend class Lease;
  void release(std::unique_ptr<Connection> connection);

  template <typename Work>
  auto in_transaction(bool write, Work&& work) {
    Lease lease = acquire();
    Transaction tx(*lease, write);
    if constexpr (std::is_void_v<decltype(work(*lease))>) {
      work(*lease);
      tx.commit();
    } else {
      auto result = work(*lease);
      tx.commit();
      return result;
    }
  }

  std::string path_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
};

}  // namespace ruamkit::storage
