// A small RAII wrapper over SQLite's C API (Debian's libsqlite3): a
// connection, prepared statements and IMMEDIATE transactions, with every
// SQLite error turned into a Status carrying a French message that names
// the database file. Nothing here knows about assessments.
//
// Thread safety: none; one connection per thread. Across processes SQLite's
// own locking applies: a writer waiting for another waits up to the busy
// timeout, then gets IOError.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "engine/status.h"

namespace passerelle::sql {

class Database;

// A prepared statement. Parameters are 1-based, columns 0-based (SQLite's
// conventions). Move-only; finalized on destruction.
class Statement {
 public:
  Statement(Statement&& other) noexcept;
  Statement& operator=(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  ~Statement();

  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindOptional(int index, const std::optional<std::string>& text);  // NULL: nullopt
  // True when a row is ready, false when the statement is done.
  Result<bool> Step();
  // Steps until done (statements without rows).
  Status Run();

  bool IsNull(int column) const;
  int64_t Int(int column) const;
  std::string Text(int column) const;  // "" for NULL
  std::optional<std::string> OptionalText(int column) const;

 private:
  friend class Database;
  Statement(sqlite3_stmt* stmt, const Database* db) : stmt_(stmt), db_(db) {}
  sqlite3_stmt* stmt_ = nullptr;
  const Database* db_ = nullptr;
};

class Database {
 public:
  // The path of a private database in memory, gone when closed.
  static constexpr const char* kInMemory = ":memory:";

  struct Options {
    // Create the file (mode 0600) when it does not exist.
    bool create = true;
    // How long a writer waits for another process's transaction.
    int busy_timeout_ms = 10000;
  };

  // Opens `path`. The file is created 0600 when `options.create` (SQLite
  // gives its -wal and -shm files the same mode); NotFound when absent
  // otherwise. Only the connection is configured here (busy timeout,
  // foreign keys, secure delete): journal mode and schema are the caller's.
  static Result<std::unique_ptr<Database>> Open(const std::string& path, const Options& options);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Runs one or more statements without parameters.
  Status Exec(const std::string& sql);
  Result<Statement> Prepare(std::string_view sql) const;
  // The value of a one-row, one-column query (a PRAGMA, a COUNT).
  Result<int64_t> QueryInt(const std::string& sql) const;
  int64_t LastInsertId() const;

  const std::string& path() const { return path_; }
  // A French Status for SQLite's result `code` while doing `what`.
  Status Error(int code, const std::string& what) const;

 private:
  Database(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  sqlite3* db_;
  std::string path_;
};

// BEGIN IMMEDIATE ... COMMIT: takes the write lock at once (waiting up to
// the busy timeout), so that what the transaction reads stays true until it
// commits. Rolled back on destruction unless committed. BeginRead starts a
// read transaction instead: one consistent snapshot (WAL), no lock taken.
class Transaction {
 public:
  static Result<std::unique_ptr<Transaction>> Begin(Database* db);
  static Result<std::unique_ptr<Transaction>> BeginRead(Database* db);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  Status Commit();

 private:
  explicit Transaction(Database* db) : db_(db) {}
  Database* db_;
  bool done_ = false;
};

}  // namespace passerelle::sql
