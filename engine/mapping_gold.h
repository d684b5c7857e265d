// Judging the mapping against a gold file (the format of
// ../shared/dossiers/gold_tuao_dev.json, documented in docs/mapping.md):
// per dossier, the acceptable statuses of each competence (keyed by its
// number, "CP3") and which paragraphs evidence which competences.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "engine/certification.h"
#include "engine/mapping_result.h"
#include "engine/status.h"

namespace passerelle {

struct GoldDossier {
  std::string name;  // file name without extension
  std::map<std::string, std::set<std::string>> status;      // "CP1" → {"covered"}
  std::map<uint32_t, std::set<std::string>> paragraphs;     // 2 → {"CP1"}
  // A dossier of another trade: every competence must be missing.
  bool OtherTrade() const;
};

struct Gold {
  std::string target;
  std::vector<GoldDossier> dossiers;
};

Result<Gold> ParseGold(const std::string& json_text, const std::string& source);

// The figures of the issue, accumulated over dossiers.
struct MappingScore {
  int statuses = 0;         // competences judged
  int statuses_right = 0;   // predicted status among the acceptable ones
  int evidenced = 0;        // non-missing predictions (own-trade dossiers)
  int evidence_right = 0;   // whose best evidence lies in a labelled paragraph
  int other_trade_false_positives = 0;  // non-missing on other trades
  std::vector<std::string> errors;      // one line per wrong status/evidence

  void Add(const GoldDossier& gold, const MappingResult& result);
  double StatusAccuracy() const { return statuses ? double(statuses_right) / statuses : 0; }
  double EvidencePrecision() const {
    return evidenced ? double(evidence_right) / evidenced : 1.0;
  }
};

// The dossier-professionnel gold (../shared/dossiers-real/gold_dp.json,
// docs/mapping.md "Quality"): real dossiers whose authors labelled each
// example with the CP(s) it illustrates; each dossier exists in full and
// with those labels stripped.
struct DpExample {
  std::vector<std::string> cp_titles;  // the REAC wording of the CPs claimed
  uint32_t first_full = 0, last_full = 0;  // paragraph range in <name>.txt
  uint32_t first_stripped = 0, last_stripped = 0;  // in <name>.stripped.txt
};

struct DpDossier {
  std::string name;    // "dp-dwwm-1"
  std::string target;  // "TP-01280"
  std::vector<DpExample> examples;
  std::vector<std::string> cp_without_example;  // titles
};

struct DpGold {
  std::vector<DpDossier> dossiers;
};

Result<DpGold> ParseDpGold(const std::string& json_text, const std::string& source);

// The competence of `target` whose title is `title` (accents, case,
// apostrophes and spacing aside), or nullptr.
const Competence* CompetenceTitled(const Certification& target, const std::string& title);

// The three figures of the issue on dossiers professionnels.
struct DpScore {
  int labelled = 0;            // CPs some example claims
  int labelled_found = 0;      // of which not missing
  int evidence_in_range = 0;   // of which the best evidence lies in a claiming example
  int unlabelled = 0;          // CPs no example claims (cp_without_example)
  int unlabelled_covered = 0;  // of which not missing
  std::vector<std::string> errors;

  // `stripped`: the result maps <name>.stripped.txt (its paragraph ranges).
  void Add(const DpDossier& gold, bool stripped, const Certification& target,
           const MappingResult& result);
  void Add(const DpScore& other);
  double Found() const { return labelled ? double(labelled_found) / labelled : 0; }
  double InRange() const {
    return labelled_found ? double(evidence_in_range) / labelled_found : 0;
  }
  double UnlabelledCovered() const {
    return unlabelled ? double(unlabelled_covered) / unlabelled : 0;
  }
};

}  // namespace passerelle
