#include "engine/assessment/sqlite_db.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace passerelle::sql {

Statement::Statement(Statement&& other) noexcept : stmt_(other.stmt_), db_(other.db_) {
  other.stmt_ = nullptr;
}

Statement& Statement::operator=(Statement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = other.stmt_;
    db_ = other.db_;
    other.stmt_ = nullptr;
  }
  return *this;
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindOptional(int index, const std::optional<std::string>& text) {
  if (text) return Bind(index, std::string_view(*text));
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Result<bool> Statement::Step() {
  const int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return db_->Error(rc, "lecture ou écriture");
}

Status Statement::Run() {
  for (;;) {
    auto row = Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
  }
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const unsigned char* text = sqlite3_column_text(stmt_, column);
  if (text == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(text),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Text(column);
}

namespace {

// Creates `path` owner-only when absent, so that SQLite (which gives its
// journal files the database's mode) never makes a readable file.
Status CreatePrivate(const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IOError("impossible de créer " + path + " : " + std::strerror(errno));
  ::close(fd);
  return Status::OK();
}

}  // namespace

Result<std::unique_ptr<Database>> Database::Open(const std::string& path, const Options& options) {
  struct stat st {};
  if (path != kInMemory && ::stat(path.c_str(), &st) != 0) {
    if (!options.create) return Status::NotFound("base " + path + " absente");
    Status s = CreatePrivate(path);
    if (!s.ok()) return s;
  }
  sqlite3* handle = nullptr;
  const int rc = sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READWRITE, nullptr);
  std::unique_ptr<Database> db(new Database(handle, path));
  if (rc != SQLITE_OK) return db->Error(rc, "ouverture");
  sqlite3_extended_result_codes(handle, 1);
  sqlite3_busy_timeout(handle, options.busy_timeout_ms);
  // Foreign keys are off by default in SQLite; secure_delete overwrites
  // what a change or a deletion removes (comments are personal data).
  Status s = db->Exec("PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;");
  if (!s.ok()) return s;
  return db;
}

Database::~Database() { sqlite3_close_v2(db_); }

Status Database::Exec(const std::string& sql) {
  const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
  return rc == SQLITE_OK ? Status::OK() : Error(rc, "écriture");
}

Result<Statement> Database::Prepare(std::string_view sql) const {
  sqlite3_stmt* stmt = nullptr;
  const int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return Error(rc, "préparation d'une requête");
  return Statement(stmt, this);
}

Result<int64_t> Database::QueryInt(const std::string& sql) const {
  auto stmt = Prepare(sql);
  if (!stmt.ok()) return stmt.status();
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  if (!*row)
    return Status::Corruption("base " + path_ + " : la requête « " + sql +
                              " » ne rend aucune ligne");
  return stmt->Int(0);
}

int64_t Database::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

Status Database::Error(int code, const std::string& what) const {
  const std::string where = "base des positionnements " + path_ + " (" + what + ") : ";
  const std::string detail = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code);
  switch (code & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::IOError(where +
                             "une autre commande y écrit depuis trop longtemps ; "
                             "réessayez dans un instant");
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(where + "fichier endommagé ou qui n'est pas une base SQLite (" +
                                detail + ")");
    case SQLITE_FULL:
      return Status::IOError(where + "disque plein");
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_CANTOPEN:
      return Status::IOError(where + "accès refusé (" + detail + ")");
    case SQLITE_CONSTRAINT:
      return Status::InvalidArgument(where + "contrainte non respectée (" + detail + ")");
    default:
      return Status::IOError(where + detail);
  }
}

Result<std::unique_ptr<Transaction>> Transaction::Begin(Database* db) {
  Status s = db->Exec("BEGIN IMMEDIATE");
  if (!s.ok()) return s;
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Result<std::unique_ptr<Transaction>> Transaction::BeginRead(Database* db) {
  Status s = db->Exec("BEGIN DEFERRED");
  if (!s.ok()) return s;
  return std::unique_ptr<Transaction>(new Transaction(db));
}

Transaction::~Transaction() {
  if (!done_) db_->Exec("ROLLBACK");
}

Status Transaction::Commit() {
  Status s = db_->Exec("COMMIT");
  if (s.ok()) done_ = true;
  return s;
}

}  // namespace passerelle::sql
