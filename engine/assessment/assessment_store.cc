#include "engine/assessment/assessment_store.h"

#include "engine/assessment/assessment_schema.h"

namespace passerelle {

namespace {

using Text = std::optional<std::string>;

Text KeyText(const std::optional<Decision>& d) {
  return d ? Text(std::string(KeyOf(*d))) : std::nullopt;
}
Text KeyText(const std::optional<Opinion>& o) {
  return o ? Text(std::string(KeyOf(*o))) : std::nullopt;
}
Text BoolText(bool b) { return b ? "true" : "false"; }
Text HoursText(const std::optional<int64_t>& h) {
  return h ? Text(std::to_string(*h)) : std::nullopt;
}

// The audit lines of one write on one item, inside its transaction.
class Change {
 public:
  Change(sql::Database* db, int64_t assessment, const WriteContext& context, std::string subject,
         std::string item)
      : db_(db),
        assessment_(assessment),
        context_(context),
        subject_(std::move(subject)),
        item_(std::move(item)) {}

  // Appends a line when the value changes.
  Status Field(const std::string& field, const Text& before, const Text& after) {
    if (before == after) return Status::OK();
    auto stmt = db_->Prepare(
        "INSERT INTO audit (assessment, at, author, subject, item, field, old_value, new_value) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, assessment_).Bind(2, context_.at).Bind(3, context_.author);
    stmt->Bind(4, subject_)
        .Bind(5, item_)
        .Bind(6, field)
        .BindOptional(7, before)
        .BindOptional(8, after);
    ++changes_;
    return stmt->Run();
  }
  int changes() const { return changes_; }

 private:
  sql::Database* db_;
  int64_t assessment_;
  const WriteContext& context_;
  std::string subject_;
  std::string item_;
  int changes_ = 0;
};

// The id of `key`'s assessment row, 0 when absent.
Result<int64_t> FindAssessment(const sql::Database& db, const AssessmentKey& key) {
  auto stmt = db.Prepare("SELECT id FROM assessments WHERE candidate = ? AND target = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, key.candidate).Bind(2, key.target.value);
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  return *row ? stmt->Int(0) : int64_t{0};
}

Result<int64_t> EnsureAssessment(sql::Database& db, const AssessmentKey& key) {
  auto stmt = db.Prepare("INSERT OR IGNORE INTO assessments (candidate, target) VALUES (?, ?)");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, key.candidate).Bind(2, key.target.value);
  Status s = stmt->Run();
  if (!s.ok()) return s;
  return FindAssessment(db, key);
}

Status Damaged(const sql::Database& db, const std::string& what) {
  return Status::Corruption("base des positionnements " + db.path() + " : valeur inconnue " + what +
                            " (base endommagée ou d'une version plus récente)");
}

Result<OverallAssessment> LoadOverall(const sql::Database& db, int64_t id) {
  auto stmt = db.Prepare(
      "SELECT opinion, preconisations, planned_hours, state, revision FROM assessments "
      "WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  auto row = stmt->Step();
  if (!row.ok()) return row.status();
  OverallAssessment overall;
  if (!*row) return overall;
  if (!stmt->IsNull(0)) {
    overall.opinion = OpinionFromKey(stmt->Text(0));
    if (!overall.opinion) return Damaged(db, "d'avis « " + stmt->Text(0) + " »");
  }
  overall.preconisations = stmt->Text(1);
  if (!stmt->IsNull(2)) overall.planned_hours = stmt->Int(2);
  auto state = StateFromKey(stmt->Text(3));
  if (!state) return Damaged(db, "d'état « " + stmt->Text(3) + " »");
  overall.state = *state;
  overall.revision = stmt->Int(4);
  return overall;
}

Status LoadCompetences(const sql::Database& db, int64_t id, Assessment* out) {
  auto stmt = db.Prepare(
      "SELECT competence, decision, comment, revision FROM competence_decisions "
      "WHERE assessment = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    CompetenceAssessment& c = out->competences[CompetenceId(stmt->Text(0))];
    if (!stmt->IsNull(1)) {
      c.decision = DecisionFromKey(stmt->Text(1));
      if (!c.decision) return Damaged(db, "de décision « " + stmt->Text(1) + " »");
    }
    c.comment = stmt->Text(2);
    c.revision = stmt->Int(3);
  }
}

Status LoadEvidence(const sql::Database& db, int64_t id, Assessment* out) {
  auto stmt = db.Prepare(
      "SELECT competence, dossier, passage, verdict, reason, revision, passage_hash "
      "FROM evidence_judgements "
      "WHERE assessment = ? ORDER BY competence, dossier, passage");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    EvidenceJudgement e;
    e.passage = {stmt->Text(1), static_cast<uint32_t>(stmt->Int(2))};
    auto verdict = VerdictFromKey(stmt->Text(3));
    if (!verdict) return Damaged(db, "de verdict « " + stmt->Text(3) + " »");
    e.verdict = *verdict;
    e.reason = stmt->Text(4);
    e.revision = stmt->Int(5);
    e.passage_hash = stmt->Text(6);
    out->competences[CompetenceId(stmt->Text(0))].evidence.push_back(std::move(e));
  }
}

Status LoadBlocs(const sql::Database& db, int64_t id, Assessment* out) {
  auto stmt = db.Prepare(
      "SELECT bloc, targeted, dispensed, comment, revision FROM bloc_decisions "
      "WHERE assessment = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, id);
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return Status::OK();
    BlocAssessment& b = out->blocs[BlocId(stmt->Text(0))];
    b.targeted = stmt->Int(1) != 0;
    b.dispensed = stmt->Int(2) != 0;
    b.comment = stmt->Text(3);
    b.revision = stmt->Int(4);
  }
}

Result<Assessment> LoadIn(const sql::Database& db, const AssessmentKey& key) {
  Assessment a;
  a.key = key;
  auto id = FindAssessment(db, key);
  if (!id.ok()) return id.status();
  if (*id == 0) return a;
  a.stored = true;
  auto overall = LoadOverall(db, *id);
  if (!overall.ok()) return overall.status();
  a.overall = *overall;
  Status s = LoadCompetences(db, *id, &a);
  if (s.ok()) s = LoadEvidence(db, *id, &a);
  if (s.ok()) s = LoadBlocs(db, *id, &a);
  if (!s.ok()) return s;
  return a;
}

// Refuses a write based on revision `expected` of an item now at `current`,
// naming who changed it last.
Status CheckRevision(const sql::Database& db, int64_t assessment, const std::string& subject,
                     const std::string& item, const std::string& what, int64_t current,
                     const std::optional<int64_t>& expected) {
  if (!expected || *expected == current) return Status::OK();
  std::string by;
  auto stmt = db.Prepare(
      "SELECT author, at FROM audit WHERE assessment = ? AND subject = ? AND item = ? "
      "ORDER BY sequence DESC LIMIT 1");
  if (stmt.ok()) {
    stmt->Bind(1, assessment).Bind(2, subject).Bind(3, item);
    auto row = stmt->Step();
    if (row.ok() && *row) by = " par " + stmt->Text(0) + " le " + stmt->Text(1);
  }
  return Status::Conflict("conflit sur " + what + " : vous avez lu la révision " +
                          std::to_string(*expected) + ", mais la révision " +
                          std::to_string(current) + " a été enregistrée" + by +
                          " ; rien n'a été modifié : relisez (passerelle assess show) puis "
                          "recommencez");
}

Status CheckText(const std::string& text, const std::string& what) {
  if (text.size() <= kMaxAssessmentText) return Status::OK();
  return Status::InvalidArgument(what + " trop long : " + std::to_string(text.size()) +
                                 " octets, au plus " + std::to_string(kMaxAssessmentText));
}

// A write: its transaction, its assessment row (created if needed) and the
// check that the assessment may still change.
struct Write {
  std::unique_ptr<sql::Transaction> transaction;
  int64_t assessment = 0;
  OverallAssessment overall;
};

Result<Write> BeginWrite(sql::Database& db, const AssessmentKey& key, bool editing) {
  auto transaction = sql::Transaction::Begin(&db);
  if (!transaction.ok()) return transaction.status();
  Write w;
  w.transaction = std::move(*transaction);
  auto id = EnsureAssessment(db, key);
  if (!id.ok()) return id.status();
  w.assessment = *id;
  auto overall = LoadOverall(db, w.assessment);
  if (!overall.ok()) return overall.status();
  w.overall = *overall;
  if (editing && w.overall.state == AssessmentState::kTransmitted)
    return Status::InvalidArgument("le positionnement de " + key.candidate + " pour " +
                                   key.target.value +
                                   " a été transmis : il ne peut plus être modifié");
  return w;
}

Result<WriteOutcome> Finish(Write& w, const Change& change, int64_t revision) {
  if (change.changes() == 0) return WriteOutcome{revision - 1, 0};  // rolled back
  Status s = w.transaction->Commit();
  if (!s.ok()) return s;
  return WriteOutcome{revision, change.changes()};
}

}  // namespace

std::string AssessmentStore::PathIn(const std::string& workspace_root) {
  return workspace_root + "/assessments.sqlite";
}

Result<std::unique_ptr<AssessmentStore>> AssessmentStore::Open(const std::string& workspace_root,
                                                               bool create) {
  auto db = OpenAssessmentDatabase(PathIn(workspace_root), create);
  if (!db.ok()) return db.status();
  return std::unique_ptr<AssessmentStore>(new AssessmentStore(std::move(*db)));
}

Result<std::unique_ptr<AssessmentStore>> AssessmentStore::OpenInMemory() {
  auto db = OpenAssessmentDatabase(sql::Database::kInMemory, true);
  if (!db.ok()) return db.status();
  return std::unique_ptr<AssessmentStore>(new AssessmentStore(std::move(*db)));
}

Result<Assessment> AssessmentStore::Load(const AssessmentKey& key) const {
  auto transaction = sql::Transaction::BeginRead(db_.get());
  if (!transaction.ok()) return transaction.status();
  return LoadIn(*db_, key);
}

Result<std::vector<AuditEntry>> AssessmentStore::History(const AssessmentKey& key) const {
  auto stmt = db_->Prepare(
      "SELECT sequence, at, author, subject, item, field, old_value, new_value FROM audit "
      "JOIN assessments ON assessments.id = audit.assessment "
      "WHERE candidate = ? AND target = ? ORDER BY sequence");
  if (!stmt.ok()) return stmt.status();
  stmt->Bind(1, key.candidate).Bind(2, key.target.value);
  std::vector<AuditEntry> entries;
  for (;;) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) return entries;
    entries.push_back({stmt->Int(0), stmt->Text(1), stmt->Text(2), stmt->Text(3), stmt->Text(4),
                       stmt->Text(5), stmt->OptionalText(6), stmt->OptionalText(7)});
  }
}

Result<WriteOutcome> AssessmentStore::SetCompetence(const AssessmentKey& key,
                                                    const CompetenceEdit& edit,
                                                    const WriteContext& context) {
  if (edit.comment) {
    Status s = CheckText(*edit.comment, "commentaire");
    if (!s.ok()) return s;
  }
  auto w = BeginWrite(*db_, key, true);
  if (!w.ok()) return w.status();
  auto stored = LoadIn(*db_, key);
  if (!stored.ok()) return stored.status();
  const CompetenceAssessment before = stored->CompetenceOf(edit.competence);
  const std::string& item = edit.competence.value;
  Status s = CheckRevision(*db_, w->assessment, "competence", item, "la compétence " + item,
                           before.revision, edit.expected_revision);
  if (!s.ok()) return s;
  CompetenceAssessment after = before;
  if (edit.decision) after.decision = edit.decision;
  if (edit.comment) after.comment = *edit.comment;
  Change change(db_.get(), w->assessment, context, "competence", item);
  s = change.Field("decision", KeyText(before.decision), KeyText(after.decision));
  if (s.ok()) s = change.Field("comment", before.comment, after.comment);
  if (!s.ok()) return s;
  const int64_t revision = before.revision + 1;
  if (change.changes() > 0) {
    auto stmt = db_->Prepare("INSERT OR REPLACE INTO competence_decisions VALUES (?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, w->assessment).Bind(2, item).BindOptional(3, KeyText(after.decision));
    stmt->Bind(4, after.comment).Bind(5, revision);
    s = stmt->Run();
    if (!s.ok()) return s;
  }
  return Finish(*w, change, revision);
}

Result<WriteOutcome> AssessmentStore::SetEvidence(const AssessmentKey& key,
                                                  const EvidenceEdit& edit,
                                                  const WriteContext& context) {
  Status s = CheckText(edit.reason, "motif");
  if (!s.ok()) return s;
  if (edit.verdict == Verdict::kRejected && edit.reason.empty())
    return Status::InvalidArgument("écarter une preuve demande un motif (--reason)");
  auto w = BeginWrite(*db_, key, true);
  if (!w.ok()) return w.status();
  auto stored = LoadIn(*db_, key);
  if (!stored.ok()) return stored.status();
  EvidenceJudgement before;
  before.passage = edit.passage;
  bool existed = false;
  for (const EvidenceJudgement& e : stored->CompetenceOf(edit.competence).evidence)
    if (e.passage == edit.passage) {
      before = e;
      existed = true;
    }
  const std::string item = edit.competence.value + " " + edit.passage.dossier + "#" +
                           std::to_string(edit.passage.passage);
  s = CheckRevision(*db_, w->assessment, "evidence", item, "la preuve " + item, before.revision,
                    edit.expected_revision);
  if (!s.ok()) return s;
  Change change(db_.get(), w->assessment, context, "evidence", item);
  s = change.Field("verdict", existed ? Text(std::string(KeyOf(before.verdict))) : std::nullopt,
                   std::string(KeyOf(edit.verdict)));
  if (s.ok()) s = change.Field("reason", before.reason, edit.reason);
  if (s.ok()) s = change.Field("passage_hash", before.passage_hash, edit.passage_hash);
  if (!s.ok()) return s;
  const int64_t revision = before.revision + 1;
  if (change.changes() > 0) {
    auto stmt =
        db_->Prepare("INSERT OR REPLACE INTO evidence_judgements VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, w->assessment).Bind(2, edit.competence.value).Bind(3, edit.passage.dossier);
    stmt->Bind(4, int64_t{edit.passage.passage}).Bind(5, KeyOf(edit.verdict));
    stmt->Bind(6, edit.reason).Bind(7, edit.passage_hash).Bind(8, revision);
    s = stmt->Run();
    if (!s.ok()) return s;
  }
  return Finish(*w, change, revision);
}

Result<WriteOutcome> AssessmentStore::SetBloc(const AssessmentKey& key, const BlocEdit& edit,
                                              const WriteContext& context) {
  if (edit.comment) {
    Status s = CheckText(*edit.comment, "commentaire");
    if (!s.ok()) return s;
  }
  if (edit.targeted.value_or(false) && edit.dispensed.value_or(false))
    return Status::InvalidArgument("un bloc dispensé n'est pas visé : choisissez l'un ou l'autre");
  auto w = BeginWrite(*db_, key, true);
  if (!w.ok()) return w.status();
  auto stored = LoadIn(*db_, key);
  if (!stored.ok()) return stored.status();
  const BlocAssessment before = stored->BlocOf(edit.bloc);
  const std::string& item = edit.bloc.value;
  Status s = CheckRevision(*db_, w->assessment, "bloc", item, "le bloc " + item, before.revision,
                           edit.expected_revision);
  if (!s.ok()) return s;
  BlocAssessment after = before;
  if (edit.dispensed) after.dispensed = *edit.dispensed;
  if (edit.targeted) after.targeted = *edit.targeted;
  if (edit.dispensed.value_or(false)) after.targeted = false;
  if (edit.targeted.value_or(false)) after.dispensed = false;
  if (edit.comment) after.comment = *edit.comment;
  Change change(db_.get(), w->assessment, context, "bloc", item);
  s = change.Field("targeted", BoolText(before.targeted), BoolText(after.targeted));
  if (s.ok()) s = change.Field("dispensed", BoolText(before.dispensed), BoolText(after.dispensed));
  if (s.ok()) s = change.Field("comment", before.comment, after.comment);
  if (!s.ok()) return s;
  const int64_t revision = before.revision + 1;
  if (change.changes() > 0) {
    auto stmt = db_->Prepare("INSERT OR REPLACE INTO bloc_decisions VALUES (?, ?, ?, ?, ?, ?)");
    if (!stmt.ok()) return stmt.status();
    stmt->Bind(1, w->assessment).Bind(2, item).Bind(3, int64_t{after.targeted});
    stmt->Bind(4, int64_t{after.dispensed}).Bind(5, after.comment).Bind(6, revision);
    s = stmt->Run();
    if (!s.ok()) return s;
  }
  return Finish(*w, change, revision);
}

namespace {

Status UpdateOverall(sql::Database& db, int64_t assessment, const OverallAssessment& o) {
  auto stmt = db.Prepare(
      "UPDATE assessments SET opinion = ?, preconisations = ?, planned_hours = ?, state = ?, "
      "revision = ? WHERE id = ?");
  if (!stmt.ok()) return stmt.status();
  stmt->BindOptional(1, KeyText(o.opinion)).Bind(2, o.preconisations);
  if (o.planned_hours)
    stmt->Bind(3, *o.planned_hours);
  else
    stmt->BindOptional(3, Text());
  stmt->Bind(4, KeyOf(o.state)).Bind(5, o.revision).Bind(6, assessment);
  return stmt->Run();
}

}  // namespace

Result<WriteOutcome> AssessmentStore::SetOpinion(const AssessmentKey& key, const OpinionEdit& edit,
                                                 const WriteContext& context) {
  if (edit.preconisations) {
    Status s = CheckText(*edit.preconisations, "texte des préconisations");
    if (!s.ok()) return s;
  }
  auto w = BeginWrite(*db_, key, true);
  if (!w.ok()) return w.status();
  const OverallAssessment before = w->overall;
  Status s = CheckRevision(*db_, w->assessment, "assessment", "", "l'avis d'ensemble",
                           before.revision, edit.expected_revision);
  if (!s.ok()) return s;
  OverallAssessment after = before;
  if (edit.opinion) after.opinion = edit.opinion;
  if (edit.preconisations) after.preconisations = *edit.preconisations;
  if (edit.planned_hours) after.planned_hours = edit.planned_hours;
  after.revision = before.revision + 1;
  Change change(db_.get(), w->assessment, context, "assessment", "");
  s = change.Field("opinion", KeyText(before.opinion), KeyText(after.opinion));
  if (s.ok()) s = change.Field("preconisations", before.preconisations, after.preconisations);
  if (s.ok())
    s = change.Field("planned_hours", HoursText(before.planned_hours),
                     HoursText(after.planned_hours));
  if (s.ok() && change.changes() > 0) s = UpdateOverall(*db_, w->assessment, after);
  if (!s.ok()) return s;
  return Finish(*w, change, after.revision);
}

Result<WriteOutcome> AssessmentStore::Advance(const AssessmentKey& key, AssessmentState to,
                                              std::optional<int64_t> expected_revision,
                                              const WriteContext& context) {
  auto w = BeginWrite(*db_, key, false);
  if (!w.ok()) return w.status();
  const OverallAssessment before = w->overall;
  Status s = CheckRevision(*db_, w->assessment, "assessment", "", "l'avis d'ensemble",
                           before.revision, expected_revision);
  if (!s.ok()) return s;
  const bool next =
      (before.state == AssessmentState::kDraft && to == AssessmentState::kShared) ||
      (before.state == AssessmentState::kShared && to == AssessmentState::kTransmitted);
  if (!next)
    return Status::InvalidArgument(
        "le positionnement est à l'état « " + std::string(LabelOf(before.state)) +
        " » : il ne peut pas passer à l'état « " + std::string(LabelOf(to)) + " »");
  if (to == AssessmentState::kTransmitted && !before.opinion)
    return Status::InvalidArgument(
        "donnez d'abord l'avis de l'accompagnateur (passerelle assess opinion --opinion …) : "
        "un positionnement sans avis ne peut pas être transmis");
  OverallAssessment after = before;
  after.state = to;
  after.revision = before.revision + 1;
  Change change(db_.get(), w->assessment, context, "assessment", "");
  s = change.Field("state", std::string(KeyOf(before.state)), std::string(KeyOf(after.state)));
  if (s.ok()) s = UpdateOverall(*db_, w->assessment, after);
  if (!s.ok()) return s;
  return Finish(*w, change, after.revision);
}

}  // namespace passerelle
