// The result of mapping a candidate's dossier onto a target certification:
// per competence a status, the passages that evidence it and what is still
// missing; per bloc and overall a coverage figure. Produced by
// engine/evidence_mapper.h, read by the CLI (`map`), the JSON writer and the
// PDF gap report (docs/mapping.md).
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/certification.h"
#include "engine/ids.h"

namespace passerelle {

enum class CoverageStatus { kCovered, kPartial, kMissing };

// "covered", "partial", "missing" (JSON keys).
std::string_view StatusKey(CoverageStatus status);
// "couvert", "partiel", "non couvert" (what users read).
std::string_view StatusLabel(CoverageStatus status);

// One passage of the dossier that evidences a competence.
struct Evidence {
  std::string dossier;     // file name of the dossier
  uint32_t passage = 0;    // 1-based rank of the passage in the dossier
  uint32_t paragraph = 0;  // 1-based paragraph number
  uint32_t page = 0;       // 0 when unknown (text dossiers)
  std::string text;        // verbatim: the passage, or the sentence when long
  double score = 0;        // evidence strength in [0, 1]
  // What it matched: the profile terms (as the dossier writes them), each
  // found in `text` ...
  std::vector<std::string> matched;
  // ... and where: the byte range [first, second) in `text` of each matched
  // word's first occurrence, in the order of `matched`.
  std::vector<std::pair<uint32_t, uint32_t>> highlights;
  // ... and the criteria / savoir-faire of the referentiel it supports.
  std::vector<std::string> supports;
};

struct CompetenceMapping {
  CompetenceId id;
  std::string number;  // "CP3" when the referentiel numbers competences
  std::string title;
  std::vector<BlocId> blocs;  // the blocs it belongs to
  CoverageStatus status = CoverageStatus::kMissing;
  double score = 0;                // in [0, 1]
  std::vector<Evidence> evidence;  // best first; empty when missing
  // Criteria and savoir-faire (verbatim) that no evidence supports.
  std::vector<std::string> missing;
};

struct BlocMapping {
  BlocId id;
  std::string title;
  double coverage = 0;  // (covered + 0.5 * partial) / competences
  CoverageStatus status = CoverageStatus::kMissing;
  int covered = 0;
  int partial = 0;
  int missing = 0;
  BlocKind kind = BlocKind::kStandard;  // a CCS is not in the certification's figures
};

struct MappingResult {
  std::string candidate;
  CertificationId target;
  // Over the competences that count toward the certification
  // (Certification::CountsTowardCertification): a CCS's own are left out.
  double coverage = 0;  // (covered + 0.5 * partial) / competences
  int covered = 0;
  int partial = 0;
  int missing = 0;
  std::vector<BlocMapping> blocs;                // in referentiel order
  std::vector<CompetenceMapping> competences;  // in referentiel order, distinct
};

// Coverage figure for counts: (covered + 0.5 * partial) / total, 0 when empty.
double CoverageOf(int covered, int partial, int total);

}  // namespace passerelle
