// The assessment database: its schema, versioned in SQLite's user_version,
// and the migrations that bring an older file up to date
// (docs/assessment.md, "Schema").
#pragma once

#include <memory>
#include <string>

#include "engine/assessment/sqlite_db.h"
#include "engine/status.h"

namespace passerelle {

// The schema this version of Passerelle writes.
constexpr int kAssessmentSchemaVersion = 1;
// PRAGMA application_id of our files: "PSRL".
constexpr int kAssessmentApplicationId = 0x5053524c;

// Opens (creating when `create`) the assessment database at `path` and
// brings its schema to kAssessmentSchemaVersion in one transaction.
// Before anything is written the file is checked: Unsupported, with a French
// message, for a database of a newer schema or of another application — the
// file is then left byte for byte as it was. Corruption for a file that is
// not an SQLite database. The connection is in WAL mode, synchronous FULL,
// with foreign keys on. NotFound when absent and !create.
Result<std::unique_ptr<sql::Database>> OpenAssessmentDatabase(const std::string& path, bool create);

}  // namespace passerelle
