#include "engine/assessment/assessment_schema.h"

#include <vector>

namespace passerelle {

namespace {

// migrations[v] takes a database from schema v to v + 1. Never edit a
// migration that has shipped: add the next one (docs/assessment.md).
const std::vector<const char*>& Migrations() {
  static const std::vector<const char*> kMigrations = {
      // 0 -> 1: assessments, decisions, evidence judgements, blocs, audit.
      R"sql(
CREATE TABLE schema_history (
  version INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL
);
CREATE TABLE assessments (
  id INTEGER PRIMARY KEY,
  candidate TEXT NOT NULL,
  target TEXT NOT NULL,
  opinion TEXT CHECK (opinion IN ('favorable', 'unfavorable', 'to_deepen')),
  preconisations TEXT NOT NULL DEFAULT '',
  planned_hours INTEGER CHECK (planned_hours >= 0),
  state TEXT NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'shared', 'transmitted')),
  revision INTEGER NOT NULL DEFAULT 0,
  UNIQUE (candidate, target)
);
CREATE TABLE competence_decisions (
  assessment INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  competence TEXT NOT NULL,
  decision TEXT CHECK (decision IN ('yes', 'partially', 'no', 'to_complete')),
  comment TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL CHECK (revision > 0),
  PRIMARY KEY (assessment, competence)
) WITHOUT ROWID;
CREATE TABLE evidence_judgements (
  assessment INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  competence TEXT NOT NULL,
  dossier TEXT NOT NULL,
  passage INTEGER NOT NULL CHECK (passage > 0),
  verdict TEXT NOT NULL CHECK (verdict IN ('accepted', 'rejected')),
  reason TEXT NOT NULL DEFAULT '',
  passage_hash TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL CHECK (revision > 0),
  PRIMARY KEY (assessment, competence, dossier, passage)
) WITHOUT ROWID;
CREATE TABLE bloc_decisions (
  assessment INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  bloc TEXT NOT NULL,
  targeted INTEGER NOT NULL CHECK (targeted IN (0, 1)),
  dispensed INTEGER NOT NULL CHECK (dispensed IN (0, 1)),
  comment TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL CHECK (revision > 0),
  CHECK (NOT (targeted AND dispensed)),
  PRIMARY KEY (assessment, bloc)
) WITHOUT ROWID;
CREATE TABLE audit (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  assessment INTEGER NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
  at TEXT NOT NULL,
  author TEXT NOT NULL,
  subject TEXT NOT NULL,
  item TEXT NOT NULL,
  field TEXT NOT NULL,
  old_value TEXT,
  new_value TEXT
);
CREATE INDEX audit_by_assessment ON audit (assessment, sequence);
CREATE TRIGGER audit_is_append_only BEFORE UPDATE ON audit
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
CREATE TRIGGER audit_leaves_with_its_assessment BEFORE DELETE ON audit
WHEN EXISTS (SELECT 1 FROM assessments WHERE id = OLD.assessment)
BEGIN
  SELECT RAISE(ABORT, 'the audit trail is append-only');
END;
)sql",
  };
  return kMigrations;
}

std::string Named(const std::string& path) { return "la base des positionnements " + path; }

// Refuses, before anything is written, a file this version must not touch.
Status CheckIdentity(const sql::Database& db) {
  auto application = db.QueryInt("PRAGMA application_id");
  if (!application.ok()) return application.status();
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*application != 0 && *application != kAssessmentApplicationId)
    return Status::Unsupported(Named(db.path()) +
                               " n'est pas une base de Passerelle ; elle n'a pas été modifiée");
  if (*version > kAssessmentSchemaVersion)
    return Status::Unsupported(Named(db.path()) +
                               " a été écrite par une version plus récente de Passerelle (schéma " +
                               std::to_string(*version) + ", cette version connaît le schéma " +
                               std::to_string(kAssessmentSchemaVersion) +
                               ") : mettez Passerelle à jour ; la base n'a pas été modifiée");
  return Status::OK();
}

Status Configure(sql::Database& db) {
  if (db.path() == sql::Database::kInMemory) return Status::OK();
  auto mode = db.Prepare("PRAGMA journal_mode = WAL");
  if (!mode.ok()) return mode.status();
  auto row = mode->Step();
  if (!row.ok()) return row.status();
  if (!*row || mode->Text(0) != "wal")
    return Status::IOError(Named(db.path()) + " : le mode WAL de SQLite est indisponible ici");
  // FULL: a commit reported done survives a power cut, not only kill -9.
  return db.Exec("PRAGMA synchronous = FULL");
}

Status Migrate(sql::Database& db) {
  auto transaction = sql::Transaction::Begin(&db);
  if (!transaction.ok()) return transaction.status();
  // Another process may have migrated while we waited for the lock.
  auto version = db.QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version > kAssessmentSchemaVersion) return CheckIdentity(db);
  for (int64_t v = *version; v < kAssessmentSchemaVersion; ++v) {
    Status s = db.Exec(Migrations()[static_cast<size_t>(v)]);
    if (s.ok())
      s = db.Exec("INSERT INTO schema_history VALUES (" + std::to_string(v + 1) +
                  ", strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))");
    if (!s.ok()) return s;
  }
  Status s = db.Exec("PRAGMA application_id = " + std::to_string(kAssessmentApplicationId) +
                     "; PRAGMA user_version = " + std::to_string(kAssessmentSchemaVersion));
  if (!s.ok()) return s;
  return (*transaction)->Commit();
}

}  // namespace

Result<std::unique_ptr<sql::Database>> OpenAssessmentDatabase(const std::string& path,
                                                              bool create) {
  sql::Database::Options options;
  options.create = create;
  auto db = sql::Database::Open(path, options);
  if (!db.ok()) return db.status();
  Status s = CheckIdentity(**db);
  if (!s.ok()) return s;
  s = Configure(**db);
  if (!s.ok()) return s;
  auto version = (*db)->QueryInt("PRAGMA user_version");
  if (!version.ok()) return version.status();
  if (*version < kAssessmentSchemaVersion) s = Migrate(**db);
  if (!s.ok()) return s;
  return db;
}

}  // namespace passerelle
