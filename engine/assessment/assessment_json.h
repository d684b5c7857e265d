// The JSON of `passerelle assess` (docs/assessment.md, "JSON"): an
// assessment laid over the automatic mapping, and the audit trail.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <vector>

#include "engine/assessment/assessment.h"
#include "engine/mapping_result.h"

namespace passerelle {

// A passage of the dossier as `show` quotes it.
struct QuotedPassage {
  uint32_t paragraph = 0;
  uint32_t page = 0;
  std::string text;
};

// `proposal` gives the competences and blocs in referentiel order and the
// proposed evidence; `passages` (may miss some) quotes the judged passages
// the mapping did not propose.
nlohmann::json AssessmentToJson(const Assessment& assessment, const MappingResult& proposal,
                                const std::map<PassageRef, QuotedPassage>& passages);

nlohmann::json AuditToJson(const std::vector<AuditEntry>& entries);

}  // namespace passerelle
