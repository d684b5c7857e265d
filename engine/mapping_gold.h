// Judging the mapping against a gold file (the format of
// ../shared/dossiers/gold_tuao_dev.json, documented in docs/mapping.md):
// per dossier, the acceptable statuses of each competence (keyed by its
// number, "CP3") and which paragraphs evidence which competences.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

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

}  // namespace passerelle
