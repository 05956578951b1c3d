#include "storage/database.h"

#include <sqlite3.h>

#include "storage/fts5_thai.h"

namespace ruamkit::storage {

void throw_sqlite_error(sqlite3* db, int rc, std::string_view context) {
  std::string message(context);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintError(message);
  throw DatabaseError(message);
}

// ---- Rows ----

Rows::Rows(sqlite3* db, sqlite3_stmt* stmt, bool owned, std::unordered_set<sqlite3_stmt*>* lent)
    : db_(db), stmt_(stmt), owned_(owned), lent_(lent) {
  if (!owned_) lent_->insert(stmt_);
}

Rows::Rows(Rows&& other) noexcept
    : db_(other.db_),
      stmt_(other.stmt_),
      owned_(other.owned_),
      lent_(other.lent_),
      done_(other.done_) {
  other.stmt_ = nullptr;
}

Rows::~Rows() {
  if (!stmt_) return;
  if (owned_) {
    sqlite3_finalize(stmt_);
  } else {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
    lent_->erase(stmt_);
  }
}

bool Rows::next() {
  if (done_) return false;
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  done_ = true;
  if (rc == SQLITE_DONE) return false;
  throw_sqlite_error(db_, rc, "step");
}

bool Rows::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }

std::int64_t Rows::integer(int column) const { return sqlite3_column_int64(stmt_, column); }

double Rows::real(int column) const { return sqlite3_column_double(stmt_, column); }

std::string Rows::text(int column) const {
  const auto* data = sqlite3_column_text(stmt_, column);
  const int size = sqlite3_column_bytes(stmt_, column);
  return data ? std::string(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size))
              : std::string();
}

std::optional<std::string> Rows::optional_text(int column) const {
  if (is_null(column)) return std::nullopt;
  return text(column);
}

int Rows::index_of(std::string_view name) const {
  const int count = sqlite3_column_count(stmt_);
  for (int i = 0; i < count; ++i) {
    const char* column = sqlite3_column_name(stmt_, i);
    if (column && name == column) return i;
  }
  throw DatabaseError("no column " + std::string(name) + " in: " + sqlite3_sql(stmt_));
}

// ---- Connection ----

Connection::Connection(const std::string& path) {
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message =
        "cannot open database " + path + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
    sqlite3_close_v2(db_);
    db_ = nullptr;
    throw DatabaseError(message);
  }
  sqlite3_extended_result_codes(db_, 1);
  sqlite3_busy_timeout(db_, 5000);
  exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;");
  if (!register_thai_tokenizer(db_)) throw DatabaseError("SQLite lacks FTS5 (needed for search)");
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close_v2(db_);
}

void Connection::exec(std::string_view sql) {
  char* error = nullptr;
  const std::string text(sql);
  const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    if ((rc & 0xFF) == SQLITE_CONSTRAINT) throw ConstraintError(message);
    throw DatabaseError(message);
  }
}

void Connection::release_savepoint(const std::string& name, bool undo) {
  --savepoints_;
  if (undo) exec("ROLLBACK TO " + name);
  exec("RELEASE " + name);
}

constexpr std::size_t kMaxCachedStatements = 512;

Rows Connection::prepare(std::string_view sql) {
  const std::string key(sql);
  if (auto it = cache_.find(key); it != cache_.end()) {
    // A statement still lent out (nested use of the same SQL) cannot be
    // shared; fall through to a private one.
    if (!lent_.contains(it->second)) return Rows(db_, it->second, false, &lent_);
  }
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()),
                                    SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) throw_sqlite_error(db_, rc, "prepare");
  // Statement texts built from lists (IN (?, ?, …)) vary with their length:
  // past the cap, new texts are prepared for one use and not kept.
  if (cache_.contains(key) || cache_.size() >= kMaxCachedStatements) {
    return Rows(db_, stmt, true, &lent_);
  }
  cache_.emplace(key, stmt);
  return Rows(db_, stmt, false, &lent_);
}

namespace {

void checked(sqlite3_stmt* s, int rc) {
  if (rc != SQLITE_OK) throw_sqlite_error(sqlite3_db_handle(s), rc, "bind");
}

}  // namespace

void Connection::check_arity(sqlite3_stmt* s, int arguments, std::string_view sql) {
  const int placeholders = sqlite3_bind_parameter_count(s);
  if (placeholders == arguments) return;
  throw DatabaseError("statement has " + std::to_string(placeholders) + " placeholder(s) but " +
                      std::to_string(arguments) + " argument(s): " + std::string(sql));
}

void Connection::bind(sqlite3_stmt* s, int i, std::int64_t v) {
  checked(s, sqlite3_bind_int64(s, i, v));
}

void Connection::bind(sqlite3_stmt* s, int i, double v) {
  checked(s, sqlite3_bind_double(s, i, v));
}

void Connection::bind(sqlite3_stmt* s, int i, std::string_view v) {
  checked(s, sqlite3_bind_text64(s, i, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8));
}

void Connection::bind(sqlite3_stmt* s, int i, Null) { checked(s, sqlite3_bind_null(s, i)); }

Rows Connection::query_values(std::string_view sql, const std::vector<Value>& args) {
  Rows rows = prepare(sql);
  check_arity(rows.stmt_, static_cast<int>(args.size()), sql);
  int index = 1;
  for (const auto& arg : args) {
    std::visit([&](const auto& v) { bind(rows.stmt_, index, v); }, arg);
    ++index;
  }
  return rows;
}

std::int64_t Connection::last_insert_id() const { return sqlite3_last_insert_rowid(db_); }

int Connection::changes() const { return sqlite3_changes(db_); }

// ---- Pool ----

Lease::Lease(Database& owner, std::unique_ptr<Connection> connection)
    : owner_(&owner), connection_(std::move(connection)) {}

Lease::~Lease() {
  if (connection_) owner_->release(std::move(connection_));
}

Database::Database(std::string path, int size) : path_(std::move(path)) {
  if (size < 1) size = 1;
  for (int i = 0; i < size; ++i) idle_.push_back(std::make_unique<Connection>(path_));
}

Database::~Database() = default;

Lease Database::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [&] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

void Database::release(std::unique_ptr<Connection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

namespace {

thread_local int write_transactions = 0;

}  // namespace

bool in_write_transaction() { return write_transactions > 0; }

Database::Transaction::Transaction(Connection& connection, bool write)
    : connection_(connection), write_(write) {
  connection_.exec(write ? "BEGIN IMMEDIATE" : "BEGIN");
  if (write_) ++write_transactions;
}

Database::Transaction::~Transaction() {
  if (write_) --write_transactions;
  if (!open_) return;
  try {
    connection_.exec("ROLLBACK");
  } catch (const DatabaseError&) {
    // The transaction may already be gone (SQLite rolls back on some errors).
  }
}

void Database::Transaction::commit() {
  connection_.exec("COMMIT");
  open_ = false;
}

}  // namespace ruamkit::storage
