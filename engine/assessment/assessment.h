// The counsellor's assessment (positionnement) of one candidate against one
// target certification: per competence a decision, a comment and a verdict
// on evidence passages; per bloc whether it is targeted or dispensed; an
// overall opinion, préconisations, planned hours and a state. Stored by
// engine/assessment/assessment_store.h; format in docs/assessment.md.
//
// Every stored item carries a revision: 0 while never written, then 1, 2…
// A write names the revision it read, and is refused when the item changed
// meanwhile (optimistic concurrency, Status::kConflict).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/ids.h"
#include "engine/status.h"

namespace passerelle {

enum class Decision { kYes, kPartially, kNo, kToComplete };
enum class Verdict { kAccepted, kRejected };
enum class Opinion { kFavorable, kUnfavorable, kToDeepen };
enum class AssessmentState { kDraft, kShared, kTransmitted };

// Stored and JSON keys: "yes", "partially", "no", "to_complete"; "accepted",
// "rejected"; "favorable", "unfavorable", "to_deepen"; "draft", "shared",
// "transmitted".
std::string_view KeyOf(Decision d);
std::string_view KeyOf(Verdict v);
std::string_view KeyOf(Opinion o);
std::string_view KeyOf(AssessmentState s);
// What users read: "oui", "partiellement", "non", "à compléter"; "retenue",
// "écartée"; "favorable", "défavorable", "à approfondir"; "brouillon",
// "partagé avec le candidat", "transmis".
std::string_view LabelOf(Decision d);
std::string_view LabelOf(Verdict v);
std::string_view LabelOf(Opinion o);
std::string_view LabelOf(AssessmentState s);

// From a stored key (nullopt when unknown: a newer or damaged base).
std::optional<Decision> DecisionFromKey(std::string_view key);
std::optional<Verdict> VerdictFromKey(std::string_view key);
std::optional<Opinion> OpinionFromKey(std::string_view key);
std::optional<AssessmentState> StateFromKey(std::string_view key);

// From what a user typed: the French word or the key, whatever the case and
// accents, spaces, '-' or '_' between words ("à compléter", "a-completer",
// "A_COMPLETER"). InvalidArgument listing the accepted words otherwise.
Result<Decision> ParseDecision(std::string_view typed);
Result<Opinion> ParseOpinion(std::string_view typed);

struct AssessmentKey {
  std::string candidate;
  CertificationId target;
};

// A passage of the candidate's dossier, as the mapping cites it.
struct PassageRef {
  std::string dossier;   // file name
  uint32_t passage = 0;  // 1-based rank in the dossier
  auto operator<=>(const PassageRef&) const = default;
};

struct EvidenceJudgement {
  PassageRef passage;
  Verdict verdict = Verdict::kAccepted;
  std::string reason;
  // ContentHash (engine/file_system.h) of the passage's text when judged:
  // tells when a re-added dossier put other text at that rank.
  std::string passage_hash;
  int64_t revision = 0;
};

struct CompetenceAssessment {
  std::optional<Decision> decision;  // none: the counsellor has not decided
  std::string comment;
  int64_t revision = 0;
  std::vector<EvidenceJudgement> evidence;  // by dossier, then passage
};

struct BlocAssessment {
  bool targeted = true;  // a bloc never written is targeted
  bool dispensed = false;
  std::string comment;
  int64_t revision = 0;
};

struct OverallAssessment {
  std::optional<Opinion> opinion;
  std::string preconisations;
  std::optional<int64_t> planned_hours;
  AssessmentState state = AssessmentState::kDraft;
  int64_t revision = 0;
};

struct Assessment {
  AssessmentKey key;
  bool stored = false;  // false: nothing written yet, every item at revision 0
  OverallAssessment overall;
  std::map<CompetenceId, CompetenceAssessment> competences;  // only those written
  std::map<BlocId, BlocAssessment> blocs;                    // only those written

  // The item, or a default one (revision 0) when never written.
  CompetenceAssessment CompetenceOf(const CompetenceId& id) const;
  BlocAssessment BlocOf(const BlocId& id) const;
};

// One line of the audit trail: `field` of `item` went from `before` to
// `after` (nullopt: no value). Values are stored keys or text.
struct AuditEntry {
  int64_t sequence = 0;  // increasing, in the order of the changes
  std::string at;        // UTC, "2026-12-02T15:04:05Z"
  std::string author;
  std::string subject;  // "competence", "evidence", "bloc", "assessment"
  std::string item;     // competence or bloc id, "<competence> <dossier>#<passage>", or ""
  std::string field;    // "decision", "comment", "verdict", "reason", "targeted", …
  std::optional<std::string> before;
  std::optional<std::string> after;
};

}  // namespace passerelle
