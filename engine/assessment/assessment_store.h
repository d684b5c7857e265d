// The assessments of a workspace, stored in <workspace>/assessments.sqlite
// (docs/assessment.md). Every write is one SQLite transaction that changes
// the item, bumps its revision and appends one audit line per field that
// changed; a write that changes nothing writes nothing.
//
// Optimistic concurrency: an edit may name the revision it read
// (`expected_revision`); when the stored item has another revision, the
// write is refused with Status::kConflict and a French message saying who
// changed it and when (the HTTP API answers 409). Without it the edit
// applies to the current value, still in one transaction.
//
// REQUIRES of every edit: the candidate id, the target and the item ids
// were checked by the caller against the workspace (the store holds no
// referentiel), text fields are valid UTF-8.
//
// Thread safety: none; one store per thread. Across processes a writer
// waits for another's transaction (busy timeout 10 s), then succeeds.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/assessment/assessment.h"
#include "engine/assessment/sqlite_db.h"
#include "engine/status.h"

namespace passerelle {

// Who writes and when (UTC, "2026-12-02T15:04:05Z"): recorded in the audit.
struct WriteContext {
  std::string author;
  std::string at;
};

// Unset fields are left as they are.
struct CompetenceEdit {
  CompetenceId competence;
  std::optional<Decision> decision;
  std::optional<std::string> comment;
  std::optional<int64_t> expected_revision;
};

struct EvidenceEdit {
  CompetenceId competence;
  PassageRef passage;
  Verdict verdict = Verdict::kAccepted;
  std::string reason;
  std::optional<int64_t> expected_revision;
  std::string passage_hash;  // of the text judged (EvidenceJudgement)
};

struct BlocEdit {
  BlocId bloc;
  std::optional<bool> targeted;
  std::optional<bool> dispensed;  // true also makes the bloc not targeted
  std::optional<std::string> comment;
  std::optional<int64_t> expected_revision;
};

struct OpinionEdit {
  std::optional<Opinion> opinion;
  std::optional<std::string> preconisations;
  std::optional<int64_t> planned_hours;  // REQUIRES: >= 0
  std::optional<int64_t> expected_revision;
};

struct WriteOutcome {
  int64_t revision = 0;  // of the item after the write
  int changes = 0;       // fields changed (audit lines written); 0: nothing written
};

// Longest comment, reason or préconisations accepted, in bytes.
constexpr size_t kMaxAssessmentText = 20000;

class AssessmentStore {
 public:
  // <root>/assessments.sqlite
  static std::string PathIn(const std::string& workspace_root);
  // Opens the workspace's store, creating the file (0600) when `create`
  // (OpenAssessmentDatabase: newer schemas refused, older ones migrated).
  // NotFound when absent and !create.
  static Result<std::unique_ptr<AssessmentStore>> Open(const std::string& workspace_root,
                                                       bool create = true);
  // An empty store in memory, gone when destroyed: a front end tries a
  // write there first when the workspace has no database yet, so that a
  // refused write does not leave an empty database behind.
  static Result<std::unique_ptr<AssessmentStore>> OpenInMemory();

  // The stored assessment of `key`, or an empty one (stored == false).
  Result<Assessment> Load(const AssessmentKey& key) const;
  // The audit trail of `key`, oldest first; empty when nothing was written.
  Result<std::vector<AuditEntry>> History(const AssessmentKey& key) const;

  // Edits. Conflict on a stale expected_revision; InvalidArgument (French)
  // for a text too long, a bloc both targeted and dispensed, a rejected
  // passage without a reason, or an assessment already transmitted.
  Result<WriteOutcome> SetCompetence(const AssessmentKey& key, const CompetenceEdit& edit,
                                     const WriteContext& context);
  Result<WriteOutcome> SetEvidence(const AssessmentKey& key, const EvidenceEdit& edit,
                                   const WriteContext& context);
  Result<WriteOutcome> SetBloc(const AssessmentKey& key, const BlocEdit& edit,
                               const WriteContext& context);
  Result<WriteOutcome> SetOpinion(const AssessmentKey& key, const OpinionEdit& edit,
                                  const WriteContext& context);
  // Moves the state one step forward: draft -> shared -> transmitted (the
  // overall revision is the one checked). InvalidArgument for any other
  // move, and for transmitting without an opinion.
  Result<WriteOutcome> Advance(const AssessmentKey& key, AssessmentState to,
                               std::optional<int64_t> expected_revision,
                               const WriteContext& context);

  sql::Database* database() { return db_.get(); }

 private:
  explicit AssessmentStore(std::unique_ptr<sql::Database> db) : db_(std::move(db)) {}
  std::unique_ptr<sql::Database> db_;
};

}  // namespace passerelle
